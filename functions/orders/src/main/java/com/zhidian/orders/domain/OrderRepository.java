package com.zhidian.orders.domain;

import com.zhidian.core.dynamo.TransactionPart;
import com.zhidian.core.paging.Page;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where orders live. The changes are parts of one transaction each ({@link TransactionPart}), sent by {@link #write}
 * together with the other contexts' parts (stock, coupon, points): an order and what it holds move together or not at
 * all. Every part that changes an order is conditioned on the version read.
 */
public interface OrderRepository {
    Optional<Order> find(String tenantId, String orderId);

    /** A store's orders, newest first, optionally of one status and placed within [from, to). */
    Page<Order> ofStore(String tenantId, String storeId, String status, Instant from, Instant to, int limit, String cursor);

    /** A member's orders, newest first. */
    Page<Order> ofMember(String tenantId, String memberId, int limit, String cursor);

    /** The last number given in a store on a day (yyyyMMdd), 0 if none. */
    long lastNumber(String tenantId, String storeId, String day);

    /**
     * The new order, and the store's day counter moved from {@code lastRead} to one more; if the counter moved meanwhile
     * the write is refused with {@link NumberTaken}.
     */
    TransactionPart placePart(Order order, String day, long lastRead);

    /** {@code after} replaces {@code before}, only if the stored order is still at {@code before.version()}. */
    TransactionPart savePart(Order before, Order after);

    /** A provider's event seen once: refused (DuplicateEvent) if it was recorded before. */
    TransactionPart eventPart(String eventId, String tenantId, String orderId);

    boolean eventSeen(String tenantId, String eventId);

    /**
     * The order event of a payment ({@code refund} null: the order became paid) or of one refund: an item for the
     * table's stream that reports, member profiles and forecasts consume (kind {@code order.event}; shape in
     * docs/decisions.md, "Reports"). Put in the same transaction as the order's change, kept a few days.
     */
    TransactionPart orderEventPart(Order after, Order.Refund refund);

    /** Unpaid orders whose time to pay ended by {@code now}, across tenants (the timeout job's work list). */
    List<Due> dueUnpaid(Instant now, int limit);

    record Due(String tenantId, String orderId) {}

    void write(List<TransactionPart> parts);

    /**
     * A provider payment or refund in the tenant's per-day money index (day yyyy-MM-dd in the tenant's zone), sent in
     * the same transaction that records it, so reconciliation reads a day without scanning orders.
     */
    TransactionPart moneyPart(String tenantId, String day, Reconciliation.Entry... entries);

    /**
     * As {@link #write}; under a claimed route (the rails send the request's one transaction with the Idempotency-Key's
     * answer) the writes are handed over instead and false is answered: {@code onRefused} then hears the refusal, if the
     * rails' transaction is refused. True when the writes were sent and committed here.
     */
    boolean writeOrHandOver(List<TransactionPart> parts, java.util.function.Consumer<RuntimeException> onRefused);

    /**
     * The store's day counter moved since it was read: another order took that number (the refusal of
     * {@link #placePart}'s counter item). A concurrent change: the number alone may be planned again.
     */
    final class NumberTaken extends com.zhidian.core.errors.ConcurrentChange {
        private final long current;

        public NumberTaken() { this(-1); }

        /** {@code current}: the counter as the refusal found it (-1 when the refusal did not say). */
        public NumberTaken(long current) {
            super("the store's next order number was taken; plan the number again");
            this.current = current;
        }

        /** The store's last number as the refusal found it, or -1: read it again. */
        public long current() { return current; }
    }

    final class DuplicateEvent extends RuntimeException {
        public DuplicateEvent() { super("event already processed", null, false, false); }
    }
}
