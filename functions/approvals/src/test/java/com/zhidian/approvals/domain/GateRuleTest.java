package com.zhidian.approvals.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class GateRuleTest {
    static final ApprovalRules RULES = new ApprovalRules(10_000L, true, 50L, 2_000L, "owner", Instant.EPOCH);

    static Approval approved(Ask ask, String sub, String status) {
        return new Approval("ap_1", ask.kind(), ask.storeId(), ask.subject(), ask.amount(), 0, ask.bodyHash(), "POST", "/x", "{}",
                sub, "staff", Instant.EPOCH, status, "owner", Instant.EPOCH, null, null, null);
    }

    @Test
    void eachRule_catchesOnlyWhatIsOverItsThreshold() {
        assertNull(GateRule.threshold(RULES, Ask.refund("st", "o1", 10_000)));
        assertEquals(10_000L, GateRule.threshold(RULES, Ask.refund("st", "o1", 10_001)));
        assertNull(GateRule.threshold(RULES, Ask.price("st", "g", 300, 300L)));
        assertEquals(300L, GateRule.threshold(RULES, Ask.price("st", "g", 299, 300L)));
        assertNull(GateRule.threshold(RULES, Ask.price("st", "g", 1, null)), "no receipt cost yet: nothing to be below");
        assertNull(GateRule.threshold(RULES, Ask.stockAdjustment("st", "g", -50)));
        assertEquals(50L, GateRule.threshold(RULES, Ask.stockAdjustment("st", "g", -51)));
        assertEquals(50L, GateRule.threshold(RULES, Ask.stockAdjustment("st", "g", 51)));
        assertNull(GateRule.threshold(RULES, Ask.couponTemplate("满减", 2_000)));
        assertEquals(2_000L, GateRule.threshold(RULES, Ask.couponTemplate("满减", 2_001)));
        assertEquals(2_000L, GateRule.threshold(RULES, Ask.couponTemplate("赠品", Ask.UNKNOWN)), "a gift's value is unknown: asked");
    }

    @Test
    void absentRules_catchNothing() {
        assertNull(GateRule.threshold(ApprovalRules.NONE, Ask.refund("st", "o1", Long.MAX_VALUE)));
        assertNull(GateRule.threshold(ApprovalRules.NONE, Ask.price("st", "g", 0, 100L)));
        assertNull(GateRule.threshold(ApprovalRules.NONE, Ask.stockAdjustment("st", "g", -1_000_000)));
        assertNull(GateRule.threshold(ApprovalRules.NONE, Ask.couponTemplate("x", Ask.UNKNOWN)));
    }

    @Test
    void verdicts() {
        Ask ask = Ask.refund("st", "o1", 20_000).withBodyHash("h");
        assertEquals(GateRule.Verdict.PASS, GateRule.decide(true, RULES, ask, "sub", null));
        assertEquals(GateRule.Verdict.REQUIRE, GateRule.decide(false, RULES, ask, "sub", null));
        assertEquals(GateRule.Verdict.CONSUME, GateRule.decide(false, RULES, ask, "sub", approved(ask, "sub", Approval.APPROVED)));
        assertEquals(GateRule.Verdict.REQUIRE, GateRule.decide(false, RULES, ask, "sub", approved(ask, "sub", Approval.USED)));
        assertEquals(GateRule.Verdict.REQUIRE, GateRule.decide(false, RULES, ask, "sub", approved(ask, "sub", Approval.PENDING)));
        assertEquals(GateRule.Verdict.REQUIRE, GateRule.decide(false, RULES, ask, "other", approved(ask, "sub", Approval.APPROVED)));
        assertEquals(GateRule.Verdict.REQUIRE, GateRule.decide(false, RULES, ask.withBodyHash("h2"), "sub", approved(ask, "sub", Approval.APPROVED)));
        assertEquals(GateRule.Verdict.PASS, GateRule.decide(false, RULES, Ask.refund("st", "o1", 5).withBodyHash("h"), "sub", null));
    }
}
