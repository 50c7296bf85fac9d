package com.zhidian.approvals.api;

import com.zhidian.approvals.domain.Approval;
import com.zhidian.approvals.domain.ApprovalRules;
import com.zhidian.approvals.domain.Ask;
import com.zhidian.core.paging.Page;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON shapes of the approvals context's answers. */
final class Views {
    private Views() {}

    static Map<String, Object> rules(ApprovalRules r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("refundAbove", r.refundAbove());
        m.put("priceBelowCost", r.priceRuleOn());
        m.put("stockAdjustmentAbove", r.stockAdjustmentAbove());
        m.put("couponValueAbove", r.couponValueAbove());
        m.put("updatedBy", r.updatedBy());
        m.put("updatedAt", str(r.updatedAt()));
        return m;
    }

    static Map<String, Object> approval(Approval a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("approvalId", a.approvalId());
        m.put("kind", a.kind());
        m.put("status", a.status());
        m.put("storeId", a.storeId());
        m.put("subject", a.subject());
        m.put("amount", a.amount() == Ask.UNKNOWN ? null : a.amount());
        m.put("threshold", a.threshold());
        m.put("requester", a.requester());
        m.put("requestedAt", str(a.requestedAt()));
        m.put("decidedBy", a.decidedBy());
        m.put("decidedAt", str(a.decidedAt()));
        m.put("note", a.note());
        m.put("usedAt", str(a.usedAt()));
        Map<String, Object> req = new LinkedHashMap<>();
        req.put("method", a.method());
        req.put("path", a.path());
        req.put("body", a.body());
        m.put("request", req);
        return m;
    }

    static Map<String, Object> page(Page<Approval> p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("items", p.items().stream().map(Views::approval).toList());
        m.put("nextCursor", p.nextCursor());
        return m;
    }

    private static String str(Instant t) {
        return t == null ? null : t.toString();
    }
}
