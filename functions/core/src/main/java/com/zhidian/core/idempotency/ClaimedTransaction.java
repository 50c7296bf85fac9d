package com.zhidian.core.idempotency;

import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The one transaction of a claimed route ({@code Routes.onClaimed}, {@link Idempotency#runClaimed}). Its
 * repository hands the writes over instead of sending them; once the route has answered, the rails send them
 * with the key's stored answer and the audit entry in the same TransactWriteItems. The answer can then never
 * be lost apart from the effect, a copy of the request is refused by the answer's put and replays it at once,
 * and the request costs one DynamoDB call fewer.
 */
public final class ClaimedTransaction {
    /** The writes handed over, and how the repository reads a cancellation of them. */
    record Deferred(List<TransactWriteItem> writes, Function<TransactionCanceledException, RuntimeException> onCancelled) {}

    /** A marker for "open": the route runs under the rails, nothing handed over yet. */
    private static final Deferred OPEN = new Deferred(List.of(), e -> e);
    private static final ThreadLocal<Deferred> CURRENT = new ThreadLocal<>();

    private ClaimedTransaction() {}

    /**
     * Under a claimed route: keeps {@code writes} for the rails to send and answers true, so the caller sends
     * nothing. Otherwise (a job, another route) answers false and the caller sends them itself.
     * {@code onCancelled} turns a cancellation into the caller's failure; a {@link ConcurrentChange} makes the
     * rails run the route again on fresh reads.
     */
    public static boolean defer(List<TransactWriteItem> writes,
                                Function<TransactionCanceledException, RuntimeException> onCancelled) {
        Deferred d = CURRENT.get();
        if (d == null) return false;
        if (d != OPEN) throw new IllegalStateException("a claimed route writes one transaction");
        CURRENT.set(new Deferred(List.copyOf(writes), onCancelled));
        return true;
    }

    static void open() {
        CURRENT.set(OPEN);
    }

    /** What the route handed over (null if nothing), and the end of the deferral. */
    static Deferred close() {
        Deferred d = CURRENT.get();
        CURRENT.remove();
        return d == OPEN ? null : d;
    }

    /** Kept for the routes written against it; the failure itself is {@link com.zhidian.core.errors.ConcurrentChange}. */
    public static class ConcurrentChange extends com.zhidian.core.errors.ConcurrentChange {
        public ConcurrentChange(String message) {
            super(message);
        }
    }
}
