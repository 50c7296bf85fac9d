package com.zhidian.merchants.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CreditRatingTest {
    static final Instant NOW = Instant.parse("2026-12-04T00:00:00Z");

    static CreditRating.Fact closed(String outcome, int daysAgo, int daysToClose, boolean late) {
        Instant closed = NOW.minus(Duration.ofDays(daysAgo));
        return new CreditRating.Fact(outcome, closed.minus(Duration.ofDays(daysToClose)), closed, late);
    }

    @Test
    void noComplaints_isAFullHundred_gradeA() {
        assertEquals(new CreditRating.Rating(100, "A"), CreditRating.of(List.of(), NOW));
    }

    @Test
    void aRecentUpheldComplaint_costsFifteen_lessTheInTimeBonus() {
        assertEquals(new CreditRating.Rating(87, "B"), CreditRating.of(List.of(closed("upheld", 10, 5, false)), NOW));
        // closed after 20 days: no bonus
        assertEquals(85, CreditRating.of(List.of(closed("upheld", 10, 20, false)), NOW).score());
    }

    @Test
    void olderComplaints_weighLess() {
        assertEquals(85, CreditRating.of(List.of(closed("upheld", 100, 20, false)), NOW).score());
        assertEquals(93, CreditRating.of(List.of(closed("upheld", 200, 20, false)), NOW).score(), "7.5 rounds to 8 off");
        assertEquals(97, CreditRating.of(List.of(closed("upheld", 400, 20, false)), NOW).score());
    }

    @Test
    void partlyUpheld_costsEight_rejectedAndWithdrawn_costNothing() {
        assertEquals(92, CreditRating.of(List.of(closed("partly", 10, 20, false)), NOW).score());
        assertEquals(100, CreditRating.of(List.of(closed("rejected", 10, 20, false), closed("withdrawn", 10, 2, false)), NOW).score());
    }

    @Test
    void aLateAnswer_costsFive_evenWhileOpen() {
        CreditRating.Fact open = new CreditRating.Fact(null, NOW.minus(Duration.ofDays(5)), null, true);
        assertEquals(95, CreditRating.of(List.of(open), NOW).score());
        CreditRating.Fact openInTime = new CreditRating.Fact(null, NOW.minus(Duration.ofDays(1)), null, false);
        assertEquals(100, CreditRating.of(List.of(openInTime), NOW).score());
    }

    @Test
    void theInTimeBonus_isCappedAtTen() {
        List<CreditRating.Fact> facts = new ArrayList<>();
        for (int i = 0; i < 4; i++) facts.add(closed("upheld", 10, 2, false)); // -60 + 8
        assertEquals(48, CreditRating.of(facts, NOW).score());
        for (int i = 0; i < 10; i++) facts.add(closed("rejected", 10, 2, false)); // bonus now capped at 10
        assertEquals(50, CreditRating.of(facts, NOW).score());
    }

    @Test
    void grades_andFloorAtZero() {
        assertEquals("A", CreditRating.grade(90));
        assertEquals("B", CreditRating.grade(89));
        assertEquals("B", CreditRating.grade(75));
        assertEquals("C", CreditRating.grade(74));
        assertEquals("C", CreditRating.grade(60));
        assertEquals("D", CreditRating.grade(59));
        List<CreditRating.Fact> many = new ArrayList<>();
        for (int i = 0; i < 20; i++) many.add(closed("upheld", 1, 30, true));
        assertEquals(new CreditRating.Rating(0, "D"), CreditRating.of(many, NOW));
    }
}
