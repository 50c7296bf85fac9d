package com.zhidian.catalog.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class PriceRulesTest {
    static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
    static final String G = "06901234567892";

    static PriceVersion v(String store, int day, long price) {
        return new PriceVersion(G, store, T0.plus(Duration.ofDays(day)), price, null, null, null, "o", T0);
    }

    @Test
    void theNextChangeIsTheNearestStartOrPromotionBoundaryOfThisStoreOrTheTenant() {
        PriceVersion promo = new PriceVersion(G, "st_a", T0, 300, 250L, T0.plus(Duration.ofDays(2)), T0.plus(Duration.ofDays(4)), "o", T0);
        List<PriceVersion> vs = List.of(v(null, 0, 200), promo, v(null, 3, 220), v("st_b", 1, 199));
        assertEquals(T0.plus(Duration.ofDays(2)), PriceRules.nextChange(vs, "st_a", T0), "the promotion starts; st_b's version is not st_a's");
        assertEquals(T0.plus(Duration.ofDays(3)), PriceRules.nextChange(vs, "st_a", T0.plus(Duration.ofDays(2))), "a tenant version");
        assertEquals(T0.plus(Duration.ofDays(4)), PriceRules.nextChange(vs, "st_a", T0.plus(Duration.ofDays(3))), "the promotion ends");
        assertEquals(null, PriceRules.nextChange(vs, "st_a", T0.plus(Duration.ofDays(4))), "nothing scheduled");
        assertEquals(T0.plus(Duration.ofDays(1)), PriceRules.nextChange(vs, "st_b", T0));
    }

    @Test
    void storeOwnPriceWins_tenantPriceOtherwise_futureVersionsWait() {
        List<PriceVersion> vs = List.of(v(null, 0, 200), v("st_a", 1, 250), v(null, 3, 220), v("st_b", 5, 199));
        assertEquals(200, PriceRules.inForce(vs, "st_a", T0).orElseThrow().price());
        assertEquals(250, PriceRules.inForce(vs, "st_a", T0.plus(Duration.ofDays(4))).orElseThrow().price(), "the store's own beats a newer tenant price");
        assertEquals(220, PriceRules.inForce(vs, "st_b", T0.plus(Duration.ofDays(4))).orElseThrow().price());
        assertEquals(PriceInForce.STORE, PriceRules.inForce(vs, "st_b", T0.plus(Duration.ofDays(6))).orElseThrow().source());
        assertTrue(PriceRules.inForce(vs, "st_a", T0.minusSeconds(1)).isEmpty());
        assertEquals(250, PriceRules.inForce(vs, "st_a", T0).orElseThrow().next().price(), "the scheduled change is announced");
        assertEquals(220, PriceRules.inForce(vs, "st_c", T0).orElseThrow().next().price());
    }

    @Test
    void promotionRunsInItsHalfOpenWindow() {
        PriceVersion p = new PriceVersion(G, null, T0, 500, 399L, T0.plusSeconds(60), T0.plusSeconds(120), "o", T0);
        assertEquals(500, PriceRules.inForce(List.of(p), "s", T0.plusSeconds(59)).orElseThrow().price());
        assertEquals(399, PriceRules.inForce(List.of(p), "s", T0.plusSeconds(60)).orElseThrow().price());
        assertTrue(PriceRules.inForce(List.of(p), "s", T0.plusSeconds(60)).orElseThrow().promo());
        assertEquals(500, PriceRules.inForce(List.of(p), "s", T0.plusSeconds(120)).orElseThrow().price());
    }

    @Test
    void promoChecks_andBelowCost() {
        assertThrows(CatalogErrors.PromoWindowBackwards.class, () -> PriceRules.checkPromo(2, 1L, T0, T0));
        assertThrows(CatalogErrors.PromoIncomplete.class, () -> PriceRules.checkPromo(2, 1L, T0, null));
        PriceRules.checkPromo(2, null, null, null);
        PriceRules.checkPromo(2, 1L, T0, T0.plusSeconds(60));
        assertThrows(CatalogErrors.PromoNotBelowPrice.class, () -> PriceRules.checkPromo(2, 2L, T0, T0.plusSeconds(60)), "equal is no promotion");
        assertThrows(CatalogErrors.PromoNotBelowPrice.class, () -> PriceRules.checkPromo(750, 900L, T0, T0.plusSeconds(60)));
        assertTrue(PriceRules.belowCost(299, null, 300L));
        assertTrue(PriceRules.belowCost(400, 250L, 300L));
        assertFalse(PriceRules.belowCost(300, null, 300L));
        assertFalse(PriceRules.belowCost(1, null, null));
    }

    @Provide
    Arbitrary<PriceVersion> version() {
        Arbitrary<String> store = Arbitraries.of("st_a", "st_b", "st_c").injectNull(0.4);
        Arbitrary<String> gtin = Arbitraries.of("06901234567892", "00000096385074", "10012345678902");
        return Combinators.combine(gtin, store, Arbitraries.integers().between(-5, 20), Arbitraries.longs().between(0, 10_000),
                Arbitraries.integers().between(-3, 10), Arbitraries.integers().between(1, 10))
                .as((g, s, day, price, promoStart, promoLen) -> new PriceVersion(g, s, T0.plus(Duration.ofHours(day * 12L)), price,
                        promoStart % 2 == 0 ? price / 2 : null, T0.plus(Duration.ofHours(promoStart * 12L)),
                        T0.plus(Duration.ofHours((promoStart + promoLen) * 12L)), "o", T0));
    }

    /**
     * The POS asks for one product (its versions only), the mini-program's list reads a page of products at once
     * (every product's versions together), a shelf label asks for its store: the answer is the same.
     */
    @Property(tries = 500)
    void theSameAnswer_whicheverChannelAsks(@ForAll @Size(max = 25) List<@From("version") PriceVersion> versions,
                                            @ForAll("stores") String store, @ForAll @IntRange(min = -10, max = 50) int hour) {
        Instant at = T0.plus(Duration.ofHours(hour * 6L));
        var byGtin = versions.stream().collect(Collectors.groupingBy(PriceVersion::gtin));
        for (String g : byGtin.keySet()) {
            var pos = PriceRules.inForce(byGtin.get(g), store, at);
            List<PriceVersion> page = new ArrayList<>(versions);
            var list = PriceRules.inForce(page.stream().filter(x -> x.gtin().equals(g)).toList(), store, at);
            List<PriceVersion> reversed = new ArrayList<>(byGtin.get(g));
            java.util.Collections.reverse(reversed);
            var label = PriceRules.inForce(reversed, store, at);
            assertEquals(pos, list);
            assertEquals(pos.map(PriceInForce::price), label.map(PriceInForce::price), "order of reading does not matter");
            pos.ifPresent(p -> assertTrue(p.price() >= 0 && p.price() <= p.regularPrice() || !p.promo()));
        }
    }

    @Provide
    Arbitrary<String> stores() {
        return Arbitraries.of("st_a", "st_b", "st_c", "st_d");
    }
}
