package com.zhidian.merchants.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ComplaintRulesTest {
    static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    static final Counter COUNTER = new Counter("ctr_1", "st_1", "mer_1", "3F", "东区 3-12", T0.toString());

    static Complaint received() {
        return ComplaintRules.receive("cmp_1", COUNTER, "鞋子开胶", T0.minusSeconds(3600).toString(), null, "13800138000", T0);
    }

    @Test
    void theFullPath_keepsEveryStepWithWhoAndWhen() {
        Complaint c = received();
        assertEquals(T0.plus(Duration.ofDays(3)).toString(), c.answerBy());
        c = ComplaintRules.apply(c, "answer", null, "同意换货", "staff@a", T0.plusSeconds(60));
        c = ComplaintRules.apply(c, "mediate", null, "约顾客到店", "staff@a", T0.plusSeconds(120));
        c = ComplaintRules.apply(c, "close", "upheld", "已换货", "owner@a", T0.plusSeconds(180));
        assertEquals("closed", c.status());
        assertEquals("upheld", c.outcome());
        assertEquals(4, c.steps().size());
        assertEquals("customer", c.steps().get(0).by());
        assertEquals("staff@a", c.steps().get(1).by());
        assertEquals("owner@a", c.steps().get(3).by());
        assertEquals(T0.plusSeconds(180).toString(), c.steps().get(3).at());
        assertFalse(c.late());
        assertEquals(3, c.version());
    }

    @Test
    void stepsOutOfOrder_areRefused() {
        Complaint c = received();
        assertThrows(MerchantsErrors.IllegalStep.class, () -> ComplaintRules.apply(received(), "mediate", null, null, "s", T0));
        assertThrows(MerchantsErrors.IllegalStep.class, () -> ComplaintRules.apply(received(), "close", "upheld", null, "s", T0));
        Complaint answered = ComplaintRules.apply(c, "answer", null, "x", "s", T0);
        assertThrows(MerchantsErrors.IllegalStep.class, () -> ComplaintRules.apply(answered, "answer", null, "x", "s", T0));
        Complaint closed = ComplaintRules.apply(answered, "close", "withdrawn", null, "s", T0);
        for (String a : new String[] {"answer", "mediate"}) {
            assertThrows(MerchantsErrors.IllegalStep.class, () -> ComplaintRules.apply(closed, a, null, null, "s", T0));
        }
        assertThrows(MerchantsErrors.IllegalStep.class, () -> ComplaintRules.apply(closed, "close", "withdrawn", null, "s", T0));
    }

    @Test
    void aWithdrawal_closesFromAnyOpenState() {
        assertEquals("withdrawn", ComplaintRules.apply(received(), "close", "withdrawn", null, "s", T0).outcome());
    }

    @Test
    void anAnswerAfterTheDeadline_isLate_andTheJobFlagsAnUnansweredOneOnce() {
        Instant after = T0.plus(Duration.ofDays(3)).plusSeconds(1);
        assertTrue(ComplaintRules.apply(received(), "answer", null, "x", "s", after).late());
        assertFalse(ComplaintRules.apply(received(), "answer", null, "x", "s", T0.plus(Duration.ofDays(3))).late());
        assertFalse(ComplaintRules.overdue(received(), T0.plus(Duration.ofDays(3))));
        assertTrue(ComplaintRules.overdue(received(), after));
        Complaint flagged = ComplaintRules.flagLate(received(), after);
        assertTrue(flagged.late());
        assertEquals("deadline_missed", flagged.steps().get(1).action());
        assertEquals("system", flagged.steps().get(1).by());
        assertFalse(ComplaintRules.overdue(flagged, after.plusSeconds(3600)), "flagged once");
    }
}
