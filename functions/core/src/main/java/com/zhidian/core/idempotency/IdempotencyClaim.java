package com.zhidian.core.idempotency;

import com.zhidian.core.errors.ApiException;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The claim of an Idempotency-Key that a business transaction writes together with its effect. The
 * stored answer is written after the effect; if DynamoDB fails in between, the answer is lost, and a retry
 * after the lock expires would run the operation again. With the claim in the effect's own transaction,
 * that retry is refused (409) instead of moving money or points twice. (A claimed route,
 * {@code Routes.onClaimed}, needs no claim: its stored answer is written in the effect's own transaction, see
 * {@link ClaimedTransaction}.)
 */
public final class IdempotencyClaim {
    /** The claim's put, then a check that no other request holds the key's record (see {@code Idempotency.claim}). */
    private static final ThreadLocal<List<TransactWriteItem>> CURRENT = new ThreadLocal<>();
    private static final ThreadLocal<Boolean> WRITTEN = new ThreadLocal<>();

    private IdempotencyClaim() {}

    static void set(List<TransactWriteItem> claim) {
        CURRENT.set(List.copyOf(claim));
        WRITTEN.remove();
    }

    static void clear() {
        CURRENT.remove();
        WRITTEN.remove();
    }

    /** True once a transaction of this request has carried the claim (it may still have been cancelled). */
    static boolean appended() {
        return Boolean.TRUE.equals(WRITTEN.get());
    }

    /** Adds the current claim, if any, to a transaction's items; answers the index of its first item, or -1 without one. */
    public static int appendTo(List<TransactWriteItem> writes) {
        List<TransactWriteItem> claim = CURRENT.get();
        if (claim == null) return -1;
        writes.addAll(claim);
        WRITTEN.set(Boolean.TRUE);
        return writes.size() - claim.size();
    }

    /** True when the transaction failed because its claim at {@code index} was already taken. */
    public static boolean refused(TransactionCanceledException e, int index) {
        return reason(e, index) != null;
    }

    /** The failure to throw when {@link #refused} is true. */
    public static Taken taken() {
        return new Taken();
    }

    /** The refusal of the claim's put or of its check, whichever failed. */
    private static CancellationReason reason(TransactionCanceledException e, int index) {
        List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
        if (index < 0) return null;
        for (int i = index; i < Math.min(reasons.size(), index + 2); i++) {
            if ("ConditionalCheckFailed".equals(reasons.get(i).code())) return reasons.get(i);
        }
        return null;
    }

    /** The key's effect was already applied by an earlier request (or one still running). */
    public static final class Taken extends ApiException {
        Taken() {
            super(409, "Conflict", "a request with this Idempotency-Key was already applied; its answer is no longer available", null);
        }
    }
}
