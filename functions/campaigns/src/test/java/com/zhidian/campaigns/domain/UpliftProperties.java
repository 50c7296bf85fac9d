package com.zhidian.campaigns.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class UpliftProperties {
    private static List<Uplift.Purchases> group(int n, int buyers, long spend) {
        List<Uplift.Purchases> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(i < buyers ? new Uplift.Purchases(1, spend + i) : new Uplift.Purchases(0, 0));
        return out;
    }

    @Property
    void intervalsAreOrdered_holdThePointForSpend_andStayWithinPlusMinusOneForShares(
            @ForAll @IntRange(min = 30, max = 400) int nt, @ForAll @IntRange(min = 0, max = 400) int bt,
            @ForAll @IntRange(min = 30, max = 400) int nh, @ForAll @IntRange(min = 0, max = 400) int bh,
            @ForAll @IntRange(min = 1, max = 100_000) int spend) {
        Uplift.Result r = Uplift.compare(group(nt, Math.min(bt, nt), spend), group(nh, Math.min(bh, nh), spend));
        assertTrue(r.enough());
        Uplift.Estimate share = r.buyerShare();
        assertTrue(-1 <= share.low() && share.low() < share.high() && share.high() <= 1, share.toString());
        assertTrue(share.high() - share.low() > 0, "never a zero-width interval, even with no buyers");
        Uplift.Estimate s = r.spendPerMember();
        assertTrue(s.low() <= s.value() && s.value() <= s.high(), s.toString());
        assertEquals(r.treated().spendPerMember() - r.holdout().spendPerMember(), s.value(), 1e-6);
    }

    @Property
    void belowTheMinimumGroup_noNumbersAtAll(@ForAll @IntRange(min = 0, max = 29) int small,
                                             @ForAll @IntRange(min = 0, max = 500) int other, @ForAll boolean holdoutSmall) {
        Uplift.Result r = holdoutSmall ? Uplift.compare(group(other, other / 2, 100), group(small, small / 2, 100))
                : Uplift.compare(group(small, small / 2, 100), group(other, other / 2, 100));
        assertFalse(r.enough());
        assertNull(r.buyerShare());
        assertNull(r.spendPerMember());
    }

    /** With no real difference, the 95% interval of the share holds 0 in about 95% of random experiments. */
    @Test
    void theShareIntervalCoversZeroAboutNineteenTimesInTwenty_whenThereIsNoEffect() {
        Random rnd = new Random(42);
        int covered = 0, runs = 2_000;
        for (int run = 0; run < runs; run++) {
            List<Uplift.Purchases> t = new ArrayList<>(), h = new ArrayList<>();
            for (int i = 0; i < 200; i++) t.add(rnd.nextDouble() < 0.2 ? new Uplift.Purchases(1, 1000) : new Uplift.Purchases(0, 0));
            for (int i = 0; i < 60; i++) h.add(rnd.nextDouble() < 0.2 ? new Uplift.Purchases(1, 1000) : new Uplift.Purchases(0, 0));
            if (Uplift.compare(t, h).buyerShare().contains(0)) covered++;
        }
        double rate = (double) covered / runs;
        assertTrue(rate > 0.92 && rate < 0.98, "coverage " + rate);
    }
}
