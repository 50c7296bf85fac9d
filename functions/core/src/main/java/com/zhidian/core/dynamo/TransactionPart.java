package com.zhidian.core.dynamo;

import com.zhidian.core.errors.ConcurrentChange;
import com.zhidian.core.idempotency.IdempotencyClaim;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * One context's share of a transaction that spans contexts (an order holds stock, a coupon and points together): the
 * writes its own store adapter built, and what a refused condition at an index within them means in that context's
 * words (a {@link com.zhidian.core.errors.DomainException}), or null when it only means "what was read has changed:
 * plan again" ({@link ConcurrentChange}). The context that runs the use case never builds another context's keys; it
 * asks each context for its part (its application service's {@code plan...} methods) and sends them together with
 * {@link #write}.
 */
public record TransactionPart(List<TransactWriteItem> writes, IntFunction<RuntimeException> refusal) {
    /** DynamoDB's limit on the items of one TransactWriteItems. */
    public static final int MAX_ITEMS = 100;

    public TransactionPart {
        writes = List.copyOf(writes);
    }

    public static TransactionPart of(List<TransactWriteItem> writes, IntFunction<RuntimeException> refusal) {
        return new TransactionPart(writes, refusal);
    }

    /** A part whose every refused condition means "read again". */
    public static TransactionPart optimistic(List<TransactWriteItem> writes) {
        return new TransactionPart(writes, i -> null);
    }

    public int size() { return writes.size(); }

    /**
     * Sends the parts as one TransactWriteItems, with the request's Idempotency-Key claim if it has one. A refused
     * condition becomes the refusal of the part that holds it (the first such item); a conflict with another
     * transaction, or a part that says "read again", becomes {@link ConcurrentChange} for {@code Retry.onConflict}.
     */
    public static void write(DynamoDbClient db, List<TransactionPart> parts) {
        List<TransactWriteItem> items = new ArrayList<>();
        for (TransactionPart p : parts) items.addAll(p.writes());
        int claimAt = IdempotencyClaim.appendTo(items);
        if (items.size() > MAX_ITEMS) throw new IllegalStateException("a transaction of " + items.size() + " items");
        try {
            db.transactWriteItems(b -> b.transactItems(items));
            IdempotencyClaim.committed(claimAt);
        } catch (TransactionCanceledException e) {
            if (IdempotencyClaim.refused(e, claimAt)) throw IdempotencyClaim.taken();
            throw refusal(parts, e);
        }
    }

    /** What a cancellation of the parts (sent in order, from index 0) means. */
    public static RuntimeException refusal(List<TransactionPart> parts, TransactionCanceledException e) {
        List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
        int at = 0;
        for (TransactionPart p : parts) {
            for (int i = 0; i < p.size(); i++) {
                int index = at + i;
                if (index < reasons.size() && "ConditionalCheckFailed".equals(reasons.get(index).code())) {
                    RuntimeException r = p.refusal().apply(i);
                    return r != null ? r : new ConcurrentChange("changed meanwhile; plan again");
                }
            }
            at += p.size();
        }
        for (CancellationReason r : reasons) {
            if ("TransactionConflict".equals(r.code())) return new ConcurrentChange("a concurrent transaction; plan again");
        }
        return e;
    }
}
