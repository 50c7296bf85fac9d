package com.zhidian.coupons.domain;

import com.zhidian.core.errors.DomainException;
import java.util.Map;

/** The coupons context's refusals: a stable code and the facts; the api layer's ProblemTable gives status and words. */
public final class CouponErrors {
    private CouponErrors() {}

    /** Not a code at all: wrong length or a character outside the alphabet. */
    public static final class CodeMalformed extends DomainException {
        public CodeMalformed() { this("code"); }
        /** {@code field}: the request field that carried the code ({@code code}, or an order's {@code couponCode}). */
        public CodeMalformed(String field) { super("coupon.code_malformed", Map.of("field", field)); }
        public String field() { return (String) facts().get("field"); }
    }

    /** The check character does not match: a mistyped code, refused before any lookup. */
    public static final class CodeMistyped extends DomainException {
        public CodeMistyped() { this("code"); }
        public CodeMistyped(String field) { super("coupon.code_mistyped", Map.of("field", field)); }
        public String field() { return (String) facts().get("field"); }
    }

    public static final class TemplateNotFound extends DomainException {
        public TemplateNotFound(String id) { super("coupon_template.not_found", Map.of("templateId", id)); }
        public String templateId() { return (String) facts().get("templateId"); }
    }

    /** No coupon with this code in the caller's tenant (another tenant's code too). */
    public static final class CouponNotFound extends DomainException {
        public CouponNotFound() { super("coupon.not_found"); }
    }

    public static final class MemberNotFound extends DomainException {
        public MemberNotFound(String memberId) { super("member.not_found", Map.of("memberId", memberId)); }
    }

    /** The template hands out no more coupons: stopped, or its window is over. */
    public static final class TemplateClosed extends DomainException {
        public TemplateClosed(String why) { super("coupon_template.closed", Map.of("why", why)); }
        public String why() { return (String) facts().get("why"); }
    }

    public static final class StockOut extends DomainException {
        public StockOut() { super("coupon.stock_out"); }
    }

    public static final class LimitReached extends DomainException {
        public LimitReached(int limit) { super("coupon.limit_reached", Map.of("limit", limit)); }
        public int limit() { return (Integer) facts().get("limit"); }
    }

    /** The coupon was already used (or is being used right now by another request). */
    public static final class AlreadyUsed extends DomainException {
        public AlreadyUsed() { super("coupon.used"); }
    }

    public static final class Voided extends DomainException {
        public Voided() { super("coupon.void"); }
    }

    /** Another order holds the coupon. */
    public static final class Reserved extends DomainException {
        public Reserved() { super("coupon.reserved"); }
    }

    /** The coupon does not apply (expired, not yet valid, another store, basket): the refusal's code says which. */
    public static final class NotApplicable extends DomainException {
        private final transient CouponRules.Refusal refusal;

        public NotApplicable(CouponRules.Refusal refusal) {
            super("coupon." + refusal.code(), refusal.facts());
            this.refusal = refusal;
        }

        public CouponRules.Refusal refusal() { return refusal; }
    }

    /** The order already holds a coupon and one of the two may not be combined. */
    public static final class NotStackable extends DomainException {
        public NotStackable(String orderId) { super("coupon.not_stackable", Map.of("orderId", orderId)); }
    }

    /** The order does not hold this coupon (commit, release or refund for another order). */
    public static final class NotHeldByOrder extends DomainException {
        public NotHeldByOrder(String orderId) { super("coupon.not_held_by_order", Map.of("orderId", orderId)); }
    }

    /** A store named in a template that the tenant does not have. */
    public static final class UnknownStore extends DomainException {
        public UnknownStore(String storeId) { super("store.not_found", Map.of("storeId", storeId)); }
    }

    /** No issue job with this id for this template in the caller's tenant. */
    public static final class IssueJobNotFound extends DomainException {
        public IssueJobNotFound(String jobId) { super("coupon_issue.not_found", Map.of("jobId", jobId)); }
    }

    /** Concurrent changes kept winning over this one (the template or the coupon is that busy): retry shortly. */
    public static final class Busy extends DomainException {
        public Busy() { super("coupon.busy"); }
    }
}
