package com.zhidian.coupons.application;

import com.zhidian.core.dynamo.TransactionPart;
import com.zhidian.core.Retry;
import com.zhidian.coupons.domain.Basket;
import com.zhidian.coupons.domain.Counts;
import com.zhidian.coupons.domain.Coupon;
import com.zhidian.coupons.domain.CouponCodes;
import com.zhidian.coupons.domain.CouponErrors;
import com.zhidian.coupons.domain.CouponRepository;
import com.zhidian.coupons.domain.CouponRepository.Hold;
import com.zhidian.coupons.domain.CouponRepository.Move;
import com.zhidian.coupons.domain.CouponRules;
import com.zhidian.coupons.domain.CouponState;
import com.zhidian.coupons.domain.Directory;
import com.zhidian.coupons.domain.Directory.MemberStanding;
import com.zhidian.coupons.domain.IssueJob;
import com.zhidian.coupons.domain.IssueJobRepository;
import com.zhidian.coupons.domain.Slice;
import com.zhidian.coupons.domain.Template;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The coupons use cases: templates, handing coupons out (issue, claim), checking and redeeming them in store, voiding,
 * and the reserve → commit → release steps an order takes. Every state change goes through
 * {@link CouponRepository#move}, which is conditional on what was read: a change that lost a race reads again and
 * decides again, so a coupon is used once, and counts equal the coupons' states.
 */
public final class CouponService {
    /** voidAll's attempts per coupon before it leaves one to a later void (it never fails the whole). */
    private static final int MAX_TRIES = 50;

    private final CouponRepository repo;
    private final Directory directory;
    private final Clock clock;

    public CouponService(CouponRepository repo, Directory directory, Clock clock) {
        this.repo = repo;
        this.directory = directory;
        this.clock = clock;
    }

    public Instant now() { return clock.instant(); }

    // ---- templates ----

    /** Every store named must be one of the tenant's. */
    public Template create(Template draft) {
        for (String s : draft.terms().storeIds()) {
            if (!directory.hasStore(draft.tenantId(), s)) throw new CouponErrors.UnknownStore(s);
        }
        repo.createTemplate(draft);
        return draft;
    }

    public Template template(String tenantId, String templateId) {
        Template t = repo.template(tenantId, templateId).orElseThrow(() -> new CouponErrors.TemplateNotFound(templateId));
        return withExpired(t);
    }

    public Slice<Template> templates(String tenantId, int limit, String cursor) {
        Slice<Template> s = repo.templates(tenantId, limit, cursor);
        return new Slice<>(s.items().stream().map(this::withExpired).toList(), s.nextCursor());
    }

    private Template withExpired(Template t) {
        Counts c = t.counts();
        return t.withCounts(new Counts(c.issued(), c.claimed(), c.reserved(), c.redeemed(), c.voided(),
                repo.expired(t.tenantId(), t.templateId(), now())));
    }

    public Template stop(String tenantId, String templateId) {
        if (!repo.stop(tenantId, templateId)) throw new CouponErrors.TemplateNotFound(templateId);
        return template(tenantId, templateId);
    }

    /** Templates a customer may claim from now (the coupon centre), with how many the member already has. */
    public List<Offer> centre(String tenantId, String memberId) {
        List<Template> open = new ArrayList<>();
        String cursor = null;
        do {
            Slice<Template> s = repo.templates(tenantId, 200, cursor);
            for (Template t : s.items()) if (t.open(now())) open.add(t);
            cursor = s.nextCursor();
        } while (cursor != null && open.size() < 200);
        Map<String, Long> mine = repo.taken(tenantId, memberId, open.stream().map(Template::templateId).toList());
        return open.stream().map(t -> new Offer(t, mine.getOrDefault(t.templateId(), 0L))).toList();
    }

    public record Offer(Template template, long taken) {
        public boolean claimable() { return taken < template.perMemberLimit(); }
    }

    // ---- handing out ----

    /** One line of an issue's report: the member's new coupon, or why they got none. */
    public record Issued(String memberId, Coupon coupon, String refusal) {}

    public static final String MEMBER_ERASED = "member_erased";
    public static final String LIMIT_REACHED = "limit_reached";
    public static final String STOCK_OUT = "stock_out";
    public static final String CLOSED = "closed";

    /**
     * The owner hands one coupon to each member named; the report says who got one and who did not, and why (erased,
     * limit reached, stock out). A name that is not a member of the tenant is a 404 and nothing is issued.
     */
    public List<Issued> issue(String tenantId, String templateId, List<String> memberIds) {
        Template t = repo.template(tenantId, templateId).orElseThrow(() -> new CouponErrors.TemplateNotFound(templateId));
        requireOpenWindow(t);
        Map<String, MemberStanding> standing = directory.members(tenantId, memberIds);
        // a name that is no member of this tenant (another tenant's, a typo) refuses the whole request before any write
        for (String m : memberIds) {
            if (standing.getOrDefault(m, MemberStanding.UNKNOWN) == MemberStanding.UNKNOWN) throw new CouponErrors.MemberNotFound(m);
        }
        List<Issued> out = new ArrayList<>();
        for (String m : memberIds) {
            if (standing.get(m) == MemberStanding.ERASED) {
                out.add(new Issued(m, null, MEMBER_ERASED));
                continue;
            }
            Result r = handOut(t, m, Coupon.ISSUED, false);
            out.add(new Issued(m, r.coupon, r.refusal));
        }
        return out;
    }

    /** A customer claims one coupon of an open template for themselves. */
    public Coupon claim(String tenantId, String memberId, String templateId) {
        Template t = repo.template(tenantId, templateId).orElseThrow(() -> new CouponErrors.TemplateNotFound(templateId));
        requireOpenWindow(t);
        MemberStanding st = directory.members(tenantId, List.of(memberId)).getOrDefault(memberId, MemberStanding.UNKNOWN);
        if (st != MemberStanding.ACTIVE) throw new CouponErrors.MemberNotFound(memberId);
        Result r = handOut(t, memberId, Coupon.CLAIMED, true);
        if (r.coupon != null) return r.coupon;
        throw switch (r.refusal) {
            case LIMIT_REACHED -> new CouponErrors.LimitReached(t.perMemberLimit());
            case STOCK_OUT -> new CouponErrors.StockOut();
            default -> new CouponErrors.TemplateClosed("stopped");
        };
    }

    /** The template, if it may still hand coupons out (exists, not stopped, its window not over). */
    Template openTemplate(String tenantId, String templateId) {
        Template t = repo.template(tenantId, templateId).orElseThrow(() -> new CouponErrors.TemplateNotFound(templateId));
        requireOpenWindow(t);
        return t;
    }

    Directory directory() { return directory; }

    /** The template as stored (its counters, without the expired count, which would cost a query of its coupons). */
    Template stored(String tenantId, String templateId) {
        return repo.template(tenantId, templateId).orElseThrow(() -> new CouponErrors.TemplateNotFound(templateId));
    }

    private void requireOpenWindow(Template t) {
        if (t.stopped()) throw new CouponErrors.TemplateClosed("stopped");
        if (t.validTo() != null && !now().isBefore(t.validTo())) throw new CouponErrors.TemplateClosed("ended");
    }

    private record Result(Coupon coupon, String refusal) {}

    private Result handOut(Template t, String memberId, String source, boolean carryClaim) {
        return handOut(t, memberId, source, carryClaim, null);
    }

    /** Already in the job's report (a step run again): nothing was written this time. */
    static final String ALREADY_REPORTED = "already_reported";

    /**
     * One member of an issue job: their coupon, or the reason they got none, with the report line written in the same
     * transaction as the coupon (or the refusal). Answers the outcome, or {@link #ALREADY_REPORTED}.
     */
    String issueForJob(Template t, String memberId, boolean erased, IssueJobRepository jobs, String jobId) {
        if (erased) return jobs.refuse(t.tenantId(), jobId, memberId, MEMBER_ERASED) ? MEMBER_ERASED : ALREADY_REPORTED;
        Result r = handOut(t, memberId, Coupon.ISSUED, false, jobId);
        if (r.coupon != null) return IssueJob.Line.ISSUED;
        if (ALREADY_REPORTED.equals(r.refusal)) return ALREADY_REPORTED;
        return jobs.refuse(t.tenantId(), jobId, memberId, r.refusal) ? r.refusal : ALREADY_REPORTED;
    }

    private Result handOut(Template t, String memberId, String source, boolean carryClaim, String jobId) {
        for (int i = 1; ; i++) {
            Instant now = now();
            Coupon c = new Coupon(t.tenantId(), CouponCodes.next(), t.templateId(), memberId, t.name(), t.terms(),
                    t.couponFrom(now), t.couponTo(now), CouponState.AVAILABLE, source, now, null, null, null, now);
            switch (repo.take(t, c, carryClaim, jobId)) {
                case OK: return new Result(c, null);
                case ALREADY_REPORTED: return new Result(null, ALREADY_REPORTED);
                case STOCK_OUT: return new Result(null, STOCK_OUT);
                case LIMIT_REACHED: return new Result(null, LIMIT_REACHED);
                case CLOSED: return new Result(null, CLOSED);
                default: Retry.giveUpOrPause(i, CouponErrors.Busy::new);
            }
        }
    }

    // ---- in store ----

    public record Checked(Coupon coupon, CouponRules.Verdict verdict) {}

    /** Whether the coupon applies in this store (and to this basket), and why not; nothing changes. */
    public Checked check(String tenantId, String typedCode, String storeId, Basket basket) {
        Coupon c = find(tenantId, typedCode);
        return new Checked(c, CouponRules.check(c, storeId, basket, now()));
    }

    /** Used once: the coupon becomes redeemed with store, staff, order and time; every other try is refused. */
    public Coupon redeem(String tenantId, String typedCode, String storeId, String staff, String orderId) {
        String code = CouponCodes.normalise(typedCode);
        for (int i = 1; ; i++) {
            Coupon c = repo.coupon(tenantId, code).orElseThrow(CouponErrors.CouponNotFound::new);
            requireUsable(c, storeId, null);
            Instant now = now();
            Coupon after = c.with(CouponState.REDEEMED, orderId, new Coupon.Redemption(storeId, staff, orderId, now), null, now);
            Hold hold = orderId == null ? null : new Hold(orderId, +1, !c.terms().stackable());
            if (moved(c, after, hold, true)) return after;
            Retry.giveUpOrPause(i, CouponErrors.Busy::new);
        }
    }

    /** The state refusals (409) first, then the rules (422). */
    private void requireUsable(Coupon c, String storeId, Basket basket) {
        switch (c.state()) {
            case REDEEMED -> throw new CouponErrors.AlreadyUsed();
            case VOID -> throw new CouponErrors.Voided();
            case RESERVED -> throw new CouponErrors.Reserved();
            case AVAILABLE -> { }
        }
        CouponRules.Verdict v = CouponRules.check(c, storeId, basket, now());
        if (!v.applies()) throw new CouponErrors.NotApplicable(v.refusals().get(0));
    }

    private Coupon find(String tenantId, String typedCode) {
        return repo.coupon(tenantId, CouponCodes.normalise(typedCode)).orElseThrow(CouponErrors.CouponNotFound::new);
    }

    // ---- void ----

    /** A single coupon (available or expired) voided with a reason; a used or reserved one is not. */
    public Coupon voidOne(String tenantId, String typedCode, String reason) {
        String code = CouponCodes.normalise(typedCode);
        for (int i = 1; ; i++) {
            Coupon c = repo.coupon(tenantId, code).orElseThrow(CouponErrors.CouponNotFound::new);
            switch (c.state()) {
                case VOID: return c;
                case REDEEMED: throw new CouponErrors.AlreadyUsed();
                case RESERVED: throw new CouponErrors.Reserved();
                default: break;
            }
            Coupon after = c.with(CouponState.VOID, null, null, reason, now());
            if (moved(c, after, null, true)) return after;
            Retry.giveUpOrPause(i, CouponErrors.Busy::new);
        }
    }

    /**
     * Stops the template and voids every coupon of it not used and not held by an order; answers how many. A coupon an
     * order holds is left to that order (its payment or release decides).
     */
    public long voidAll(String tenantId, String templateId, String reason) {
        if (!repo.stop(tenantId, templateId)) throw new CouponErrors.TemplateNotFound(templateId);
        long voided = 0;
        String cursor = null;
        do {
            Slice<Coupon> s = repo.ofTemplate(tenantId, templateId, 100, cursor);
            for (Coupon c : s.items()) {
                Coupon cur = c;
                for (int i = 0; i < MAX_TRIES && cur != null && cur.state() == CouponState.AVAILABLE; i++) {
                    if (moved(cur, cur.with(CouponState.VOID, null, null, reason, now()), null, false)) {
                        voided++;
                        break;
                    }
                    cur = repo.coupon(tenantId, c.code()).orElse(null);
                }
            }
            cursor = s.nextCursor();
        } while (cursor != null);
        return voided;
    }

    // ---- orders: reserve → commit → release, refunds ----

    /**
     * An order takes the coupon so that no other order can meanwhile. Reserving again for the same order is a no-op.
     * With a basket, its rules are checked too.
     */
    public Coupon reserve(String tenantId, String typedCode, String orderId, String storeId, Basket basket) {
        String code = CouponCodes.normalise(typedCode);
        for (int i = 1; ; i++) {
            Coupon c = repo.coupon(tenantId, code).orElseThrow(CouponErrors.CouponNotFound::new);
            if (c.state() == CouponState.RESERVED && orderId.equals(c.orderId())) return c;
            requireUsable(c, storeId, basket);
            Coupon after = c.with(CouponState.RESERVED, orderId, null, null, now());
            if (moved(c, after, new Hold(orderId, +1, !c.terms().stackable()), false)) return after;
            Retry.giveUpOrPause(i, CouponErrors.Busy::new);
        }
    }

    /** Payment: the order's reservation becomes a redemption (a reservation is honoured even if the coupon ended since). */
    public Coupon commit(String tenantId, String typedCode, String orderId, String storeId, String staff) {
        String code = CouponCodes.normalise(typedCode);
        for (int i = 1; ; i++) {
            Coupon c = repo.coupon(tenantId, code).orElseThrow(CouponErrors.CouponNotFound::new);
            if (c.state() == CouponState.REDEEMED && orderId.equals(c.orderId())) return c;
            if (c.state() != CouponState.RESERVED || !orderId.equals(c.orderId())) throw new CouponErrors.NotHeldByOrder(orderId);
            Instant now = now();
            Coupon after = c.with(CouponState.REDEEMED, orderId, new Coupon.Redemption(storeId, staff, orderId, now), null, now);
            if (moved(c, after, null, false)) return after;
            Retry.giveUpOrPause(i, CouponErrors.Busy::new);
        }
    }

    /**
     * Cancellation or the unpaid order's timeout: the coupon is available again, exactly once. Releasing again, or for
     * an order that does not hold the coupon, changes nothing.
     */
    public Coupon release(String tenantId, String typedCode, String orderId) {
        String code = CouponCodes.normalise(typedCode);
        for (int i = 1; ; i++) {
            Coupon c = repo.coupon(tenantId, code).orElseThrow(CouponErrors.CouponNotFound::new);
            if (c.state() != CouponState.RESERVED || !orderId.equals(c.orderId())) return c;
            Coupon after = c.with(CouponState.AVAILABLE, null, null, null, now());
            if (moved(c, after, new Hold(orderId, -1, !c.terms().stackable()), false)) return after;
            Retry.giveUpOrPause(i, CouponErrors.Busy::new);
        }
    }

    /**
     * After-sales (docs/decisions.md, "Coupons and refunds"): a full refund of the order that used the coupon gives it
     * back, available again, if it is still within its validity; a partial refund keeps it used (the customer keeps
     * goods bought with it), and so does a full refund after the coupon's end. Repeating a refund changes nothing.
     */
    public Coupon refund(String tenantId, String typedCode, String orderId, boolean full) {
        String code = CouponCodes.normalise(typedCode);
        for (int i = 1; ; i++) {
            Coupon c = repo.coupon(tenantId, code).orElseThrow(CouponErrors.CouponNotFound::new);
            if (c.state() != CouponState.REDEEMED || !orderId.equals(c.orderId())) return c;
            if (!full || c.expiredAt(now())) return c;
            Coupon after = c.with(CouponState.AVAILABLE, null, null, null, now());
            if (moved(c, after, new Hold(orderId, -1, !c.terms().stackable()), false)) return after;
            Retry.giveUpOrPause(i, CouponErrors.Busy::new);
        }
    }

    // ---- parts of an order's own transaction ----

    /** A reservation planned with what the coupon gives this basket; the order's transaction carries {@code part}. */
    public record Planned(Coupon coupon, CouponRules.Verdict verdict, TransactionPart part) {}

    private static final TransactionPart NOTHING = TransactionPart.optimistic(List.of());

    /**
     * The coupon reserved for an order, planned but not written: state refusals (409) and rule refusals (422) here,
     * as {@link #reserve}; if the order's transaction is cancelled on the coupon, it changed meanwhile: plan again.
     */
    /** The item {@link #planReserve} reads by key (the coupon), for a caller that reads it ahead with its own; null for a malformed code. */
    public com.zhidian.core.aws.ReadAhead.Key planReserveRead(String tenantId, String typedCode) {
        String code;
        try {
            code = CouponCodes.normalise(typedCode);
        } catch (CouponErrors.CodeMalformed e) {
            return null;  // planReserve refuses it, in its turn
        }
        return new com.zhidian.core.aws.ReadAhead.Key(com.zhidian.coupons.store.Keys.coupon(tenantId, code), com.zhidian.coupons.store.Keys.COUPON_SK);
    }

    public Planned planReserve(String tenantId, String typedCode, String orderId, String storeId, Basket basket) {
        Coupon c = find(tenantId, typedCode);
        requireUsable(c, storeId, basket);
        Coupon after = c.with(CouponState.RESERVED, orderId, null, null, now());
        return new Planned(c, CouponRules.check(c, storeId, basket, now()),
                repo.movePart(c, after, new Hold(orderId, +1, !c.terms().stackable())));
    }

    /** Payment: the order's reservation becomes a redemption (nothing to write when it already is one). */
    public TransactionPart planCommit(String tenantId, String typedCode, String orderId, String storeId, String staff) {
        Coupon c = find(tenantId, typedCode);
        if (c.state() == CouponState.REDEEMED && orderId.equals(c.orderId())) return NOTHING;
        if (c.state() != CouponState.RESERVED || !orderId.equals(c.orderId())) throw new CouponErrors.NotHeldByOrder(orderId);
        Instant now = now();
        return repo.movePart(c, c.with(CouponState.REDEEMED, orderId, new Coupon.Redemption(storeId, staff, orderId, now), null, now), null);
    }

    /** Cancellation: available again (nothing to write when the order does not hold it). */
    public TransactionPart planRelease(String tenantId, String typedCode, String orderId) {
        Coupon c = find(tenantId, typedCode);
        if (c.state() != CouponState.RESERVED || !orderId.equals(c.orderId())) return NOTHING;
        return repo.movePart(c, c.with(CouponState.AVAILABLE, null, null, null, now()), new Hold(orderId, -1, !c.terms().stackable()));
    }

    /** {@link #refund} planned: a full refund within the coupon's validity gives it back; otherwise nothing to write. */
    public TransactionPart planRefund(String tenantId, String typedCode, String orderId, boolean full) {
        Coupon c = find(tenantId, typedCode);
        if (c.state() != CouponState.REDEEMED || !orderId.equals(c.orderId())) return NOTHING;
        if (!full || c.expiredAt(now())) return NOTHING;
        return repo.movePart(c, c.with(CouponState.AVAILABLE, null, null, null, now()), new Hold(orderId, -1, !c.terms().stackable()));
    }

    // ---- lists ----

    public boolean hasStore(String tenantId, String storeId) {
        return directory.hasStore(tenantId, storeId);
    }

    public Slice<Coupon> ofMember(String tenantId, String memberId, int limit, String cursor) {
        return repo.ofMember(tenantId, memberId, limit, cursor);
    }

    /** A member of the tenant (not erased), or MemberNotFound. */
    public void requireMember(String tenantId, String memberId) {
        if (directory.members(tenantId, List.of(memberId)).getOrDefault(memberId, MemberStanding.UNKNOWN) == MemberStanding.UNKNOWN) {
            throw new CouponErrors.MemberNotFound(memberId);
        }
    }

    private boolean moved(Coupon before, Coupon after, Hold hold, boolean carryClaim) {
        Move m = repo.move(before, after, hold, carryClaim);
        if (m == Move.NOT_STACKABLE) throw new CouponErrors.NotStackable(hold.orderId());
        return m == Move.OK;
    }


}
