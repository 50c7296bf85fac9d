package com.zhidian.purchasing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AssortmentTest {
    static Assortment.Item item(String g, double units, long price, long cost, long onHand, Integer last, Assortment.Lot... lots) {
        return new Assortment.Item(g, g, units, price, cost, onHand, last, List.of(lots));
    }

    @Test
    void abcByCumulativeContribution() {
        // contributions 700, 150, 100, 50 of 1000 (and a loss): A while the share before it is below 80 % (0, 70 %), B below 95 % (85 %), C after
        List<Assortment.Abc> abc = Assortment.abc(List.of(item("a", 700, 200, 100, 1, 1), item("b", 150, 200, 100, 1, 1),
                item("c", 100, 200, 100, 1, 1), item("d", 50, 200, 100, 1, 1), item("loss", 10, 100, 150, 1, 1)));
        assertEquals(List.of("a", "b", "c", "d", "loss"), abc.stream().map(Assortment.Abc::gtin).toList());
        assertEquals(List.of("A", "A", "B", "C", "C"), abc.stream().map(Assortment.Abc::abcClass).toList());
        assertEquals(0.7, abc.get(0).share(), 1e-9);
        assertEquals(1.0, abc.get(3).cumulativeShare(), 1e-9);
    }

    @Test
    void nearExpiryLotThatWillNotSellOutIsMarkedDown() {
        // 90 a quarter = 1 a day; 12 on the shelf expire in 4 days: about 4 sell, 8 of 12 (67 %) would be left → 30 %
        Assortment.Hints h = Assortment.hints(List.of(item("milk", 90, 1000, 700, 12, 0, new Assortment.Lot("2026-12-08", 4, 12))));
        Assortment.Markdown m = h.markdowns().get(0);
        assertEquals("near_expiry", m.reason());
        assertEquals(4, m.expectedToSell(), 1e-9);
        assertEquals(30, m.percent());
        assertEquals(700, m.suggestedPrice());
        // a lot that sells out in time is left alone
        assertTrue(Assortment.hints(List.of(item("milk", 900, 1000, 700, 12, 0, new Assortment.Lot("2026-12-08", 4, 12)))).markdowns().isEmpty());
    }

    @Test
    void slowMoversAreMarkedDownNotBelowCost_andRarelySellingCIsADelistCandidate() {
        // 9 sold in 90 days = 0.1 a day; 30 on hand last 300 days > 120 → 20 % off 500 = 400, above the cost 450? no: floor at cost
        Assortment.Hints h = Assortment.hints(List.of(item("top", 900, 1000, 500, 10, 0), item("slow", 9, 500, 450, 30, 20),
                item("dead", 2, 300, 100, 5, 60)));
        Assortment.Slow slow = h.slowMovers().stream().filter(s -> s.gtin().equals("slow")).findFirst().orElseThrow();
        assertEquals(300, slow.daysOfCover(), 1e-9);
        assertFalse(slow.delist(), "9 sold is more than hardly selling");
        Assortment.Markdown m = h.markdowns().stream().filter(x -> x.gtin().equals("slow")).findFirst().orElseThrow();
        assertEquals(450, m.suggestedPrice());
        assertEquals(10, m.percent());
        Assortment.Slow dead = h.slowMovers().stream().filter(s -> s.gtin().equals("dead")).findFirst().orElseThrow();
        assertTrue(dead.delist());
        assertTrue(h.slowMovers().stream().noneMatch(s -> s.gtin().equals("top")));
    }
}
