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
 * that retry is refused (409) instead of moving money or points twice.
 */
public final class IdempotencyClaim {
    private static final ThreadLocal<TransactWriteItem> CURRENT = new ThreadLocal<>();

    private IdempotencyClaim() {}

    static void set(TransactWriteItem claim) {
        CURRENT.set(claim);
    }

    static void clear() {
        CURRENT.remove();
    }

    /** Adds the current claim, if any, to a transaction's items; answers its index, or -1 without one. */
    public static int appendTo(List<TransactWriteItem> writes) {
        TransactWriteItem claim = CURRENT.get();
        if (claim == null) return -1;
        writes.add(claim);
        return writes.size() - 1;
    }

    /** True when the transaction failed because its claim at {@code index} was already taken. */
    public static boolean refused(TransactionCanceledException e, int index) {
        List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
        return index >= 0 && reasons.size() > index && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }

    public static ApiException alreadyApplied() {
        return ApiException.conflict("a request with this Idempotency-Key was already applied; its answer is no longer available");
    }
}
