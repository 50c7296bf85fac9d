package com.zhidian.approvals.domain;

/**
 * The gate's one pure rule: whether an action needs the owner's approval, and whether a presented approval lets it
 * through. An owner is never gated; an action no rule catches passes; otherwise only an approved, unused approval
 * of exactly this action by this requester lets it through (once: the store's conditional write makes it so).
 */
public final class GateRule {
    private GateRule() {}

    public enum Verdict { PASS, CONSUME, REQUIRE }

    /** The threshold {@code ask} is over under {@code rules}, or null when no rule catches it. */
    public static Long threshold(ApprovalRules rules, Ask ask) {
        if (rules == null) return null;
        return switch (ask.kind()) {
            case Kind.REFUND -> rules.refundAbove() != null && ask.amount() > rules.refundAbove() ? rules.refundAbove() : null;
            case Kind.PRICE -> rules.priceRuleOn() && ask.cost() != null && ask.amount() < ask.cost() ? ask.cost() : null;
            case Kind.STOCK_ADJUSTMENT -> rules.stockAdjustmentAbove() != null && Math.abs(ask.amount()) > rules.stockAdjustmentAbove()
                    ? rules.stockAdjustmentAbove() : null;
            case Kind.COUPON_TEMPLATE -> rules.couponValueAbove() != null
                    && (ask.amount() == Ask.UNKNOWN || ask.amount() > rules.couponValueAbove()) ? rules.couponValueAbove() : null;
            default -> throw new IllegalArgumentException("no approval kind " + ask.kind());
        };
    }

    /**
     * @param owner      whether the caller is the tenant's owner
     * @param presented  the approval the request named (Approval-Id), or null
     */
    public static Verdict decide(boolean owner, ApprovalRules rules, Ask ask, String requesterSub, Approval presented) {
        if (owner) return Verdict.PASS;
        if (threshold(rules, ask) == null) return Verdict.PASS;
        if (presented != null && Approval.APPROVED.equals(presented.status()) && presented.covers(ask, requesterSub)) {
            return Verdict.CONSUME;
        }
        return Verdict.REQUIRE;
    }
}
