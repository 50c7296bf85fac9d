package com.zhidian.guide.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlacementsTest {
    private static final Set<String> ZONES = Set.of("z1", "z2", "z3");
    private final Map<String, String> parents = new HashMap<>(Map.of("milk", "dairy"));

    {
        parents.put("dairy", null);
    }

    private static Placement p(String kind, String key, String zone, String shelf) {
        return new Placement(kind, key, zone, shelf, Instant.EPOCH);
    }

    @Test
    void ownPlacementWins_thenCategory_thenParent() {
        var own = Map.of("g1", p(Placement.PRODUCT, "g1", "z1", "A1"));
        var cats = Map.of("milk", p(Placement.CATEGORY, "milk", "z2", null), "dairy", p(Placement.CATEGORY, "dairy", "z3", "C"));
        assertEquals(new Placements.Resolved("z1", "A1", Placements.OWN), Placements.resolve("g1", "milk", own, cats, parents, ZONES).orElseThrow());
        assertEquals(new Placements.Resolved("z2", null, Placements.CATEGORY), Placements.resolve("g2", "milk", own, cats, parents, ZONES).orElseThrow());
        assertEquals(new Placements.Resolved("z3", "C", Placements.PARENT),
                Placements.resolve("g2", "milk", own, Map.of("dairy", cats.get("dairy")), parents, ZONES).orElseThrow());
    }

    @Test
    void aPlacementInAnErasedZoneFallsThroughToTheNextLevel() {
        var own = Map.of("g1", p(Placement.PRODUCT, "g1", "gone", null));
        var cats = Map.of("milk", p(Placement.CATEGORY, "milk", "z2", null));
        assertEquals("z2", Placements.resolve("g1", "milk", own, cats, parents, ZONES).orElseThrow().zoneId());
        assertTrue(Placements.resolve("g1", "milk", own, Map.of(), parents, ZONES).isEmpty());
    }

    @Test
    void aProductWithoutCategoryOrPlacementIsNowhere() {
        assertTrue(Placements.resolve("g9", null, Map.of(), Map.of(), parents, ZONES).isEmpty());
        assertTrue(Placements.resolve("g9", "unknown", Map.of(), Map.of(), parents, ZONES).isEmpty());
    }
}
