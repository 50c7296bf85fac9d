package com.zhidian.members;

import com.zhidian.core.errors.ApiException;

/** The failures of this context a caller must tell apart, each with its one HTTP status. */
public final class MembersErrors {
    private MembersErrors() {}

    public static final class NotEnoughPoints extends ApiException {
        public NotEnoughPoints(long balance, long wanted) {
            super(422, "Not enough points", "the balance is " + balance + " points; " + wanted + " were asked for", null);
        }
    }

    public static final class PhoneTaken extends ApiException {
        public PhoneTaken() {
            super(409, "Conflict", "a member with this phone number already exists in this tenant", null);
        }
    }

    public static final class MemberErased extends ApiException {
        public MemberErased() {
            super(409, "Conflict", "this member's personal data was erased; the membership is closed", null);
        }
    }

    public static final class AlreadyEarned extends ApiException {
        public AlreadyEarned(String orderId) {
            super(409, "Conflict", "order " + orderId + " has already earned points", null);
        }
    }

    public static ApiException memberNotFound(String memberId) {
        return ApiException.notFound("member " + memberId);
    }
}
