package com.zhidian.members.fakes;

import com.zhidian.core.paging.Page;
import com.zhidian.members.domain.LedgerEntry;
import com.zhidian.members.domain.Lot;
import com.zhidian.members.domain.PendingPoints;
import com.zhidian.members.domain.PointsAccount;
import com.zhidian.members.domain.PointsChange;
import com.zhidian.members.domain.PointsRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A points store with the same all-or-nothing, version-conditioned commit as the DynamoDB one. */
public final class InMemoryPoints implements PointsRepository {
    private final Map<String, PointsAccount> accounts = new HashMap<>();
    private final Map<String, TreeMap<Long, LedgerEntry>> ledgers = new HashMap<>();
    private final Map<String, TreeMap<Long, Lot>> lots = new HashMap<>();
    private final Map<String, Map<String, PendingPoints>> pending = new HashMap<>();
    private final Map<String, Due> due = new HashMap<>();

    /** How many lots {@link #lotsFrom} has answered so far (what a read costs). */
    public int lotsRead;

    private static String k(String t, String m) { return t + "/" + m; }

    public synchronized void open(PointsAccount a) {
        accounts.put(k(a.tenantId(), a.memberId()), a);
    }

    public synchronized void close(String t, String m) {
        accounts.computeIfPresent(k(t, m), (x, a) -> a.closed());
    }

    public synchronized void remove(String t, String m) {
        accounts.remove(k(t, m));
    }

    @Override
    public synchronized Optional<PointsAccount> account(String tenantId, String memberId) {
        return Optional.ofNullable(accounts.get(k(tenantId, memberId)));
    }

    @Override
    public synchronized void commit(PointsChange c) {
        String key = k(c.after().tenantId(), c.after().memberId());
        PointsAccount cur = accounts.get(key);
        if (cur == null || cur.version() != c.expectedVersion() || !cur.active()) throw new VersionConflict();
        Map<String, PendingPoints> pend = pending.computeIfAbsent(key, x -> new HashMap<>());
        if (c.pendingCreated() != null && pend.containsKey(c.pendingCreated().orderId())) throw new DuplicateEarning();
        if (c.pendingSettled() != null) {
            // as DynamoPointsRepository's condition: only a refund's reversal settles a released earning again; anything
            // else needs it still open (two releases of one earning raced here and both passed: a double release)
            PendingPoints p = pend.get(c.pendingSettled().orderId());
            String from = PendingPoints.RELEASED.equals(c.pendingSettled().state()) && LedgerEntry.EARN_REVERSED.equals(c.entry().kind())
                    ? PendingPoints.RELEASED : PendingPoints.OPEN;
            if (p == null || !from.equals(p.state())) throw new VersionConflict();
        }
        TreeMap<Long, LedgerEntry> l = ledgers.computeIfAbsent(key, x -> new TreeMap<>());
        if (l.containsKey(c.entry().seq())) throw new IllegalStateException("ledger entry exists");
        accounts.put(key, c.after());
        l.put(c.entry().seq(), c.entry());
        if (c.lot() != null) {
            lots.computeIfAbsent(key, x -> new TreeMap<>()).put(c.lot().cumEnd(), c.lot());
            if (c.lot().expiresAt() != null) {
                Due d = new Due(c.after().tenantId(), c.after().memberId(), Due.Kind.LOT, "LOT#" + c.lot().cumEnd(), c.lot().expiresAt());
                due.put(key + "/" + d.ref(), d);
            }
        }
        if (c.pendingCreated() != null) {
            PendingPoints p = c.pendingCreated();
            pend.put(p.orderId(), p);
            due.put(key + "/P/" + p.orderId(), new Due(c.after().tenantId(), c.after().memberId(), Due.Kind.PENDING, p.orderId(), p.availableAt()));
        }
        if (c.pendingSettled() != null) {
            pend.put(c.pendingSettled().orderId(), c.pendingSettled());
            if (!c.pendingSettled().open()) due.remove(key + "/P/" + c.pendingSettled().orderId());
        }
    }

    @Override
    public synchronized Page<LedgerEntry> ledger(String tenantId, String memberId, int limit, String cursor) {
        List<LedgerEntry> all = new ArrayList<>(ledgers.getOrDefault(k(tenantId, memberId), new TreeMap<>()).descendingMap().values());
        int from = cursor == null ? 0 : Integer.parseInt(cursor);
        int to = Math.min(all.size(), from + limit);
        return new Page<>(List.copyOf(all.subList(from, to)), to < all.size() ? Integer.toString(to) : null);
    }

    public synchronized List<LedgerEntry> allEntries(String tenantId, String memberId) {
        return List.copyOf(ledgers.getOrDefault(k(tenantId, memberId), new TreeMap<>()).values());
    }

    @Override
    public synchronized Optional<PendingPoints> pending(String tenantId, String memberId, String orderId) {
        return Optional.ofNullable(pending.getOrDefault(k(tenantId, memberId), Map.of()).get(orderId));
    }

    @Override
    public synchronized List<PendingPoints> openPending(String tenantId, String memberId) {
        return pending.getOrDefault(k(tenantId, memberId), Map.of()).values().stream().filter(PendingPoints::open).toList();
    }

    @Override
    public synchronized List<Lot> lotsFrom(String tenantId, String memberId, long consumed, int limit) {
        lotsRead += Math.min(limit, lots.getOrDefault(k(tenantId, memberId), new TreeMap<>()).tailMap(consumed, false).size());
        return lots.getOrDefault(k(tenantId, memberId), new TreeMap<>()).tailMap(consumed, false).values().stream()
                .limit(limit).toList();
    }

    @Override
    public synchronized List<Due> due(Instant now, int limit) {
        return due.values().stream().filter(d -> !d.dueAt().isAfter(now))
                .sorted((a, b) -> a.dueAt().compareTo(b.dueAt())).limit(limit).toList();
    }

    @Override
    public synchronized void clearDue(Due d) {
        String key = k(d.tenantId(), d.memberId());
        due.remove(d.kind() == Due.Kind.PENDING ? key + "/P/" + d.ref() : key + "/" + d.ref());
    }
}
