package com.zhidian.members.domain;

import com.zhidian.core.errors.DomainException;
import java.util.Map;

/**
 * The business refusals of this context, each with a stable code and its facts. They know no HTTP status:
 * {@code api.MembersProblems} maps them to problem+json.
 */
public final class MembersErrors {
    private MembersErrors() {}

    public static final class NotEnoughPoints extends DomainException {
        public NotEnoughPoints(long balance, long wanted) {
            super("points.not_enough", Map.of("balance", balance, "wanted", wanted));
        }
        public long balance() { return (Long) facts().get("balance"); }
        public long wanted() { return (Long) facts().get("wanted"); }
    }

    /** A manual adjustment larger than the tenant's limit per adjustment. */
    public static final class AdjustOverLimit extends DomainException {
        public AdjustOverLimit(long points, long limit) {
            super("points.adjust_over_limit", Map.of("points", points, "limit", limit));
        }
        public long points() { return (Long) facts().get("points"); }
        public long limit() { return (Long) facts().get("limit"); }
    }

    /** A manual adjustment above the tenant's confirmation threshold, sent without {@code confirmed: true}. */
    public static final class AdjustUnconfirmed extends DomainException {
        public AdjustUnconfirmed(long points, long threshold) {
            super("points.adjust_unconfirmed", Map.of("points", points, "threshold", threshold));
        }
        public long points() { return (Long) facts().get("points"); }
        public long threshold() { return (Long) facts().get("threshold"); }
    }

    /** A phone was texted as many codes as its allowance holds; the next may go in {@code retryAfterSeconds}. */
    public static final class TooManyTexts extends DomainException {
        public TooManyTexts(long retryAfterSeconds) {
            super("auth.too_many_codes", Map.of("retryAfterSeconds", retryAfterSeconds));
        }
        public long retryAfterSeconds() { return (Long) facts().get("retryAfterSeconds"); }
    }

    public static final class PhoneTaken extends DomainException {
        public PhoneTaken() {
            super("member.phone_taken");
        }
    }

    public static final class MemberErased extends DomainException {
        public MemberErased() {
            super("member.erased");
        }
    }

    /** No such member in this tenant (another tenant's member is not found either). */
    public static final class MemberNotFound extends DomainException {
        public MemberNotFound(String memberId) {
            super("member.not_found", Map.of("memberId", memberId));
        }
        public String memberId() { return (String) facts().get("memberId"); }
    }

    public static MemberNotFound memberNotFound(String memberId) {
        return new MemberNotFound(memberId);
    }
}
