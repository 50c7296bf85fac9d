package com.zhidian.core.idempotency;

import com.zhidian.core.scope.RequestScope;
import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The one transaction of a claimed route ({@code Routes.onClaimed}, {@link Idempotency#runClaimed}). Its
 * repository hands the writes over instead of sending them; once the route has answered, the rails send them
 * with the key's stored answer and the audit entry in the same TransactWriteItems. The answer can then never
 * be lost apart from the effect, a copy of the request is refused by the answer's put and replays it at once,
 * and the request costs one DynamoDB call fewer. The hand-over is kept in the request's {@link RequestScope}.
 */
public final class ClaimedTransaction {
    private ClaimedTransaction() {}

    /**
     * Under a claimed route: keeps {@code writes} for the rails to send and answers true, so the caller sends
     * nothing. Otherwise (a job, another route) answers false and the caller sends them itself.
     * {@code onCancelled} turns a cancellation into the caller's failure; a
     * {@link com.zhidian.core.errors.ConcurrentChange} makes the rails run the route again on fresh reads.
     */
    public static boolean defer(List<TransactWriteItem> writes,
                                Function<TransactionCanceledException, RuntimeException> onCancelled) {
        RequestScope scope = RequestScope.current();
        return scope != null && scope.handOver(new RequestScope.HandedOver(List.copyOf(writes), onCancelled));
    }

    /** Kept for the routes written against it; the failure itself is {@link com.zhidian.core.errors.ConcurrentChange}. */
    public static class ConcurrentChange extends com.zhidian.core.errors.ConcurrentChange {
        public ConcurrentChange(String message) {
            super(message);
        }
    }
}
