package com.zhidian.campaigns.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zhidian.campaigns.domain.Campaign;
import com.zhidian.campaigns.domain.Delivery;
import com.zhidian.campaigns.domain.Message;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CampaignResultsTest {
    private final Harness h = new Harness();

    private Campaign sent(int members, int holdout, String coupon) {
        for (int i = 0; i < members; i++) h.member("m" + i, true);
        Campaign c = h.campaigns.create(Harness.T, new CampaignService.Draft("周末特惠", "满100减20", Campaign.IN_APP,
                h.everyone().segmentId(), coupon, null, holdout));
        h.campaigns.send(Harness.T, c.campaignId());
        h.drain();
        return c;
    }

    @Test
    void counts_deliveredReadUnsubscribedAndCoupons() {
        Campaign c = sent(3, 0, "ct_1");
        Message first = h.repo.messages.get(0);
        Message second = h.repo.messages.get(1);
        h.centre.markRead(Harness.T, first.memberId(), first.messageId());
        h.centre.markRead(Harness.T, first.memberId(), first.messageId());
        h.centre.unsubscribe(Harness.T, second.memberId(), second.unsubscribeToken());
        h.coupons.used.add(first.couponCode());

        CampaignResults.Results r = h.results.of(Harness.T, c.campaignId(), 7);
        assertEquals(3, r.delivered());
        assertEquals(1, r.read(), "reading twice counts once");
        assertEquals(1, r.unsubscribed());
        assertEquals(3, r.couponsIssued());
        assertEquals(1, r.couponsRedeemed());
        assertFalse(r.uplift().enough(), "no holdout: not enough to tell");
        assertNull(r.uplift().spendPerMember());
        assertFalse(r.complete());
        h.clock.advance(Duration.ofDays(8));
        assertTrue(h.results.of(Harness.T, c.campaignId(), 7).complete());
    }

    @Test
    void purchasesInTheWindowAfterDelivery_countForTheirGroup_laterOnesDoNot() {
        Campaign c = sent(200, 50, null);
        List<Delivery> all = h.repo.deliveries.values().stream().filter(d -> d.campaignId().equals(c.campaignId())).toList();
        long treated = all.stream().filter(d -> Delivery.DELIVERED.equals(d.status())).count();
        long held = all.stream().filter(d -> Delivery.HOLDOUT.equals(d.reason())).count();
        assertTrue(treated >= 30 && held >= 30, "the draw gives both groups enough: " + treated + "/" + held);
        int n = 0;
        for (Delivery d : all) {
            if (!Delivery.DELIVERED.equals(d.status())) continue;
            h.profiles.onOrderPaid(Harness.T, d.memberId(), "o" + n++, d.at().plus(Duration.ofDays(2)), 5_000, List.of(), List.of());
        }
        Delivery someHeld = all.stream().filter(d -> Delivery.HOLDOUT.equals(d.reason())).findFirst().orElseThrow();
        h.profiles.onOrderPaid(Harness.T, someHeld.memberId(), "late", someHeld.at().plus(Duration.ofDays(9)), 9_000, List.of(), List.of());
        h.profiles.onOrderPaid(Harness.T, someHeld.memberId(), "before", someHeld.at().minus(Duration.ofDays(1)), 9_000, List.of(), List.of());

        CampaignResults.Results r = h.results.of(Harness.T, c.campaignId(), 7);
        assertEquals(treated, r.uplift().treated().buyers());
        assertEquals(treated * 5_000, r.uplift().treated().spend());
        assertEquals(0, r.uplift().holdout().buyers(), "an order before delivery or after the window is not counted");
        assertTrue(r.uplift().enough());
        assertEquals(5_000, r.uplift().spendPerMember().value(), 1e-9);
        assertTrue(r.uplift().spendPerMember().low() > 0, "every reached member bought, no held one did: the interval excludes 0");

        h.profiles.onOrderRefunded(Harness.T, all.stream().filter(d -> Delivery.DELIVERED.equals(d.status())).findFirst()
                .orElseThrow().memberId(), "o0", 5_000);
        CampaignResults.Results after = h.results.of(Harness.T, c.campaignId(), 7);
        assertEquals(treated - 1, after.uplift().treated().buyers(), "a wholly refunded order is no purchase");
        assertEquals((treated - 1) * 5_000, after.uplift().treated().spend());
    }
}
