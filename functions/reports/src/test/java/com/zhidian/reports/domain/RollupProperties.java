package com.zhidian.reports.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Report totals equal the sum of the orders and refunds they cover: random paid orders and refunds at random instants
 * (many near local midnight), in several time zones, applied (and some delivered twice) to in-memory buckets, then
 * read back by every time grouping over the local days that cover them.
 */
class RollupProperties {
    static final List<String> ZONES = List.of("Asia/Shanghai", "UTC", "America/Los_Angeles", "Pacific/Kiritimati");
    static final Instant BASE = Instant.parse("2026-03-01T00:00:00Z");

    @Provide
    Arbitrary<List<OrderEvent>> events() {
        Arbitrary<OrderEvent.Line> line = Combinators.combine(Arbitraries.of("g1", "g2", "g3"), Arbitraries.of("c1", "c2"),
                Arbitraries.longs().between(1, 5), Arbitraries.longs().between(0, 5000), Arbitraries.longs().between(0, 300))
                .as((g, c, q, price, disc) -> new OrderEvent.Line(g, c, q, q * price, Math.min(disc, q * price), q * price - Math.min(disc, q * price)));
        Arbitrary<OrderEvent> e = Combinators.combine(Arbitraries.of(OrderEvent.PAID, OrderEvent.REFUNDED),
                Arbitraries.longs().between(0, 3 * 24 * 3600), Arbitraries.of("pos", "mini_program"), Arbitraries.of("s1", "s2"),
                line.list().ofMinSize(1).ofMaxSize(4), Arbitraries.integers().between(0, 1_000_000))
                .as((kind, seconds, ch, store, lines, id) -> new OrderEvent("t", store, "e" + id + kind, kind, "o" + id,
                        BASE.plusSeconds(seconds), ch, "in_store", "clerk", null, lines));
        return e.list().ofMaxSize(40);
    }

    @Property(tries = 300)
    void totalsEqualTheSumOfOrdersAndRefunds(@ForAll("events") List<OrderEvent> events, @ForAll("zones") String zoneId,
                                             @ForAll boolean redeliver) {
        ZoneId zone = ZoneId.of(zoneId);
        InMemoryBuckets buckets = new InMemoryBuckets();
        for (OrderEvent e : events) {
            buckets.apply("t", e.eventId(), Rollup.contributions(e, zone));
            if (redeliver) buckets.apply("t", e.eventId(), Rollup.contributions(e, zone));
        }
        Measures expected = Measures.ZERO;
        Map<String, Measures> perEvent = new HashMap<>();
        for (OrderEvent e : events) {
            if (perEvent.containsKey(e.eventId())) continue;
            Measures m = Measures.ZERO;
            for (OrderEvent.Line l : e.lines()) m = m.plus(Rollup.line(e.paid(), l));
            m = m.plus(new Measures(e.paid() ? 1 : 0, 0, 0, 0, 0, 0));
            perEvent.put(e.eventId(), m);
            expected = expected.plus(m);
        }
        LocalDate from = BASE.atZone(zone).toLocalDate().minusDays(1), to = from.plusDays(5);
        for (String groupBy : List.of("day", "week", "month", "hour", "store", "channel")) {
            SalesGrouping.Plan plan = SalesGrouping.plan(groupBy, from, to);
            Map<String, List<BucketRepository.Row>> byStore = new HashMap<>();
            for (String s : List.of("s1", "s2")) byStore.put(s, buckets.read("t", s, plan.grain(), plan.dimension(), plan.fromPeriod(), plan.toPeriod()));
            assertEquals(expected, SalesGrouping.total(SalesGrouping.fold(plan, byStore)), groupBy + " in " + zoneId);
        }
        long net = expected.net();
        assertEquals(net, expected.gross() - expected.discounts() - expected.refunds());
        // the products' day series add up to the store days' units and net
        long units = 0, productNet = 0;
        for (String s : List.of("s1", "s2")) {
            for (String g : List.of("g1", "g2", "g3")) {
                for (BucketRepository.Row r : buckets.productDays("t", s, g, from.toString(), to.toString())) {
                    units += r.measures().units();
                    productNet += r.measures().net();
                }
            }
        }
        assertEquals(expected.units(), units);
        assertEquals(net, productNet);
    }

    @Provide
    Arbitrary<String> zones() {
        return Arbitraries.of(ZONES);
    }

    /** Buckets in memory with the same contract as the DynamoDB adapter (a marker per event). */
    static final class InMemoryBuckets implements BucketRepository {
        final Map<Bucket, Measures> items = new HashMap<>();
        final java.util.Set<String> seen = new java.util.HashSet<>();

        @Override
        public boolean apply(String tenantId, String eventId, Map<Bucket, Measures> contributions) {
            if (!seen.add(eventId)) return false;
            contributions.forEach((b, m) -> items.merge(b, m, Measures::plus));
            return true;
        }

        @Override
        public List<Row> read(String tenantId, String storeId, String grain, String dimension, String fromPeriod, String toPeriod) {
            List<Row> out = new ArrayList<>();
            items.forEach((b, m) -> {
                if (b.storeId().equals(storeId) && b.grain().equals(grain) && b.dimension().equals(dimension)
                        && b.period().compareTo(fromPeriod) >= 0 && b.period().compareTo(toPeriod) <= 0) out.add(new Row(b.period(), b.value(), m));
            });
            return out;
        }

        @Override
        public List<Row> productDays(String tenantId, String storeId, String gtin, String fromDay, String toDay) {
            List<Row> out = new ArrayList<>();
            for (Row r : read(tenantId, storeId, Bucket.DAY, Bucket.PRODUCT, fromDay, toDay)) if (r.value().equals(gtin)) out.add(r);
            return out;
        }
    }
}
