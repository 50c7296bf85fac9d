package com.zhidian.approvals.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.zhidian.approvals.domain.Approval;
import com.zhidian.approvals.domain.ApprovalsErrors;
import com.zhidian.approvals.domain.Ask;
import com.zhidian.core.auth.Caller;
import com.zhidian.core.auth.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ApprovalsServiceTest {
    static final Caller OWNER = new Caller("o-sub", "owner", Role.OWNER, "t1", Set.of(), null);
    static final Caller STAFF = new Caller("s-sub", "staff", Role.STAFF, "t1", Set.of("st1"), null);
    final InMemoryApprovals repo = new InMemoryApprovals();
    final ApprovalsService s = new ApprovalsService(repo, Clock.fixed(Instant.parse("2026-12-04T10:00:00Z"), ZoneOffset.UTC));
    final AtomicInteger done = new AtomicInteger();

    static Attempt attempt(Caller c, String body, String approvalId, String requestId) {
        return new Attempt(c, "POST /orders/{orderId}/refunds", "/orders/o1/refunds", body, approvalId, requestId);
    }

    String refund(Caller c, String body, String approvalId, String requestId) {
        return s.guard(attempt(c, body, approvalId, requestId), Ask.refund("st1", "o1", 20_000), () -> "refunded#" + done.incrementAndGet());
    }

    @Test
    void staffAboveTheRule_isSentForApproval_andCompletesOnceApproved() {
        s.setRules(OWNER, 10_000L, null, null, null);
        var required = assertThrows(ApprovalsErrors.ApprovalRequired.class, () -> refund(STAFF, "{\"reason\":\"破损\"}", null, "r1"));
        String id = required.approvalId();
        var again = assertThrows(ApprovalsErrors.ApprovalRequired.class, () -> refund(STAFF, "{ \"reason\": \"破损\" }", null, "r2"));
        assertEquals(id, again.approvalId(), "the same request again names the same pending approval");
        assertThrows(ApprovalsErrors.ApprovalRequired.class, () -> refund(STAFF, "{\"reason\":\"破损\"}", id, "r3"), "not approved yet");
        s.decide(OWNER, id, Approval.APPROVE, "可以");
        var wrong = assertThrows(ApprovalsErrors.ApprovalRequired.class, () -> refund(STAFF, "{\"reason\":\"其他\"}", id, "r4"));
        assertNotEquals(id, wrong.approvalId(), "another body is another request");
        assertEquals("refunded#1", refund(STAFF, "{\"reason\":\"破损\"}", id, "r5"));
        assertEquals(Approval.USED, s.get(OWNER, id).status());
        var reuse = assertThrows(ApprovalsErrors.ApprovalRequired.class, () -> refund(STAFF, "{\"reason\":\"破损\"}", id, "r6"));
        assertNotEquals(id, reuse.approvalId());
        assertEquals(1, done.get());
        assertEquals(1, repo.audits);
    }

    @Test
    void owner_andActionsBelowTheRule_pass() {
        s.setRules(OWNER, 10_000L, null, null, null);
        assertEquals("refunded#1", refund(OWNER, "{}", null, "r1"));
        assertEquals("ok", s.guard(attempt(STAFF, "{}", null, "r2"), Ask.refund("st1", "o1", 10_000), () -> "ok"));
    }

    @Test
    void aFailedAction_givesItsApprovalBack() {
        s.setRules(OWNER, 10_000L, null, null, null);
        String id = assertThrows(ApprovalsErrors.ApprovalRequired.class, () -> refund(STAFF, "{}", null, "r1")).approvalId();
        s.decide(OWNER, id, Approval.APPROVE, null);
        assertThrows(IllegalStateException.class, () -> s.guard(attempt(STAFF, "{}", id, "r2"), Ask.refund("st1", "o1", 20_000),
                () -> { throw new IllegalStateException("refused by orders"); }));
        assertEquals(Approval.APPROVED, s.get(OWNER, id).status());
        assertEquals("refunded#1", refund(STAFF, "{}", id, "r3"));
    }

    @Test
    void aDecision_isTakenOnce_andStaffSeeOnlyTheirOwn() {
        s.setRules(OWNER, 10_000L, null, null, null);
        String id = assertThrows(ApprovalsErrors.ApprovalRequired.class, () -> refund(STAFF, "{}", null, "r1")).approvalId();
        Approval rejected = s.decide(OWNER, id, Approval.REJECT, "金额太大");
        assertEquals("owner", rejected.decidedBy());
        assertThrows(ApprovalsErrors.AlreadyDecided.class, () -> s.decide(OWNER, id, Approval.APPROVE, null));
        Caller other = new Caller("x-sub", "other", Role.STAFF, "t1", Set.of("st1"), null);
        assertThrows(ApprovalsErrors.ApprovalNotFound.class, () -> s.get(other, id));
        Caller foreign = new Caller("o2", "owner2", Role.OWNER, "t2", Set.of(), null);
        assertThrows(ApprovalsErrors.ApprovalNotFound.class, () -> s.get(foreign, id));
        assertEquals(1, s.list(STAFF, null, 10, null).items().size());
        assertEquals(0, s.list(other, null, 10, null).items().size());
    }
}
