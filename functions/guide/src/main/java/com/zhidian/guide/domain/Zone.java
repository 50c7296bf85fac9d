package com.zhidian.guide.domain;

import java.util.List;
import java.util.Set;

/**
 * An area the owner draws on the store's grid: a stable id (the placements name it), a name customers read, a kind
 * (what the kiosk colours it by) and the rectangles of cells it covers.
 */
public record Zone(String id, String name, String kind, List<Rect> cells) {
    public static final Set<String> KINDS = Set.of("entrance", "exit", "aisle", "shelf", "fresh", "chilled", "frozen", "bakery", "household",
            "checkout", "service", "counter", "lockers", "restroom", "other");

    public Zone {
        cells = List.copyOf(cells);
    }

    public boolean contains(int x, int y) {
        for (Rect r : cells) if (r.contains(x, y)) return true;
        return false;
    }

    public int area() {
        int n = 0;
        for (Rect r : cells) n += r.cells();
        return n;
    }
}
