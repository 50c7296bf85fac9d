package com.zhidian.approvals.domain;

import java.time.Instant;
import java.util.Set;

/**
 * One approval request: what is asked ({@code kind}, {@code storeId}, {@code subject}, {@code amount} against
 * {@code threshold}), the exact request that asked ({@code method}, {@code path}, {@code body}, {@code bodyHash}),
 * who asked and when, and its decision (who, when, note) and use (when, by which request).
 */
public record Approval(String approvalId, String kind, String storeId, String subject, long amount, long threshold,
                       String bodyHash, String method, String path, String body,
                       String requesterSub, String requester, Instant requestedAt, String status,
                       String decidedBy, Instant decidedAt, String note, Instant usedAt, String usedRequestId) {

    public static final String PENDING = "pending";
    public static final String APPROVED = "approved";
    public static final String REJECTED = "rejected";
    public static final String USED = "used";
    public static final Set<String> STATES = Set.of(PENDING, APPROVED, REJECTED, USED);

    public static final String APPROVE = "approve";
    public static final String REJECT = "reject";
    public static final Set<String> DECISIONS = Set.of(APPROVE, REJECT);

    public Approval decided(String decision, String by, Instant at, String note) {
        return new Approval(approvalId, kind, storeId, subject, amount, threshold, bodyHash, method, path, body, requesterSub,
                requester, requestedAt, APPROVE.equals(decision) ? APPROVED : REJECTED, by, at, note, null, null);
    }

    public Approval used(Instant at, String requestId) {
        return new Approval(approvalId, kind, storeId, subject, amount, threshold, bodyHash, method, path, body, requesterSub,
                requester, requestedAt, USED, decidedBy, decidedAt, note, at, requestId);
    }

    /** Whether this approval is for exactly {@code ask} by {@code requesterSub}: same kind, store, subject, amount and body. */
    public boolean covers(Ask ask, String sub) {
        return kind.equals(ask.kind()) && java.util.Objects.equals(storeId, ask.storeId()) && subject.equals(ask.subject())
                && amount == ask.amount() && bodyHash.equals(ask.bodyHash()) && requesterSub.equals(sub);
    }
}
