package com.zhidian.core.idempotency;

import com.zhidian.core.errors.ApiException;
import com.zhidian.core.scope.RequestScope;
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
 * {@link ClaimedTransaction}.) The claim is kept in the request's {@link RequestScope}.
 */
public final class IdempotencyClaim {
    private IdempotencyClaim() {}

    /**
     * Adds the request's claim, if any (the put of a claim item, then a check that no other request holds the key's
     * record; see {@code Idempotency}), to a transaction's items; answers the index of its first item, or -1 without one.
     */
    public static int appendTo(List<TransactWriteItem> writes) {
        RequestScope scope = RequestScope.current();
        List<TransactWriteItem> claim = scope == null ? null : scope.claim();
        if (claim == null || scope.isClaimCommitted()) return -1;
        writes.addAll(claim);
        scope.claimWritten();
        return writes.size() - claim.size();
    }

    /**
     * The transaction that carried the claim committed: a later transaction of the same request (an order's points
     * earned after its payment) does not carry it again, which would refuse it as a replay.
     */
    public static void committed(int index) {
        RequestScope scope = RequestScope.current();
        if (index >= 0 && scope != null) scope.claimCommitted();
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
