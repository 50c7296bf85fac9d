package com.zhidian.approvals.application;

import com.zhidian.approvals.domain.Approval;
import com.zhidian.approvals.domain.ApprovalRepository;
import com.zhidian.approvals.domain.ApprovalRules;
import com.zhidian.approvals.domain.ApprovalsErrors;
import com.zhidian.approvals.domain.Ask;
import com.zhidian.approvals.domain.GateRule;
import com.zhidian.core.Ids;
import com.zhidian.core.Json;
import com.zhidian.core.auth.Caller;
import com.zhidian.core.auth.Role;
import com.zhidian.core.paging.Page;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** The approvals use cases: the owner's rules, the gate other contexts call, the requests and their decisions. */
public final class ApprovalsService implements ApprovalGate {
    private static final Pattern ID = Pattern.compile("ap_[a-z0-9]{1,40}");
    private final ApprovalRepository repo;
    private final Clock clock;

    public ApprovalsService(ApprovalRepository repo, Clock clock) {
        this.repo = repo;
        this.clock = clock;
    }

    public ApprovalRules rules(String tenantId) {
        return repo.rules(tenantId);
    }

    public ApprovalRules setRules(Caller owner, Long refundAbove, Boolean priceBelowCost, Long stockAdjustmentAbove, Long couponValueAbove) {
        ApprovalRules r = new ApprovalRules(refundAbove, priceBelowCost, stockAdjustmentAbove, couponValueAbove, who(owner), clock.instant());
        repo.saveRules(owner.tenantId(), r);
        return r;
    }

    /** One request: the owner sees any of the tenant's, staff only their own (another's is 404). */
    public Approval get(Caller caller, String approvalId) {
        Approval a = repo.find(caller.tenantId(), approvalId);
        if (a == null || !visible(caller, a)) throw new ApprovalsErrors.ApprovalNotFound(approvalId);
        return a;
    }

    public Page<Approval> list(Caller caller, String status, int limit, String cursor) {
        return repo.list(caller.tenantId(), status, caller.is(Role.OWNER) ? null : caller.sub(), limit, cursor);
    }

    /** The owner approves or rejects a pending request, once; the decision keeps who, when and the note. */
    public Approval decide(Caller owner, String approvalId, String decision, String note) {
        Approval a = get(owner, approvalId);
        if (!Approval.PENDING.equals(a.status())) throw new ApprovalsErrors.AlreadyDecided(approvalId, a.status());
        Approval after = a.decided(decision, who(owner), clock.instant(), note);
        if (!repo.decide(owner.tenantId(), after, askKey(a))) {
            Approval now = repo.find(owner.tenantId(), approvalId);
            throw new ApprovalsErrors.AlreadyDecided(approvalId, now == null ? "unknown" : now.status());
        }
        return after;
    }

    @Override
    public <T> T guard(Attempt at, Ask bare, Supplier<T> action) {
        Caller caller = at.caller();
        if (caller.is(Role.OWNER)) return action.get();
        String tenantId = caller.tenantId();
        ApprovalRules rules = repo.rules(tenantId);
        if (GateRule.threshold(rules, bare) == null) return action.get();
        Ask ask = bare.withBodyHash(bodyHash(at.body()));
        Approval presented = at.approvalId() != null && ID.matcher(at.approvalId()).matches() ? repo.find(tenantId, at.approvalId()) : null;
        GateRule.Verdict v = GateRule.decide(false, rules, ask, caller.sub(), presented);
        if (v == GateRule.Verdict.CONSUME
                && repo.consume(tenantId, presented, askKey(presented), at.requestId(), clock.instant(), at.routeKey())) {
            try {
                return action.get();
            } catch (RuntimeException failed) {
                repo.release(tenantId, presented, askKey(presented), at.requestId());
                throw failed;
            }
        }
        throw new ApprovalsErrors.ApprovalRequired(open(at, ask, GateRule.threshold(rules, ask)));
    }

    /** The open request of exactly this ask by this requester, or a new pending one. */
    private Approval open(Attempt at, Ask ask, long threshold) {
        String tenantId = at.caller().tenantId();
        Approval fresh = new Approval(newId(), ask.kind(), ask.storeId(), ask.subject(), ask.amount(), threshold, ask.bodyHash(),
                at.method(), at.path(), at.body(), at.caller().sub(), who(at.caller()), clock.instant(), Approval.PENDING,
                null, null, null, null, null);
        String key = askKey(fresh);
        for (int attempt = 0; attempt < 3; attempt++) {
            String openId = repo.openAsk(tenantId, key);
            if (openId != null) {
                Approval a = repo.find(tenantId, openId);
                if (a != null && (Approval.PENDING.equals(a.status()) || Approval.APPROVED.equals(a.status()))) return a;
            }
            if (repo.create(tenantId, fresh, key)) return fresh;
        }
        throw new com.zhidian.core.errors.ConcurrentChange("the open request of this action keeps changing; retry");
    }

    private static boolean visible(Caller caller, Approval a) {
        return caller.is(Role.OWNER) || (caller.is(Role.STAFF) && a.requesterSub().equals(caller.sub()));
    }

    private String newId() {
        String time = Long.toString(clock.millis(), 36);
        return "ap_" + "0".repeat(Math.max(0, 9 - time.length())) + time + Ids.next("x").substring(2, 12);
    }

    static String who(Caller c) {
        return c.username() != null ? c.username() : c.sub();
    }

    /** The hash of the exact request, as JSON says it (key order and spacing do not change what it asks). */
    public static String bodyHash(String body) {
        return sha(Json.canonical(body == null ? "" : body));
    }

    /** The key of the one open request per requester and exact action. */
    public static String askKey(Approval a) {
        return sha(a.requesterSub() + "\n" + a.kind() + "\n" + a.storeId() + "\n" + a.subject() + "\n" + a.amount() + "\n" + a.bodyHash());
    }

    private static String sha(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)), 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Instant now() { return clock.instant(); }
}
