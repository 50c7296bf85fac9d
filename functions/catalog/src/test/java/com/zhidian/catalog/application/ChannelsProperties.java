package com.zhidian.catalog.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.zhidian.catalog.domain.PriceInForce;
import com.zhidian.core.testing.TestTables;
import com.zhidian.core.Ids;
import com.zhidian.core.auth.Caller;
import com.zhidian.core.auth.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * 同标同质同价 through the services: after random tenant-wide and store prices (some scheduled ahead, some with a
 * promotion), the POS's single read, the mini-program's list and the scanner give the same price for every store.
 */
class ChannelsProperties {
    static final Instant NOW = Instant.parse("2026-12-04T00:00:00Z");

    record Set_(String store, long price, Long promo, int startHours, int promoFrom) {}

    @Provide
    Arbitrary<Set_> set() {
        // a promotion lowers the price (the catalog refuses others): the promo is the price less a random cut
        return Combinators.combine(Arbitraries.of("st_a", "st_b").injectNull(0.5), Arbitraries.longs().between(1, 5000),
                Arbitraries.longs().between(0, 5000).injectNull(0.5), Arbitraries.integers().between(-2, 6),
                Arbitraries.integers().between(-3, 3)).as((store, price, promo, start, from) ->
                new Set_(store, price, promo == null ? null : promo % price, start, from));
    }

    @Property(tries = 15)
    void posListAndScanner_agree(@ForAll @Size(min = 1, max = 8) List<@From("set") Set_> sets) {
        String tenant = Ids.next("t");
        Fixture f = Fixture.on(TestTables.client(), tenant, Clock.fixed(NOW, ZoneOffset.UTC));
        String gtin = f.product("06901234567892");
        Caller owner = new Caller("u", "owner@x", Role.OWNER, tenant, Set.of(), null);
        for (Set_ s : sets) {
            Instant start = NOW.plus(Duration.ofHours(s.startHours()));
            PriceService.Input in = new PriceService.Input(s.price(), s.promo(), s.promo() == null ? null : NOW.plus(Duration.ofHours(s.promoFrom())),
                    s.promo() == null ? null : NOW.plus(Duration.ofHours(s.promoFrom() + 2)), start);
            if (s.store() == null) f.services.prices().setForTenant(owner, gtin, in);
            else f.services.prices().setForStore(owner, s.store(), gtin, in);
        }
        for (String store : List.of("st_a", "st_b", "st_c")) {
            Long pos = price(() -> f.services.prices().inForce(owner, store, gtin, null));
            var rows = f.services.prices().list(owner, store, null, 50, null).items();
            Long list = rows.get(0).price() == null ? null : rows.get(0).price().price();
            Long scan = price(() -> f.services.scan().scan(owner, store, gtin.substring(1)).price());
            assertEquals(pos, list, store);
            assertEquals(pos, scan, store);
        }
    }

    private static Long price(java.util.function.Supplier<PriceInForce> read) {
        try {
            return read.get().price();
        } catch (com.zhidian.catalog.domain.CatalogErrors.NoPrice e) {
            return null;
        }
    }
}
