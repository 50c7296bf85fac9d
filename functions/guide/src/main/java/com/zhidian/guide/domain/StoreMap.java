package com.zhidian.guide.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A store's map: a grid of {@code width} × {@code height} cells and the zones drawn on it. {@code version} counts the
 * saves (0: nothing drawn yet); a save names the version it was drawn on and is refused when another came first.
 */
public record StoreMap(int width, int height, List<Zone> zones, long version, Instant updatedAt) {
    public static final int DEFAULT_WIDTH = 20;
    public static final int DEFAULT_HEIGHT = 12;

    public StoreMap {
        zones = List.copyOf(zones);
    }

    /** The map of a store whose owner has drawn nothing yet. */
    public static StoreMap empty() {
        return new StoreMap(DEFAULT_WIDTH, DEFAULT_HEIGHT, List.of(), 0, null);
    }

    public Optional<Zone> zone(String id) {
        if (id == null) return Optional.empty();
        return zones.stream().filter(z -> z.id().equals(id)).findFirst();
    }

    /** The zone covering a cell, if any (an accepted map has at most one). */
    public Optional<Zone> zoneAt(int x, int y) {
        return zones.stream().filter(z -> z.contains(x, y)).findFirst();
    }
}
