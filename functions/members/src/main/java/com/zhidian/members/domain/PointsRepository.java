package com.zhidian.members.domain;

import com.zhidian.core.dynamo.TransactionPart;
import com.zhidian.core.errors.ConcurrentChange;
import com.zhidian.core.paging.Page;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where points live. {@link #commit} writes a {@link PointsChange} all or nothing. */
public interface PointsRepository {

    /** Someone else changed the account since it was read (or it was closed): read again and retry. */
    final class VersionConflict extends ConcurrentChange {
        public VersionConflict() { super("points account changed concurrently"); }
    }

    /** The order already has a pending earning (first one wins; earning is idempotent per order). */
    final class DuplicateEarning extends RuntimeException {
        public DuplicateEarning() { super("order already earned", null, false, false); }
    }

    /** What the scheduled job must look at: a pending earning to release or a lot to expire. */
    record Due(String tenantId, String memberId, Kind kind, String ref, Instant dueAt) {
        public enum Kind { PENDING, LOT }
    }

    Optional<PointsAccount> account(String tenantId, String memberId);

    void commit(PointsChange change);

    /** Newest first. */
    Page<LedgerEntry> ledger(String tenantId, String memberId, int limit, String cursor);

    Optional<PendingPoints> pending(String tenantId, String memberId, String orderId);

    List<PendingPoints> openPending(String tenantId, String memberId);

    /** Lots with points left ({@code cumEnd > consumed}), oldest first. */
    List<Lot> lotsFrom(String tenantId, String memberId, long consumed, int limit);

    /** Items due at or before {@code now}, across tenants (the job's work list). */
    List<Due> due(Instant now, int limit);

    /** Takes a processed item off the work list. */
    void clearDue(Due due);

    /**
     * The writes of {@link #commit}, for a caller's own transaction (an order spends or gives back points together
     * with its stock and coupon); any refusal within it means "read again". Only a repository that can join a
     * DynamoDB transaction has them.
     */
    default TransactionPart part(PointsChange change) {
        throw new UnsupportedOperationException("this repository cannot join another transaction");
    }
}
