package com.zhidian.orders.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One day's comparison of what Zhidian recorded (payments succeeded, refunds) with the payment provider's balance
 * transactions of that day. Both sides are keyed by the provider's reference: the payment intent for a payment (the
 * adapter resolves a charge's transaction to its payment intent), the refund id for a refund. Amounts in fen; a
 * refund counts positive on both sides.
 */
public record Reconciliation(String date, int matchedCount, long matchedAmount, List<Mismatch> mismatches) {
    public enum Kind { payment, refund }

    public enum Problem { missing_in_provider, missing_in_zhidian, amount_differs }

    /** A money movement on one side: its kind, the provider's reference, the amount and (Zhidian's side) the order. */
    public record Entry(Kind kind, String ref, long amount, String orderId) {}

    /** One difference; {@code ours} or {@code theirs} is null when that side lacks the entry. */
    public record Mismatch(Problem problem, Kind kind, String ref, String orderId, Long ours, Long theirs) {}

    public Reconciliation {
        mismatches = List.copyOf(mismatches);
    }

    public boolean clean() { return mismatches.isEmpty(); }

    /** Compares the two sides; several entries with one reference on a side are summed. */
    public static Reconciliation compare(String date, List<Entry> ours, List<Entry> theirs) {
        Map<String, Entry> a = sum(ours), b = sum(theirs);
        int count = 0;
        long amount = 0;
        List<Mismatch> out = new ArrayList<>();
        for (Entry e : a.values()) {
            Entry p = b.get(key(e));
            if (p == null) out.add(new Mismatch(Problem.missing_in_provider, e.kind(), e.ref(), e.orderId(), e.amount(), null));
            else if (p.amount() != e.amount()) out.add(new Mismatch(Problem.amount_differs, e.kind(), e.ref(), e.orderId(), e.amount(), p.amount()));
            else {
                count++;
                amount += e.kind() == Kind.payment ? e.amount() : -e.amount();
            }
        }
        for (Entry p : b.values()) {
            if (!a.containsKey(key(p))) out.add(new Mismatch(Problem.missing_in_zhidian, p.kind(), p.ref(), p.orderId(), null, p.amount()));
        }
        out.sort(Comparator.comparing((Mismatch m) -> m.problem().ordinal()).thenComparing(Mismatch::ref));
        return new Reconciliation(date, count, amount, out);
    }

    private static String key(Entry e) { return e.kind() + ":" + e.ref(); }

    private static Map<String, Entry> sum(List<Entry> entries) {
        Map<String, Entry> m = new LinkedHashMap<>();
        for (Entry e : entries) {
            m.merge(key(e), e, (x, y) -> new Entry(x.kind(), x.ref(), x.amount() + y.amount(), x.orderId() != null ? x.orderId() : y.orderId()));
        }
        return m;
    }
}
