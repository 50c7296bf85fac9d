package com.zhidian.guide.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MapRulesTest {
    private static Zone zone(String id, String name, Rect... cells) {
        return new Zone(id, name, "aisle", List.of(cells));
    }

    @Test
    void aMapOfSeparateZonesInsideTheGridIsAccepted() {
        assertEquals(List.of(), MapRules.check(10, 6, List.of(zone("a", "入口", new Rect(0, 0, 2, 1)), zone("b", "生鲜", new Rect(2, 0, 3, 3),
                new Rect(5, 0, 1, 1)), zone("c", "收银", new Rect(9, 5, 1, 1)))));
    }

    @Test
    void aRectangleReachingPastTheGridIsNamed() {
        var issues = MapRules.check(10, 6, List.of(zone("a", "A", new Rect(0, 0, 1, 1)), zone("b", "B", new Rect(1, 1, 1, 1), new Rect(8, 5, 3, 1))));
        assertEquals(1, issues.size());
        assertEquals("zones[1].cells[1]", issues.get(0).field());
        assertEquals(MapRules.OUTSIDE_GRID, issues.get(0).code());
    }

    @Test
    void touchingIsNotOverlapping_butOneSharedCellIs() {
        assertEquals(List.of(), MapRules.check(10, 10, List.of(zone("a", "A", new Rect(0, 0, 3, 3)), zone("b", "B", new Rect(3, 0, 3, 3)))));
        var issues = MapRules.check(10, 10, List.of(zone("a", "A", new Rect(0, 0, 3, 3)), zone("b", "B", new Rect(2, 2, 3, 3))));
        assertEquals(1, issues.size());
        assertEquals("zones[1].cells[0]", issues.get(0).field());
        assertEquals(MapRules.OVERLAP, issues.get(0).code());
        assertTrue(issues.get(0).en().contains("A"));
    }

    @Test
    void aZoneCoveringItsOwnCellsTwiceIsRefusedToo() {
        var issues = MapRules.check(10, 10, List.of(zone("a", "A", new Rect(0, 0, 3, 3), new Rect(1, 1, 1, 1))));
        assertEquals(List.of("zones[0].cells[1]"), issues.stream().map(MapRules.Issue::field).toList());
    }

    @Test
    void idsAndNamesAreUnique_namesTrimmedAndCaseInsensitive() {
        var issues = MapRules.check(10, 10, List.of(zone("a", "Fresh", new Rect(0, 0, 1, 1)), zone("a", " fresh ", new Rect(1, 0, 1, 1))));
        assertEquals(List.of("zones[1].id", "zones[1].name"), issues.stream().map(MapRules.Issue::field).toList());
        assertTrue(issues.stream().allMatch(i -> i.code().equals(MapRules.DUPLICATE)));
    }

    @Test
    void zoneAtFindsTheCoveringZone() {
        StoreMap m = new StoreMap(10, 10, List.of(zone("a", "A", new Rect(0, 0, 2, 2)), zone("b", "B", new Rect(5, 5, 1, 1))), 1, Instant.EPOCH);
        assertEquals("a", m.zoneAt(1, 1).orElseThrow().id());
        assertEquals("b", m.zoneAt(5, 5).orElseThrow().id());
        assertTrue(m.zoneAt(2, 2).isEmpty());
    }

    @Test
    void anEventRunsOnTheDaysItTouchesInTheStoresZone() {
        ZoneId sh = ZoneId.of("Asia/Shanghai");
        // 2026-12-05 23:00 to 2026-12-06 01:00 Shanghai
        GuideEvent e = new GuideEvent("e", "t", null, Instant.parse("2026-12-05T15:00:00Z"), Instant.parse("2026-12-05T17:00:00Z"), null,
                Instant.EPOCH, Instant.EPOCH);
        assertTrue(e.runsOn(LocalDate.parse("2026-12-05"), sh));
        assertTrue(e.runsOn(LocalDate.parse("2026-12-06"), sh));
        assertTrue(!e.runsOn(LocalDate.parse("2026-12-04"), sh));
        assertTrue(!e.runsOn(LocalDate.parse("2026-12-07"), sh));
        // ending exactly at midnight does not run the next day
        GuideEvent toMidnight = new GuideEvent("e", "t", null, Instant.parse("2026-12-05T02:00:00Z"), Instant.parse("2026-12-05T16:00:00Z"), null,
                Instant.EPOCH, Instant.EPOCH);
        assertTrue(!toMidnight.runsOn(LocalDate.parse("2026-12-06"), sh));
    }
}
