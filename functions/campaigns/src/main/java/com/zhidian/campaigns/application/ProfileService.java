package com.zhidian.campaigns.application;

import com.zhidian.campaigns.domain.Profile;
import com.zhidian.campaigns.domain.SegmentRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Keeps each member's purchase-history profile as orders are paid and refunded. The orders context calls these two
 * entries in process (never the other way round); both are safe to repeat with the same arguments.
 */
public final class ProfileService {
    private static final int ATTEMPTS = 8;
    private final SegmentRepository repo;
    private final Clock clock;

    public ProfileService(SegmentRepository repo, Clock clock) {
        this.repo = repo;
        this.clock = clock;
    }

    /** An order of the member was paid: {@code amount} in fen; the categories and GTINs of its lines. */
    public Profile onOrderPaid(String tenantId, String memberId, String orderId, Instant paidAt, long amount,
                               List<String> categories, List<String> gtins) {
        Profile.PaidOrder order = new Profile.PaidOrder(orderId, paidAt, amount, 0, categories, gtins);
        return change(tenantId, memberId, p -> p.paid(order, clock.instant()));
    }

    /** Some or all of an order was refunded: {@code refundedTotal} is the order's refunded amount so far, in fen. */
    public Profile onOrderRefunded(String tenantId, String memberId, String orderId, long refundedTotal) {
        return change(tenantId, memberId, p -> p.refunded(orderId, refundedTotal));
    }

    /**
     * One order event from the table's stream (orders' {@code order.event} items), applied exactly once in effect: the
     * profile and a marker of {@code eventId} are written in one transaction, so a redelivered event changes nothing.
     * {@code amount}: the paid order's net total, or this refund's amount (fen). False when it was applied already.
     */
    public boolean onOrderEvent(String tenantId, String memberId, String eventId, String orderId, boolean paid, Instant at,
                                long amount, List<String> categories, List<String> gtins) {
        for (int i = 0; i < ATTEMPTS; i++) {
            if (repo.applied(tenantId, eventId)) return false;
            Profile before = profile(tenantId, memberId);
            Profile after;
            if (paid) {
                after = before.paid(new Profile.PaidOrder(orderId, at, amount, 0, categories, gtins), clock.instant());
            } else {
                long refundedSoFar = before.orders().stream().filter(o -> o.orderId().equals(orderId))
                        .mapToLong(Profile.PaidOrder::refunded).findFirst().orElse(-1);
                after = refundedSoFar < 0 ? before : before.refunded(orderId, refundedSoFar + amount);
            }
            if (repo.saveProfile(after, eventId)) return true;
        }
        throw new IllegalStateException("the profile of " + memberId + " kept changing; retry");
    }

    public Profile profile(String tenantId, String memberId) {
        return repo.profile(tenantId, memberId).orElse(Profile.empty(tenantId, memberId));
    }

    private Profile change(String tenantId, String memberId, UnaryOperator<Profile> f) {
        for (int i = 0; i < ATTEMPTS; i++) {
            Profile before = profile(tenantId, memberId);
            Profile after = f.apply(before);
            if (after == before) return before;
            if (repo.saveProfile(after)) return after;
        }
        throw new IllegalStateException("the profile of " + memberId + " kept changing; retry");
    }
}
