package com.zhidian.coupons.domain;

import com.zhidian.core.dynamo.TransactionPart;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Templates, coupons and their counters. Every change of a coupon's state moves the template's counters in the same
 * transaction, conditional on the coupon still being as it was read: counts and states cannot drift apart, and two
 * concurrent changes of one coupon cannot both succeed.
 */
public interface CouponRepository {

    void createTemplate(Template t);

    /** The template with its stored counts (expired is 0 here; see {@link #expired}). */
    Optional<Template> template(String tenantId, String templateId);

    Slice<Template> templates(String tenantId, int limit, String cursor);

    /** False when there is no such template. */
    boolean stop(String tenantId, String templateId);

    /** Coupons of the template still available but past their end. */
    long expired(String tenantId, String templateId, Instant now);

    /** RETRY: a clash (a code already taken, a concurrent transaction); try again with a new code. */
    enum Take { OK, STOCK_OUT, LIMIT_REACHED, CLOSED, RETRY, ALREADY_REPORTED }

    /**
     * Hands {@code coupon} out: the template's stock counter (only while under the total stock and not stopped), the
     * member's counter for the template (only while under the limit) and the coupon, all or nothing.
     * {@code carryClaim}: the request's Idempotency-Key claim goes into this one transaction.
     */
    Take take(Template t, Coupon coupon, boolean carryClaim);

    /**
     * As {@link #take(Template, Coupon, boolean)}, and for an issue job ({@code jobId} not null) the member's report line
     * and the job's issued count in the same transaction: ALREADY_REPORTED when the member already has a line in the
     * job (a step run again), and nothing is written.
     */
    Take take(Template t, Coupon coupon, boolean carryClaim, String jobId);

    Optional<Coupon> coupon(String tenantId, String code);

    Slice<Coupon> ofMember(String tenantId, String memberId, int limit, String cursor);

    Slice<Coupon> ofTemplate(String tenantId, String templateId, int limit, String cursor);

    /** How many coupons of each template the member has been given (the per-member counters). */
    Map<String, Long> taken(String tenantId, String memberId, List<String> templateIds);

    enum Move { OK, CHANGED, NOT_STACKABLE }

    /**
     * An order's hold on coupons: {@code delta} +1 takes a place on the order (refused with NOT_STACKABLE when the order
     * already holds a coupon and either is not stackable), -1 gives it back.
     */
    record Hold(String orderId, int delta, boolean nonStackable) {}

    /**
     * {@code before} → {@code after}, only if the stored coupon is still in {@code before}'s state and order; the
     * template's counters follow the state, the order's hold (null: none) moves with it. CHANGED: someone else changed
     * the coupon (or the template, concurrently) first; read again.
     */
    Move move(Coupon before, Coupon after, Hold hold, boolean carryClaim);

    /**
     * The writes of {@link #move} without the claim, for an order's own transaction: a refusal on the coupon means
     * "read again", on the order's hold {@link CouponErrors.NotStackable}.
     */
    TransactionPart movePart(Coupon before, Coupon after, Hold hold);
}
