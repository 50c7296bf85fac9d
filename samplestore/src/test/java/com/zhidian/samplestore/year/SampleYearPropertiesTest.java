package com.zhidian.samplestore.year;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Example;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class SampleYearPropertiesTest {
    private static SampleYear small(long seed) {
        return new SampleYear(new SampleYear.Config(seed, LocalDate.of(2025, 1, 6), 42, 60, 40,
                List.of(new SampleYear.Store("c", StoreKind.CONVENIENCE, 1.0), new SampleYear.Store("s", StoreKind.SUPERMARKET, 2.0))));
    }

    @Property(tries = 200)
    void gtinCheckDigitDetectsEverySingleDigitError(@ForAll @IntRange(min = 690, max = 699) int prefix,
            @ForAll @IntRange(min = 0, max = 9999) int company, @ForAll @IntRange(min = 0, max = 99999) int item,
            @ForAll @IntRange(min = 0, max = 12) int pos, @ForAll @IntRange(min = 1, max = 9) int delta) {
        String g = Gtin.of(prefix, company, item);
        assertTrue(Gtin.valid(g));
        char[] c = g.toCharArray();
        c[pos] = (char) ('0' + (c[pos] - '0' + delta) % 10);
        assertTrue(!Gtin.valid(new String(c)), "a changed digit must fail the check: " + new String(c));
    }

    @Example
    void knownGtinsCheck() {
        assertTrue(Gtin.valid("6900000000014"));
        assertTrue(Gtin.valid("6901939621257")); // a real Chinese GTIN
        assertEquals(7, Gtin.checkDigit("690193962125"));
    }

    @Property(tries = 15)
    void productsHaveValidUniqueChinaGtinsAndSaneMoney(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        SampleYear y = small(seed);
        Set<String> gtins = new HashSet<>();
        for (YearProduct p : y.products()) {
            assertTrue(Gtin.valid(p.gtin()), p.gtin());
            int prefix = Integer.parseInt(p.gtin().substring(0, 3));
            assertTrue(prefix >= 690 && prefix <= 699, p.gtin());
            assertTrue(gtins.add(p.gtin()), "duplicate " + p.gtin());
            assertTrue(p.price() > 0 && p.cost() > 0 && p.cost() < p.price(), p.toString());
            assertTrue(p.casePack() > 0 && p.shelfLifeDays() > 0, p.toString());
            assertTrue(!p.nameZh().isBlank() && !p.nameEn().isBlank());
        }
        assertEquals(60, y.products().size());
    }

    @Property(tries = 10)
    void reproducibleFromTheSeed(@ForAll @LongRange(min = 0, max = 1_000_000) long seed, @ForAll @IntRange(min = 0, max = 41) int day) {
        SampleYear a = small(seed), b = small(seed);
        assertEquals(a.products(), b.products());
        assertEquals(a.members(), b.members());
        assertEquals(a.promotions(), b.promotions());
        assertEquals(YearOrders.on(a, 1, day), YearOrders.on(b, 1, day));
        String gtin = a.products().get(day % a.products().size()).gtin();
        assertEquals(List.of(YearStock.receipts(a, 0, gtin)), List.of(YearStock.receipts(b, 0, gtin)));
    }

    @Property(tries = 10)
    void ordersAddUpToTheDemandSeries(@ForAll @LongRange(min = 0, max = 1_000_000) long seed, @ForAll @IntRange(min = 0, max = 41) int day) {
        SampleYear y = small(seed);
        for (int store = 0; store < 2; store++) {
            List<YearOrders.Order> orders = YearOrders.on(y, store, day);
            for (YearProduct p : y.products()) {
                long sold = orders.stream().flatMap(o -> o.lines().stream()).filter(l -> l.gtin().equals(p.gtin()))
                        .mapToLong(YearOrders.Line::quantity).sum();
                assertEquals(y.demand(store, p.gtin(), day), sold, p.gtin());
            }
        }
    }

    @Property(tries = 10)
    void refundsNeverExceedWhatWasPaidAndTotalsArePositive(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        SampleYear y = small(seed);
        for (int day = 0; day < y.days(); day++) {
            for (YearOrders.Order o : YearOrders.on(y, 1, day)) {
                assertTrue(!o.lines().isEmpty());
                assertTrue(o.total() > 0 && o.discount() >= 0 && o.discount() < o.subtotal(), o.toString());
                if (o.coupon() != null) assertTrue(o.member() >= 0);
                if (o.refund() != null) {
                    YearOrders.Line l = o.lines().get(o.refund().line());
                    assertTrue(o.refund().quantity() <= l.quantity() && o.refund().quantity() > 0);
                    assertTrue(o.refund().amount() <= l.amount() && o.refund().amount() <= o.total(), o.toString());
                    assertTrue(o.refund().at().isAfter(o.at()));
                }
            }
        }
    }

    @Property(tries = 10)
    void stockNeverGoesNegativeAndLotsExpireAfterDelivery(@ForAll @LongRange(min = 0, max = 1_000_000) long seed,
            @ForAll @IntRange(min = 0, max = 59) int product, @ForAll @IntRange(min = 0, max = 1) int store) {
        SampleYear y = small(seed);
        String gtin = y.products().get(product).gtin();
        for (long s : YearStock.closingStock(y, store, gtin)) assertTrue(s >= 0);
        for (YearStock.Receipt r : YearStock.receipts(y, store, gtin)) {
            assertTrue(r.quantity() > 0 && r.expiresOn().isAfter(y.date(r.day())));
            if (!y.product(gtin).weighed()) assertEquals(0, r.quantity() % y.product(gtin).casePack());
        }
    }

    @Property(tries = 10)
    void visitorsCoverTheHoursOrders(@ForAll @LongRange(min = 0, max = 1_000_000) long seed, @ForAll @IntRange(min = 0, max = 41) int day) {
        SampleYear y = small(seed);
        List<YearOrders.Order> orders = YearOrders.on(y, 0, day);
        int pos = 0;
        for (YearTelemetry.Hour h : YearTelemetry.hours(y, 0, day, orders)) {
            assertTrue(h.visitors() >= h.orders() && h.energyWh() > 0);
            pos += h.orders();
        }
        assertEquals(orders.stream().filter(o -> o.channel() == YearOrders.Channel.POS).count(), pos);
    }

    @Example
    void theYearHasItsShape() {
        SampleYear y = new SampleYear(SampleYear.Config.full(42, LocalDate.of(2025, 1, 6)));
        YearCalendar c = y.calendar();
        int sf = c.dayOf(LocalDate.of(2025, 1, 29));
        assertEquals("SPRING_FESTIVAL", c.event(sf));
        assertEquals("DOUBLE_ELEVEN", c.event(c.dayOf(LocalDate.of(2025, 11, 11))));
        assertTrue(c.temperature(c.dayOf(LocalDate.of(2025, 7, 20))) > c.temperature(c.dayOf(LocalDate.of(2025, 1, 20))));
        YearProduct iceCream = y.products().stream().filter(p -> p.category().startsWith("冷冻食品/冰淇淋")).findFirst().orElseThrow();
        double july = 0, jan = 0;
        for (int d = 0; d < 14; d++) {
            july += y.expectedDemand(0, iceCream.gtin(), c.dayOf(LocalDate.of(2025, 7, 14)) + d);
            jan += y.expectedDemand(0, iceCream.gtin(), c.dayOf(LocalDate.of(2025, 3, 3)) + d);
        }
        assertTrue(july > 2 * jan, "ice cream sells on hot days");
        YearProduct baijiu = y.products().stream().filter(p -> p.category().startsWith("酒水/白酒")).findFirst().orElseThrow();
        assertTrue(y.expectedDemand(0, baijiu.gtin(), sf - 5) > 2 * y.expectedDemand(0, baijiu.gtin(), sf + 40));
        Set<YearProduct.Pattern> patterns = new HashSet<>();
        y.products().forEach(p -> patterns.add(p.pattern()));
        assertEquals(Set.of(YearProduct.Pattern.values()), patterns);
        assertTrue(y.products().stream().anyMatch(YearProduct::weighed));
        assertEquals(y.days() - 56, y.holdOutFrom());
    }
}
