package com.zhidian.approvals.api;

import static com.zhidian.core.auth.Role.OWNER;
import static com.zhidian.core.auth.Role.STAFF;

import com.zhidian.approvals.application.ApprovalsService;
import com.zhidian.approvals.domain.Approval;
import com.zhidian.core.errors.ApiException;
import com.zhidian.core.http.Fields;
import com.zhidian.core.http.Request;
import com.zhidian.core.http.Response;
import com.zhidian.core.http.Routes;
import java.util.Set;

/** The owner's rules, the requests (owner: all; staff: their own) and the owner's decisions. */
final class ApprovalsRoutes {
    /** The largest threshold: 100 million yuan in fen, or units. */
    static final long MAX = 10_000_000_000L;
    private final ApprovalsService s;

    ApprovalsRoutes(ApprovalsService s) {
        this.s = s;
    }

    Routes declare(Routes routes) {
        return routes
                .on("GET /approval-rules", Set.of(OWNER), r -> Response.ok(Views.rules(s.rules(r.caller().tenantId()))))
                .on("PUT /approval-rules", Set.of(OWNER), this::setRules)
                .on("GET /approvals", Set.of(OWNER, STAFF), this::list)
                .on("GET /approvals/{approvalId}", Set.of(OWNER, STAFF),
                        r -> Response.ok(Views.approval(s.get(r.caller(), r.pathId("approvalId")))))
                .on("POST /approvals/{approvalId}/decision", Set.of(OWNER), this::decide);
    }

    private Response setRules(Request r) {
        Fields f = r.fields("refundAbove", "priceBelowCost", "stockAdjustmentAbove", "couponValueAbove");
        Long refund = f.optionalLong("refundAbove", 0, MAX);
        Boolean price = f.optionalBoolean("priceBelowCost");
        Long stock = f.optionalLong("stockAdjustmentAbove", 0, MAX);
        Long coupon = f.optionalLong("couponValueAbove", 0, MAX);
        f.check();
        return Response.ok(Views.rules(s.setRules(r.caller(), refund, price, stock, coupon)));
    }

    private Response list(Request r) {
        String status = r.query("status");
        if (status != null && !status.isEmpty() && !Approval.STATES.contains(status)) {
            throw ApiException.badRequest("status", "must be one of approved, pending, rejected, used");
        }
        return Response.ok(Views.page(s.list(r.caller(), status == null || status.isEmpty() ? null : status, r.limit(), r.query("cursor"))));
    }

    private Response decide(Request r) {
        String id = r.pathId("approvalId");
        s.get(r.caller(), id); // another tenant's request is 404 whatever the body says
        Fields f = r.fields("decision", "note");
        String decision = f.requiredEnum("decision", Approval.DECISIONS);
        String note = f.optionalString("note", 1, 500);
        f.check();
        return Response.ok(Views.approval(s.decide(r.caller(), id, decision, note == null ? null : note.strip())));
    }
}
