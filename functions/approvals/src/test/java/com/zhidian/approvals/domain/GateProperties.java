package com.zhidian.approvals.domain;

import com.zhidian.approvals.application.ApprovalsServiceProbe;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import java.time.Instant;
import java.util.List;

/** Invariants of the gate: an owner is never gated, and an approval lets at most one action through. */
class GateProperties {

    @Property
    void anOwner_isNeverGated(@ForAll("rules") ApprovalRules rules, @ForAll("asks") Ask ask) {
        if (GateRule.decide(true, rules, ask, "owner", null) != GateRule.Verdict.PASS) throw new AssertionError("owner gated");
    }

    @Property
    void nothingIsCaught_withoutARule(@ForAll("asks") Ask ask) {
        if (GateRule.decide(false, ApprovalRules.NONE, ask, "s", null) != GateRule.Verdict.PASS) throw new AssertionError();
    }

    /** Any sequence of attempts (same or other bodies, with or without the header, repeated request ids) does one action at most. */
    @Property(tries = 200)
    void anApproval_isConsumedAtMostOnce(@ForAll @Size(min = 1, max = 12) List<@LongRange(min = 0, max = 5) Long> steps) {
        ApprovalsServiceProbe probe = new ApprovalsServiceProbe();
        String id = probe.approvedRequest();
        for (long step : steps) probe.attempt(step, id);
        if (probe.actionsDoneWith(id) > 1) throw new AssertionError("approval used " + probe.actionsDoneWith(id) + " times");
    }

    @Provide
    Arbitrary<ApprovalRules> rules() {
        Arbitrary<Long> t = Arbitraries.longs().between(0, 1_000_000).injectNull(0.3);
        Arbitrary<Boolean> b = Arbitraries.of(true, false).injectNull(0.3);
        return net.jqwik.api.Combinators.combine(t, b, t, t).as((r, p, s, c) -> new ApprovalRules(r, p, s, c, "o", Instant.EPOCH));
    }

    @Provide
    Arbitrary<Ask> asks() {
        Arbitrary<Long> amount = Arbitraries.longs().between(-2_000_000, 2_000_000);
        Arbitrary<Long> cost = Arbitraries.longs().between(0, 1_000_000).injectNull(0.2);
        Arbitrary<String> kind = Arbitraries.of(List.copyOf(Kind.ALL));
        return net.jqwik.api.Combinators.combine(kind, amount, cost)
                .as((k, a, c) -> new Ask(k, "st", "subject", Kind.STOCK_ADJUSTMENT.equals(k) ? a : Math.abs(a), c, "h"));
    }
}
