package com.zhidian.campaigns.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A member's purchase history as campaigns keeps it, updated when an order is paid or refunded (never by scanning
 * orders): one summary per paid order of the last {@link #KEEP_DAYS} days. Paying the same order twice or refunding
 * it twice changes nothing.
 */
public record Profile(String tenantId, String memberId, List<PaidOrder> orders, Instant lastVisit, long version) {
    public static final int KEEP_DAYS = 730;

    /** One paid order: its amount in fen, what of it was refunded, and what was bought. */
    public record PaidOrder(String orderId, Instant paidAt, long amount, long refunded, List<String> categories,
                            List<String> gtins) {
        public PaidOrder {
            categories = List.copyOf(categories);
            gtins = List.copyOf(gtins);
        }

        public long net() { return Math.max(0, amount - refunded); }

        public boolean fullyRefunded() { return refunded >= amount && amount > 0; }
    }

    public Profile {
        orders = List.copyOf(orders);
    }

    public static Profile empty(String tenantId, String memberId) {
        return new Profile(tenantId, memberId, List.of(), null, 0);
    }

    public Profile paid(PaidOrder order, Instant now) {
        if (orders.stream().anyMatch(o -> o.orderId().equals(order.orderId()))) return this;
        List<PaidOrder> next = new ArrayList<>();
        Instant horizon = now.minus(Duration.ofDays(KEEP_DAYS));
        for (PaidOrder o : orders) if (o.paidAt().isAfter(horizon)) next.add(o);
        next.add(order);
        Instant visit = lastVisit == null || order.paidAt().isAfter(lastVisit) ? order.paidAt() : lastVisit;
        return new Profile(tenantId, memberId, next, visit, version);
    }

    /** {@code refundedTotal}: the order's refunded amount so far (a retried call with the same total changes nothing). */
    public Profile refunded(String orderId, long refundedTotal) {
        List<PaidOrder> next = new ArrayList<>();
        boolean changed = false;
        for (PaidOrder o : orders) {
            if (o.orderId().equals(orderId) && o.refunded() != Math.min(refundedTotal, o.amount())) {
                next.add(new PaidOrder(o.orderId(), o.paidAt(), o.amount(), Math.min(refundedTotal, o.amount()), o.categories(), o.gtins()));
                changed = true;
            } else {
                next.add(o);
            }
        }
        return changed ? new Profile(tenantId, memberId, next, lastVisit, version) : this;
    }

    public long spendSince(Instant since) {
        return orders.stream().filter(o -> !o.paidAt().isBefore(since)).mapToLong(PaidOrder::net).sum();
    }

    public long ordersSince(Instant since) {
        return orders.stream().filter(o -> !o.paidAt().isBefore(since) && !o.fullyRefunded()).count();
    }

    public boolean boughtCategorySince(Collection<String> categories, Instant since) {
        return orders.stream().anyMatch(o -> !o.paidAt().isBefore(since) && !o.fullyRefunded()
                && o.categories().stream().anyMatch(categories::contains));
    }

    public boolean boughtProductSince(Collection<String> gtins, Instant since) {
        return orders.stream().anyMatch(o -> !o.paidAt().isBefore(since) && !o.fullyRefunded()
                && o.gtins().stream().anyMatch(gtins::contains));
    }
}
