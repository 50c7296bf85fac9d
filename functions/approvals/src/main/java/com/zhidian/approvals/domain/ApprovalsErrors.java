package com.zhidian.approvals.domain;

import com.zhidian.core.errors.DomainException;
import java.util.HashMap;
import java.util.Map;

/** The approvals context's refusals (codes and facts; the api package's table gives them status and words). */
public final class ApprovalsErrors {
    private ApprovalsErrors() {}

    /** A gated action a rule caught: sent for the owner's approval ({@code approvalId}, its {@code approvalStatus}). */
    public static final class ApprovalRequired extends DomainException {
        public ApprovalRequired(Approval a) {
            super("approval.required", facts(a));
        }

        private static Map<String, Object> facts(Approval a) {
            Map<String, Object> m = new HashMap<>();
            m.put("approvalId", a.approvalId());
            m.put("approvalStatus", a.status());
            m.put("kind", a.kind());
            m.put("subject", a.subject());
            m.put("amount", a.amount());
            m.put("threshold", a.threshold());
            return m;
        }

        public String approvalId() { return (String) facts().get("approvalId"); }
    }

    public static final class ApprovalNotFound extends DomainException {
        public ApprovalNotFound(String approvalId) { super("approval.not_found", Map.of("approvalId", approvalId)); }
    }

    /** A decision on a request that is no longer pending. */
    public static final class AlreadyDecided extends DomainException {
        public AlreadyDecided(String approvalId, String status) {
            super("approval.already_decided", Map.of("approvalId", approvalId, "status", status));
        }
    }
}
