package com.zhidian.reports.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.zhidian.core.auth.Caller;
import com.zhidian.core.auth.Role;
import com.zhidian.core.tenancy.TenantDirectory;
import com.zhidian.reports.domain.MemberBucketRepository;
import com.zhidian.reports.domain.MemberEvents;
import com.zhidian.reports.domain.MemberMeasures;
import com.zhidian.reports.domain.MemberRollup;
import com.zhidian.reports.domain.OrderEvent;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The member report's counters equal the ledger: random points ledgers (credits, redemptions, expiries, reversals,
 * pending earnings settled or cancelled, each debit within the balance as members enforces) and members' orders at
 * random instants near local midnights, in several time zones, rolled up (some records delivered twice) and read back
 * over a random range. Each day's liability equals the balance the ledger had at that local day's end, the points
 * figures equal the ledger entries of the range, and active and repeat members equal the distinct members who paid
 * once or more, twice or more, that day.
 */
class MemberReportProperties {
    static final List<String> ZONES = List.of("Asia/Shanghai", "UTC", "America/Los_Angeles", "Pacific/Kiritimati");
    static final Instant BASE = Instant.parse("2026-01-25T00:00:00Z");
    static final int SPAN_DAYS = 20;

    record Op(String member, int kind, long amount, long seconds, String store) {}

    @Provide
    Arbitrary<List<Op>> ops() {
        return Combinators.combine(Arbitraries.of("m1", "m2", "m3"), Arbitraries.integers().between(0, 7),
                Arbitraries.longs().between(1, 800), Arbitraries.longs().between(0, SPAN_DAYS * 24L * 3600), Arbitraries.of("s1", "s2", ""))
                .as(Op::new).list().ofMaxSize(60);
    }

    @Provide
    Arbitrary<String> zones() { return Arbitraries.of(ZONES); }

    @Property(tries = 200)
    void countersEqualTheLedger(@ForAll("ops") List<Op> ops, @ForAll("zones") String zoneId, @ForAll boolean redeliver,
                                @ForAll @IntRange(min = 0, max = SPAN_DAYS) int fromDay, @ForAll @IntRange(min = 0, max = 10) int days) {
        ZoneId zone = ZoneId.of(zoneId);
        InMemoryMemberBuckets buckets = new InMemoryMemberBuckets();
        MemberRollupService rollup = new MemberRollupService(buckets, tenantsIn(zone));
        List<Op> sorted = new ArrayList<>(ops);
        sorted.sort((a, b) -> Long.compare(a.seconds(), b.seconds()));
        Map<String, long[]> accounts = new HashMap<>();   // balance, pending, seq
        List<MemberEvents.LedgerMove> ledger = new ArrayList<>();
        List<OrderEvent> orders = new ArrayList<>();
        int n = 0;
        for (Op op : sorted) {
            long[] a = accounts.computeIfAbsent(op.member(), m -> new long[3]);
            Instant at = BASE.plusSeconds(op.seconds());
            String store = op.store().isEmpty() ? null : op.store();
            long delta = 0, pending = 0;
            String kind;
            switch (op.kind()) {
                case 0 -> { kind = "adjust"; delta = op.amount(); }
                case 1 -> { kind = "redeem"; delta = -Math.min(op.amount(), a[0]); }
                case 2 -> { kind = "expire"; delta = -Math.min(op.amount(), a[0]); }
                case 3 -> { kind = "earn_reversed"; delta = -Math.min(op.amount(), a[0]); }
                case 4 -> { kind = "earn_pending"; pending = op.amount(); }
                case 5 -> { kind = "earn"; delta = Math.min(op.amount(), a[1]); pending = -delta; }
                case 6 -> { kind = "redeem_returned"; delta = op.amount(); }
                default -> {
                    orders.add(new OrderEvent("t", store == null ? "s1" : store, "o" + (n++) + "#paid", OrderEvent.PAID, "o" + n, at, "pos",
                            "in_store", null, op.member(), List.of()));
                    continue;
                }
            }
            if (delta == 0 && pending == 0) continue;
            a[0] += delta;
            a[1] += pending;
            ledger.add(new MemberEvents.LedgerMove("t", op.member(), ++a[2], at, kind, delta, pending, store));
        }
        for (MemberEvents.LedgerMove e : ledger) {
            rollup.ledger(e);
            if (redeliver) rollup.ledger(e);
        }
        for (OrderEvent o : orders) {
            rollup.orderPaid(o);
            if (redeliver) rollup.orderPaid(o);
        }

        LocalDate from = BASE.atZone(zone).toLocalDate().plusDays(fromDay), to = from.plusDays(days);
        MemberReports.Report report = new MemberReports(buckets, null, tenantsIn(zone)).members(
                new Caller("owner", "owner", Role.OWNER, "t", Set.of(), null), from, to, null, "day");
        assertEquals(days + 1, report.rows().size());
        long issued = 0, redeemed = 0, expired = 0, other = 0;
        for (MemberReports.Row row : report.rows()) {
            LocalDate day = LocalDate.parse(row.key());
            long balance = 0, pend = 0;
            long dIssued = 0, dRedeemed = 0, dExpired = 0, dOther = 0;
            for (MemberEvents.LedgerMove e : ledger) {
                LocalDate local = e.at().atZone(zone).toLocalDate();
                if (local.isAfter(day)) continue;
                balance += e.delta();
                pend += e.pendingDelta();
                if (!local.equals(day)) continue;
                if (e.kind().equals("redeem_returned")) dRedeemed -= e.delta();    // a redemption undone
                else if (e.delta() > 0) dIssued += e.delta();
                else if (e.kind().equals("redeem")) dRedeemed -= e.delta();
                else if (e.kind().equals("expire")) dExpired -= e.delta();
                else dOther -= e.delta();
            }
            assertEquals(balance, row.liability(), "liability at the end of " + day);
            assertEquals(pend, row.pending(), "pending at the end of " + day);
            MemberMeasures m = row.measures();
            assertEquals(List.of(dIssued, dRedeemed, dExpired, dOther), List.of(m.pointsIssued(), m.pointsRedeemed(), m.pointsExpired(),
                    m.pointsOtherDebits()), "points of " + day);
            issued += dIssued;
            redeemed += dRedeemed;
            expired += dExpired;
            other += dOther;

            Map<String, Integer> paid = new TreeMap<>();
            for (OrderEvent o : orders) if (o.at().atZone(zone).toLocalDate().equals(day)) paid.merge(o.memberId(), 1, Integer::sum);
            assertEquals(paid.size(), m.activeMembers(), "active on " + day);
            assertEquals(paid.values().stream().filter(c -> c >= 2).count(), m.repeatMembers(), "repeat on " + day);
            assertEquals(paid.values().stream().mapToLong(Integer::longValue).sum(), m.memberOrders());
        }
        MemberMeasures t = report.totals().measures();
        assertEquals(List.of(issued, redeemed, expired, other), List.of(t.pointsIssued(), t.pointsRedeemed(), t.pointsExpired(), t.pointsOtherDebits()));
        assertEquals(report.rows().get(report.rows().size() - 1).liability(), report.totals().liability());
    }

    static TenantDirectory tenantsIn(ZoneId zone) {
        return (TenantDirectory) Proxy.newProxyInstance(TenantDirectory.class.getClassLoader(), new Class<?>[] {TenantDirectory.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "standing" -> new TenantDirectory.Standing("active", "premium", zone.getId());
                    case "hasStore" -> true;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** The buckets in memory, with the repository's exactly-once contract (a marker per applied event). */
    static final class InMemoryMemberBuckets implements MemberBucketRepository {
        final Set<String> markers = new HashSet<>();
        final Map<String, MemberMeasures> buckets = new TreeMap<>();
        final Map<String, long[]> coupons = new TreeMap<>();
        final Map<String, Long> activity = new HashMap<>();

        static String k(MemberRollup.Slot s) { return s.scope() + "|" + s.grain() + "|" + s.period(); }

        @Override
        public boolean apply(String tenantId, String markerId, Map<MemberRollup.Slot, MemberMeasures> contributions) {
            if (contributions.isEmpty() || !markers.add(markerId)) return false;
            contributions.forEach((s, m) -> buckets.merge(k(s), m, MemberMeasures::plus));
            return true;
        }

        @Override
        public boolean applyCoupons(String tenantId, String markerId, String name, Map<MemberRollup.CouponSlot, long[]> counts) {
            if (counts.isEmpty() || !markers.add(markerId)) return false;
            counts.forEach((s, c) -> coupons.merge(s.scope() + "|" + s.day() + "|" + s.templateId(), c.clone(),
                    (x, y) -> new long[] {x[0] + y[0], x[1] + y[1]}));
            return true;
        }

        @Override
        public boolean applyActivity(String tenantId, String markerId, String memberId, List<MemberRollup.Slot> slots) {
            if (!markers.add(markerId)) return false;
            for (MemberRollup.Slot s : slots) {
                long before = activity.getOrDefault(k(s) + "|" + memberId, 0L);
                activity.put(k(s) + "|" + memberId, before + 1);
                buckets.merge(k(s), MemberRollup.activity(before), MemberMeasures::plus);
            }
            return true;
        }

        @Override
        public List<Row> read(String tenantId, String scope, String grain, String fromPeriod, String toPeriod) {
            List<Row> out = new ArrayList<>();
            buckets.forEach((key, m) -> {
                String[] p = key.split("\\|");
                if (p[0].equals(scope) && p[1].equals(grain) && p[2].compareTo(fromPeriod) >= 0 && p[2].compareTo(toPeriod) <= 0) out.add(new Row(p[2], m));
            });
            return out;
        }

        @Override
        public List<CouponRow> coupons(String tenantId, String scope, String fromDay, String toDay) {
            List<CouponRow> out = new ArrayList<>();
            coupons.forEach((key, c) -> {
                String[] p = key.split("\\|");
                if (p[0].equals(scope) && p[1].compareTo(fromDay) >= 0 && p[1].compareTo(toDay) <= 0) out.add(new CouponRow(p[1], p[2], null, c[0], c[1]));
            });
            return out;
        }
    }
}
