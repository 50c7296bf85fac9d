package com.zhidian.guide.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Invariants of the map rules over random drawings: whatever is accepted has every cell inside the grid and no cell
 * in two zones (checked cell by cell, independently of the rule's own bookkeeping); whatever overlaps is refused; and
 * where a product is does not depend on the order placements were read in.
 */
class MapProperties {
    @Provide
    Arbitrary<Rect> rects() {
        return Combinators.combine(Arbitraries.integers().between(-2, 41), Arbitraries.integers().between(-2, 41),
                Arbitraries.integers().between(1, 12), Arbitraries.integers().between(1, 12)).as(Rect::new);
    }

    @Provide
    Arbitrary<List<Zone>> zones() {
        Arbitrary<List<Rect>> cells = rects().list().ofMinSize(1).ofMaxSize(4);
        return cells.list().ofMinSize(0).ofMaxSize(8).map(all -> {
            List<Zone> out = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) out.add(new Zone("z" + i, "区域" + i, "aisle", all.get(i)));
            return out;
        });
    }

    @Property(tries = 500)
    void anAcceptedMapHasEveryCellInsideAndNoCellTwice(@ForAll @IntRange(min = 2, max = 40) int width, @ForAll @IntRange(min = 2, max = 40) int height,
                                                       @ForAll("zones") List<Zone> zones) {
        boolean accepted = MapRules.check(width, height, zones).isEmpty();
        int[][] count = new int[42 + 12][42 + 12];
        boolean outside = false;
        boolean twice = false;
        for (Zone z : zones) {
            for (Rect r : z.cells()) {
                for (int x = r.x(); x < r.x() + r.width(); x++) {
                    for (int y = r.y(); y < r.y() + r.height(); y++) {
                        if (x < 0 || y < 0 || x >= width || y >= height) {
                            outside = true;
                            continue;
                        }
                        if (++count[x][y] > 1) twice = true;
                    }
                }
            }
        }
        assertEquals(!outside && !twice, accepted, "accepted exactly when inside and without overlaps");
        if (accepted) {
            StoreMap m = new StoreMap(width, height, zones, 1, null);
            for (Zone z : zones) for (Rect r : z.cells()) assertEquals(z.id(), m.zoneAt(r.x(), r.y()).orElseThrow().id());
        }
    }

    @Property(tries = 300)
    void placementResolutionIsStableUnderReadingOrder(@ForAll("placements") Map<String, Placement> own, @ForAll("categoryPlacements") Map<String, Placement> cats,
                                                      @ForAll @IntRange(min = 0, max = 5) int product, @ForAll @IntRange(min = 0, max = 3) int category,
                                                      @ForAll long seed) {
        Map<String, String> parents = new HashMap<>(Map.of("c1", "c0", "c2", "c0"));
        parents.put("c0", null);
        Set<String> zoneIds = Set.of("z0", "z1", "z2");
        String gtin = "g" + product;
        String cat = "c" + category;
        Optional<Placements.Resolved> first = Placements.resolve(gtin, cat, own, cats, parents, zoneIds);
        Optional<Placements.Resolved> again = Placements.resolve(gtin, cat, shuffled(own, seed), shuffled(cats, seed + 1), parents, zoneIds);
        assertEquals(first, again);
        // whatever answers is a zone on the map, and the product's own live placement always wins
        first.ifPresent(r -> assertTrue(zoneIds.contains(r.zoneId())));
        Placement mine = own.get(gtin);
        if (mine != null && zoneIds.contains(mine.zoneId())) assertEquals(Placements.OWN, first.orElseThrow().source());
        if (first.isEmpty()) assertFalse(mine != null && zoneIds.contains(mine.zoneId()));
    }

    private static Map<String, Placement> shuffled(Map<String, Placement> m, long seed) {
        List<String> keys = new ArrayList<>(m.keySet());
        Collections.shuffle(keys, new java.util.Random(seed));
        Map<String, Placement> out = new LinkedHashMap<>();
        for (String k : keys) out.put(k, m.get(k));
        return out;
    }

    @Provide
    Arbitrary<Map<String, Placement>> placements() {
        return Arbitraries.maps(Arbitraries.integers().between(0, 5).map(i -> "g" + i), Arbitraries.integers().between(0, 4).map(i -> "z" + i))
                .ofMaxSize(6).map(m -> {
                    Map<String, Placement> out = new HashMap<>();
                    m.forEach((k, z) -> out.put(k, new Placement(Placement.PRODUCT, k, z, null, null)));
                    return out;
                });
    }

    @Provide
    Arbitrary<Map<String, Placement>> categoryPlacements() {
        return Arbitraries.maps(Arbitraries.integers().between(0, 3).map(i -> "c" + i), Arbitraries.integers().between(0, 4).map(i -> "z" + i))
                .ofMaxSize(4).map(m -> {
                    Map<String, Placement> out = new HashMap<>();
                    m.forEach((k, z) -> out.put(k, new Placement(Placement.CATEGORY, k, z, null, null)));
                    return out;
                });
    }
}
