package com.zhidian.approvals.application;

import com.zhidian.approvals.domain.Approval;
import com.zhidian.approvals.domain.ApprovalsErrors;
import com.zhidian.approvals.domain.Ask;
import com.zhidian.core.auth.Caller;
import com.zhidian.core.auth.Role;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The service over memory for the gate's properties: makes an approved request and replays attempts at it. */
public final class ApprovalsServiceProbe {
    private static final Caller OWNER = new Caller("o", "owner", Role.OWNER, "t", Set.of(), null);
    private static final Caller STAFF = new Caller("s", "staff", Role.STAFF, "t", Set.of("st"), null);
    private final InMemoryApprovals repo = new InMemoryApprovals();
    private final ApprovalsService s = new ApprovalsService(repo, Clock.systemUTC());
    private final Map<String, Integer> done = new HashMap<>();
    private int n;

    public String approvedRequest() {
        s.setRules(OWNER, 100L, null, null, null);
        try {
            s.guard(new Attempt(STAFF, "POST /x", "/x", "{\"a\":1}", null, "r0"), Ask.refund("st", "o", 500), () -> "x");
            throw new AssertionError("not gated");
        } catch (ApprovalsErrors.ApprovalRequired e) {
            s.decide(OWNER, e.approvalId(), Approval.APPROVE, null);
            return e.approvalId();
        }
    }

    /** Step 0-1: the approved request with its header (new or repeated request id); 2: another body; 3: no header; 4: a failing action; 5: owner. */
    public void attempt(long step, String id) {
        String body = step == 2 ? "{\"a\":2}" : "{\"a\":1}";
        String header = step == 3 ? null : id;
        String requestId = step == 1 ? "r-same" : "r" + (++n);
        Caller who = step == 5 ? OWNER : STAFF;
        try {
            s.guard(new Attempt(who, "POST /x", "/x", body, header, requestId), Ask.refund("st", "o", 500), () -> {
                if (step == 4) throw new IllegalStateException("the action failed");
                if (who == STAFF) done.merge(id, 1, Integer::sum);
                return "done";
            });
        } catch (ApprovalsErrors.ApprovalRequired | IllegalStateException refused) {
            // refused: nothing done
        }
    }

    public int actionsDoneWith(String id) {
        return done.getOrDefault(id, 0);
    }
}
