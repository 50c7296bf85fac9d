package com.zhidian.members.application;

import com.zhidian.core.Retry;
import com.zhidian.core.dynamo.TransactionPart;
import com.zhidian.core.paging.Page;
import com.zhidian.members.domain.LedgerEntry;
import com.zhidian.members.domain.Lot;
import com.zhidian.members.domain.MembersErrors;
import com.zhidian.members.domain.PendingPoints;
import com.zhidian.members.domain.PointsAccount;
import com.zhidian.members.domain.PointsChange;
import com.zhidian.members.domain.PointsRepository;
import com.zhidian.members.domain.PointsRules;
import com.zhidian.members.domain.PointsSettings;
import com.zhidian.members.domain.SettingsRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Points use cases. Each change reads the account, applies {@link PointsRules} and commits balance and
 * ledger entry together on the version read; a concurrent change makes the commit fail and the whole
 * use case runs again on fresh data, so nothing is spent twice and the balance never goes below zero.
 * {@link #earn}, {@link #cancelEarning} and {@link #redeem} are also the service the orders context calls.
 */
public final class PointsService {
    private static final int LOTS_PAGE = 25;
    /**
     * Most reads stop at the first lot that expires after the horizon (lots expire in credit order), so the first
     * page is short: a balance read then carries a few lots, not {@value #LOTS_PAGE}.
     */
    private static final int FIRST_LOTS_PAGE = 4;

    private final PointsRepository points;
    private final SettingsRepository settings;
    private final Clock clock;

    public PointsService(PointsRepository points, SettingsRepository settings, Clock clock) {
        this.points = points;
        this.settings = settings;
        this.clock = clock;
    }

    public record View(long balance, long pending, long lifetimeEarned, long expiringSoon, Instant nextExpiryAt) {}

    public record Earned(String orderId, long points, Instant availableAt, boolean duplicate) {}

    public record JobResult(int seen, int released, int expiredMembers, long pointsExpired) {}

    /**
     * Balance and what expires within {@value PointsSettings#EXPIRING_SOON_DAYS} days. Lots expire in credit
     * order (see {@link Lot}), so the lots are read oldest first only up to the first one expiring later:
     * a regular customer's hundreds of lots cost one short page, not a read of all of them.
     */
    /** The tenant's return window in days (points stay pending that long; orders take refund requests that long). */
    public int returnWindowDays(String tenantId) {
        return settings.points(tenantId).returnWindowDays();
    }

    public View view(String tenantId, String memberId) {
        PointsAccount a = account(tenantId, memberId);
        Instant horizon = clock.instant().plus(Duration.ofDays(PointsSettings.EXPIRING_SOON_DAYS));
        long soon = 0;
        Instant next = null;
        for (Lot lot : a.balance() == 0 ? List.<Lot>of() : lotsOldestFirst(tenantId, memberId, a.consumed())) {
            if (lot.expiresAt() == null) continue;
            if (next == null) next = lot.expiresAt();
            if (lot.expiresAt().isAfter(horizon)) break;
            soon += lot.remaining(a.consumed());
        }
        return new View(a.balance(), a.pending(), a.lifetimeEarned(), soon, next);
    }

    public Page<LedgerEntry> ledger(String tenantId, String memberId, int limit, String cursor) {
        account(tenantId, memberId);
        return points.ledger(tenantId, memberId, limit, cursor);
    }

    public LedgerEntry redeem(String tenantId, String memberId, long amount, String storeId, String orderId,
                              String reason, String actor) {
        return retrying(() -> {
            PointsChange c = PointsRules.redeem(account(tenantId, memberId), amount, storeId, orderId, reason, actor, clock.instant());
            points.commit(c);
            return c.entry();
        });
    }

    /** The tenant's welcome gift for an account opened now, to be written with the new member; null for none. */
    public PointsChange planWelcome(PointsAccount opened, String storeId, Instant now) {
        PointsSettings s = settings.points(opened.tenantId());
        return PointsRules.welcome(opened, s.welcomePoints(), storeId, now, s.expiresAt(now, settings.zone(opened.tenantId())));
    }

    /** An owner's manual adjustment, within the tenant's limit and confirmed above its threshold. */
    public LedgerEntry adjust(String tenantId, String memberId, long delta, boolean confirmed, String reason, String storeId, String actor) {
        settings.points(tenantId).checkAdjust(delta, confirmed);
        return adjust(tenantId, memberId, delta, reason, storeId, actor);
    }

    public LedgerEntry adjust(String tenantId, String memberId, long delta, String reason, String storeId, String actor) {
        return retrying(() -> {
            Instant now = clock.instant();
            Instant expires = delta > 0 ? settings.points(tenantId).expiresAt(now, settings.zone(tenantId)) : null;
            PointsChange c = PointsRules.adjust(account(tenantId, memberId), delta, reason, storeId, actor, now, expires);
            points.commit(c);
            return c.entry();
        });
    }

    /**
     * A redemption planned but not written, for a caller that writes it inside its own transaction (an order
     * paying with points: {@code DynamoPointsRepository.writes(change)} joins the order's TransactWriteItems).
     * If that transaction is cancelled on the account item, plan again. 422 when the balance is short.
     */
    public PointsChange planRedeem(String tenantId, String memberId, long amount, String storeId, String orderId, String reason) {
        return PointsRules.redeem(account(tenantId, memberId), amount, storeId, orderId, reason, "system", clock.instant());
    }

    /**
     * Points spent on an order, as a part of the order's own transaction (conditioned on the account's version read;
     * a refusal means "plan again"). 422 ({@link MembersErrors.NotEnoughPoints}) when the balance is short.
     */
    /** The item {@link #planSpend} reads by key (the points account), for a caller that reads it ahead with its own. */
    public com.zhidian.core.aws.ReadAhead.Key planSpendRead(String tenantId, String memberId) {
        return com.zhidian.members.store.Keys.pointsAccount(tenantId, memberId);
    }

    public TransactionPart planSpend(String tenantId, String memberId, long amount, String storeId, String orderId) {
        return points.part(planRedeem(tenantId, memberId, amount, storeId, orderId, "order " + orderId));
    }

    /**
     * Points an order spent given back (the order was cancelled, or refunded in part), as a part of the order's
     * transaction: a {@code redeem_returned} credit of the order with the tenant's expiry (not counted as earned).
     */
    public TransactionPart planGiveBack(String tenantId, String memberId, long amount, String storeId, String orderId, String reason) {
        Instant now = clock.instant();
        Instant expires = settings.points(tenantId).expiresAt(now, settings.zone(tenantId));
        return points.part(PointsRules.giveBack(account(tenantId, memberId), amount, orderId, storeId, reason, now, expires));
    }

    /** An earning planned but not written (see {@link #planRedeem}); null when the amount earns nothing. */
    public PointsChange planEarn(String tenantId, String memberId, String orderId, String storeId, long amountFen) {
        return PointsRules.earn(account(tenantId, memberId), settings.points(tenantId), orderId, storeId, amountFen, clock.instant());
    }

    /**
     * Points for a paid order: pending until the tenant's return window passes. Idempotent per order: a
     * second call answers the first earning ({@code duplicate = true}) and changes nothing.
     */
    public Earned earn(String tenantId, String memberId, String orderId, String storeId, long amountFen) {
        PointsSettings s = settings.points(tenantId);
        return retrying(() -> {
            Optional<PendingPoints> earlier = points.pending(tenantId, memberId, orderId);
            if (earlier.isPresent()) return duplicate(earlier.get());
            PointsChange c = PointsRules.earn(account(tenantId, memberId), s, orderId, storeId, amountFen, clock.instant());
            if (c == null) return new Earned(orderId, 0, null, false);
            try {
                points.commit(c);
            } catch (PointsRepository.DuplicateEarning e) {
                return duplicate(points.pending(tenantId, memberId, orderId).orElseThrow());
            }
            return new Earned(orderId, c.pendingCreated().points(), c.pendingCreated().availableAt(), false);
        });
    }

    /**
     * An order was returned. Within the return window its pending points are cancelled; after it, what is
     * left of the balance up to the points earned is taken back. Answers the points taken (0 if none).
     */
    public long cancelEarning(String tenantId, String memberId, String orderId, String reason) {
        return retrying(() -> {
            Optional<PendingPoints> p = points.pending(tenantId, memberId, orderId);
            if (p.isEmpty() || PendingPoints.CANCELLED.equals(p.get().state())) return 0L;
            PointsAccount a = account(tenantId, memberId);
            PointsChange c;
            if (p.get().open()) {
                requireInStep(a, p.get());
                c = PointsRules.cancel(a, p.get(), reason, clock.instant());
            } else {
                long back = Math.min(a.balance(), p.get().points());
                if (back == 0 || !a.active()) return 0L;
                c = PointsRules.reverse(a, back, orderId, p.get().storeId(), reason, clock.instant());
            }
            points.commit(c);
            return -c.entry().delta() - c.entry().pendingDelta();
        });
    }

    // ---- partial refunds (issue 19): the earned points of the refunded share ----

    /**
     * The points a refund of an order would reverse now, without writing: the order's earning brought to
     * {@link PointsRules#reversedTarget} of what it earned, minus what earlier refunds reversed. 0 when the order earned
     * nothing (yet) or its earning was cancelled.
     */
    public long reversalDue(String tenantId, String memberId, String orderId, long refunded, long paid, boolean full) {
        Optional<PendingPoints> p = points.pending(tenantId, memberId, orderId);
        if (p.isEmpty() || PendingPoints.CANCELLED.equals(p.get().state())) return 0;
        return Math.max(0, PointsRules.reversedTarget(p.get().earned(), refunded, paid, full) - p.get().reversed());
    }

    /**
     * A refund of {@code refunded} of the {@code paid} fen (in all, this refund included) reverses the points earned on
     * the refunded share: pending points shrink; released ones are taken back from the balance, never below zero (the
     * part the member already spent is written off). Cumulative and idempotent: repeating it, or calling it again for an
     * earlier refund, changes nothing. Answers the points taken off pending or balance.
     */
    public long reverseEarned(String tenantId, String memberId, String orderId, long refunded, long paid, boolean full, String reason) {
        return retrying(() -> {
            Optional<PendingPoints> p = points.pending(tenantId, memberId, orderId);
            if (p.isEmpty()) return 0L;
            PointsAccount a = account(tenantId, memberId);
            if (!a.active()) return 0L;
            if (p.get().open()) requireInStep(a, p.get());
            long target = PointsRules.reversedTarget(p.get().earned(), refunded, paid, full);
            PointsChange c = PointsRules.reverseShare(a, p.get(), target, reason, clock.instant());
            if (c == null) return 0L;
            points.commit(c);
            return -c.entry().delta() - c.entry().pendingDelta();
        });
    }

    /** Releases one order's pending points if its return window has passed. */
    public boolean releaseIfDue(String tenantId, String memberId, String orderId) {
        return retrying(() -> {
            Optional<PendingPoints> p = points.pending(tenantId, memberId, orderId);
            Instant now = clock.instant();
            if (p.isEmpty() || !p.get().open() || p.get().availableAt().isAfter(now)) return false;
            PointsAccount a = account(tenantId, memberId);
            if (!a.active()) return false;
            requireInStep(a, p.get());
            Instant expires = settings.points(tenantId).expiresAt(now, settings.zone(tenantId));
            points.commit(PointsRules.release(a, p.get(), now, expires));
            return true;
        });
    }

    /** Expires, oldest first, every point of a member whose lot is due; answers the points expired. */
    public long expireDue(String tenantId, String memberId) {
        return retrying(() -> {
            PointsAccount a = account(tenantId, memberId);
            if (!a.active()) return 0L;
            Instant now = clock.instant();
            long dueEnd = -1;
            for (Lot lot : lotsOldestFirst(tenantId, memberId, a.consumed())) {
                if (lot.expiresAt() == null || lot.expiresAt().isAfter(now)) break;
                dueEnd = lot.cumEnd();
            }
            if (dueEnd < 0) return 0L;
            PointsChange c = PointsRules.expire(a, dueEnd, now);
            if (c == null) return 0L;
            points.commit(c);
            return -c.entry().delta();
        });
    }

    /** The scheduled job: release due pending points, then expire due lots; each item at least once. */
    public JobResult runDue(int limit) {
        Instant now = clock.instant();
        List<PointsRepository.Due> due = points.due(now, limit);
        int released = 0;
        for (PointsRepository.Due d : due) {
            if (d.kind() != PointsRepository.Due.Kind.PENDING) continue;
            if (releaseIfDue(d.tenantId(), d.memberId(), d.ref())) released++;
            points.clearDue(d);
        }
        Set<String> members = new LinkedHashSet<>();
        List<PointsRepository.Due> lots = new ArrayList<>();
        for (PointsRepository.Due d : due) {
            if (d.kind() == PointsRepository.Due.Kind.LOT) {
                members.add(d.tenantId() + "\n" + d.memberId());
                lots.add(d);
            }
        }
        long expired = 0;
        int expiredMembers = 0;
        for (String m : members) {
            String[] tm = m.split("\n");
            long n = expireDue(tm[0], tm[1]);
            if (n > 0) expiredMembers++;
            expired += n;
        }
        lots.forEach(points::clearDue);
        return new JobResult(due.size(), released, expiredMembers, expired);
    }

    /**
     * The pending earning and the account are read one after the other; if another change settled the
     * earning in between, the account no longer holds its points: read both again.
     */
    private static void requireInStep(PointsAccount a, PendingPoints p) {
        if (a.pending() < p.points()) throw new PointsRepository.VersionConflict();
    }

    /** The lots with points left, oldest first, read a page at a time as the caller goes on. */
    private Iterable<Lot> lotsOldestFirst(String tenantId, String memberId, long consumed) {
        return () -> new Iterator<>() {
            private int asked = FIRST_LOTS_PAGE;
            private List<Lot> page = points.lotsFrom(tenantId, memberId, consumed, asked);
            private int i;

            @Override
            public boolean hasNext() {
                if (i == page.size() && page.size() == asked) {
                    asked = LOTS_PAGE;
                    page = points.lotsFrom(tenantId, memberId, page.get(i - 1).cumEnd(), asked);
                    i = 0;
                }
                return i < page.size();
            }

            @Override
            public Lot next() {
                if (!hasNext()) throw new NoSuchElementException();
                return page.get(i++);
            }
        };
    }

    /** The account of a member of this tenant; a missing one (or another tenant's) is 404. */
    private PointsAccount account(String tenantId, String memberId) {
        return points.account(tenantId, memberId).orElseThrow(() -> MembersErrors.memberNotFound(memberId));
    }

    private static Earned duplicate(PendingPoints p) {
        return new Earned(p.orderId(), p.points(), p.availableAt(), true);
    }

    private static <T> T retrying(Supplier<T> attempt) {
        return Retry.onConflict(attempt, "this member's points are changing too fast; retry");
    }
}
