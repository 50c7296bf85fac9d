package com.zhidian.merchants.domain;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants of the published credit rule. */
class CreditRatingProperties {
    static final Instant NOW = Instant.parse("2026-12-04T00:00:00Z");

    @Provide
    Arbitrary<CreditRating.Fact> facts() {
        Arbitrary<String> outcome = Arbitraries.of("upheld", "partly", "rejected", "withdrawn", "open");
        Arbitrary<Integer> receivedDaysAgo = Arbitraries.integers().between(0, 800);
        Arbitrary<Integer> daysToClose = Arbitraries.integers().between(0, 60);
        Arbitrary<Boolean> late = Arbitraries.of(true, false);
        return Combinators.combine(outcome, receivedDaysAgo, daysToClose, late).as((o, ago, close, l) -> {
            Instant received = NOW.minus(Duration.ofDays(ago));
            Instant closed = "open".equals(o) ? null : received.plus(Duration.ofDays(close));
            return new CreditRating.Fact("open".equals(o) ? null : o, received, closed, l);
        });
    }

    @Property
    void anExtraUpheldComplaint_neverRaisesTheScore(@ForAll("lists") List<CreditRating.Fact> facts, @ForAll("facts") CreditRating.Fact any) {
        CreditRating.Fact upheld = new CreditRating.Fact("upheld", any.receivedAt(),
                any.closedAt() == null ? any.receivedAt() : any.closedAt(), any.late());
        List<CreditRating.Fact> more = new ArrayList<>(facts);
        more.add(upheld);
        int before = CreditRating.of(facts, NOW).score();
        int after = CreditRating.of(more, NOW).score();
        assertTrue(after <= before, before + " → " + after + " with " + upheld);
    }

    @Property
    void upholdingAComplaintInsteadOfRejectingIt_neverRaisesTheScore(@ForAll("lists") List<CreditRating.Fact> facts, @ForAll("facts") CreditRating.Fact any) {
        Instant closed = any.closedAt() == null ? any.receivedAt() : any.closedAt();
        List<CreditRating.Fact> rejected = new ArrayList<>(facts);
        rejected.add(new CreditRating.Fact("rejected", any.receivedAt(), closed, any.late()));
        List<CreditRating.Fact> upheld = new ArrayList<>(facts);
        upheld.add(new CreditRating.Fact("upheld", any.receivedAt(), closed, any.late()));
        assertTrue(CreditRating.of(upheld, NOW).score() <= CreditRating.of(rejected, NOW).score());
    }

    @Property
    void theScoreIsWithinZeroAndAHundred_andTheGradeFollowsIt(@ForAll("lists") List<CreditRating.Fact> facts) {
        CreditRating.Rating r = CreditRating.of(facts, NOW);
        assertTrue(r.score() >= 0 && r.score() <= 100);
        assertTrue(r.grade().equals(CreditRating.grade(r.score())));
    }

    @Provide
    Arbitrary<List<CreditRating.Fact>> lists() {
        return facts().list().ofMaxSize(30);
    }
}
