package com.zhidian.approvals.application;

import com.zhidian.approvals.domain.Approval;
import com.zhidian.approvals.domain.ApprovalRepository;
import com.zhidian.approvals.domain.ApprovalRules;
import com.zhidian.core.paging.Page;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The repository in memory, with the same conditions as the DynamoDB adapter (synchronized: one write at a time). */
final class InMemoryApprovals implements ApprovalRepository {
    final Map<String, ApprovalRules> rules = new HashMap<>();
    final Map<String, Approval> requests = new HashMap<>();
    final Map<String, String> asks = new HashMap<>();
    int audits;

    @Override public synchronized ApprovalRules rules(String t) { return rules.getOrDefault(t, ApprovalRules.NONE); }

    @Override public synchronized void saveRules(String t, ApprovalRules r) { rules.put(t, r); }

    @Override public synchronized Approval find(String t, String id) { return requests.get(t + "/" + id); }

    @Override public synchronized String openAsk(String t, String k) { return asks.get(t + "/" + k); }

    @Override
    public synchronized boolean create(String t, Approval a, String k) {
        if (asks.containsKey(t + "/" + k) || requests.containsKey(t + "/" + a.approvalId())) return false;
        requests.put(t + "/" + a.approvalId(), a);
        asks.put(t + "/" + k, a.approvalId());
        return true;
    }

    @Override
    public synchronized boolean decide(String t, Approval after, String k) {
        Approval now = find(t, after.approvalId());
        if (now == null || !Approval.PENDING.equals(now.status())) return false;
        requests.put(t + "/" + after.approvalId(), after);
        if (Approval.REJECTED.equals(after.status())) asks.remove(t + "/" + k);
        return true;
    }

    @Override
    public synchronized boolean consume(String t, Approval a, String k, String requestId, Instant at, String routeKey) {
        Approval now = find(t, a.approvalId());
        boolean ok = Approval.APPROVED.equals(now.status())
                || (Approval.USED.equals(now.status()) && Objects.equals(now.usedRequestId(), requestId));
        if (!ok) return false;
        requests.put(t + "/" + a.approvalId(), a.used(at, requestId));
        asks.remove(t + "/" + k);
        audits++;
        return true;
    }

    @Override
    public synchronized void release(String t, Approval a, String k, String requestId) {
        Approval now = find(t, a.approvalId());
        if (!Approval.USED.equals(now.status()) || !requestId.equals(now.usedRequestId())) return;
        requests.put(t + "/" + a.approvalId(), a);
        asks.put(t + "/" + k, a.approvalId());
    }

    @Override
    public synchronized Page<Approval> list(String t, String status, String sub, int limit, String cursor) {
        List<Approval> out = new ArrayList<>();
        requests.forEach((k, a) -> {
            if (k.startsWith(t + "/") && (status == null || status.equals(a.status())) && (sub == null || sub.equals(a.requesterSub()))) out.add(a);
        });
        out.sort(Comparator.comparing(Approval::approvalId).reversed());
        return new Page<>(out.subList(0, Math.min(limit, out.size())), null);
    }
}
