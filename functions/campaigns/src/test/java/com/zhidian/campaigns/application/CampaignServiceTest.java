package com.zhidian.campaigns.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zhidian.campaigns.domain.Campaign;
import com.zhidian.campaigns.domain.CampaignsErrors;
import com.zhidian.campaigns.domain.Delivery;
import com.zhidian.campaigns.domain.DeliveryQueue;
import com.zhidian.campaigns.domain.Segment;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CampaignServiceTest {
    private final Harness h = new Harness();

    private Campaign campaign(Segment s, int holdout, String coupon) {
        return h.campaigns.create(Harness.T, new CampaignService.Draft("春季上新", "全场满100减20", Campaign.IN_APP, s.segmentId(),
                coupon, null, holdout));
    }

    private Delivery delivery(Campaign c, String member) {
        return h.repo.delivery(Harness.T, c.campaignId(), member).orElseThrow();
    }

    @Test
    void send_messagesOnlyMembersWithACurrentGrant_andNamesTheReasonForEveryOther() {
        h.member("granted", true);
        h.member("never", false);
        h.member("withdrawn", true);
        h.audience.setPush("withdrawn", false);
        h.member("erased", true);
        h.audience.erase("erased");
        Campaign c = campaign(h.everyone(), 0, null);

        CampaignService.Preview p = h.campaigns.preview(Harness.T, c.campaignId());
        assertEquals(3, p.matching(), "the erased member matches no segment");
        assertEquals(1, p.messageable());
        assertEquals(1L, p.notMessageable().get(Delivery.NO_GRANT));
        assertEquals(1L, p.notMessageable().get(Delivery.WITHDRAWN));

        h.campaigns.send(Harness.T, c.campaignId());
        assertEquals(3, h.drain());
        assertEquals(Delivery.DELIVERED, delivery(c, "granted").status());
        assertEquals(Delivery.NO_GRANT, delivery(c, "never").reason());
        assertEquals(Delivery.WITHDRAWN, delivery(c, "withdrawn").reason());
        assertEquals(1, h.repo.messages.size());
        assertEquals(Campaign.SENT, h.campaigns.get(Harness.T, c.campaignId()).status());
    }

    @Test
    void consentIsCheckedAtDelivery_aWithdrawalAfterTheSendStopsTheMessage() {
        h.member("m1", true);
        Campaign c = campaign(h.everyone(), 0, null);
        h.campaigns.send(Harness.T, c.campaignId());
        h.audience.setPush("m1", false);
        h.drain();
        assertEquals(Delivery.WITHDRAWN, delivery(c, "m1").reason());
        assertTrue(h.repo.messages.isEmpty());
    }

    @Test
    void aJobTakenTwice_messagesOnce_andAConsumerKilledMidBatchRedeliversWithoutADuplicate() {
        for (int i = 0; i < 5; i++) h.member("m" + i, true);
        Campaign c = campaign(h.everyone(), 0, "tpl1");
        h.campaigns.send(Harness.T, c.campaignId());
        List<DeliveryQueue.Job> batch = List.copyOf(h.queue.jobs);
        // the consumer handles three of five and dies before deleting any: all five come back
        for (int i = 0; i < 3; i++) h.deliveries.handle(batch.get(i));
        assertEquals(3, h.repo.messages.size());
        h.drain();
        assertEquals(5, h.repo.messages.size());
        assertEquals(5, h.coupons.issued.get(), "one coupon per member reached, none twice");
        for (var m : h.repo.messages) assertNotNull(m.couponCode());
    }

    @Test
    void quietHours_deferToTheMorningInTheTenantsZone_notDropped() {
        h.member("m1", true);
        h.clock.set(Instant.parse("2026-03-02T14:30:00Z")); // 22:30 in Shanghai
        Campaign c = campaign(h.everyone(), 0, null);
        h.campaigns.send(Harness.T, c.campaignId());
        h.drain();
        Delivery d = delivery(c, "m1");
        assertEquals(Delivery.DEFERRED, d.status());
        assertEquals(Instant.parse("2026-03-03T00:00:00Z"), d.until(), "08:00 the next morning in Shanghai");
        assertEquals(1, h.queue.jobs.size(), "the job stays queued");
        h.clock.set(Instant.parse("2026-03-03T00:00:01Z"));
        h.drain();
        assertEquals(Delivery.DELIVERED, delivery(c, "m1").status());
        assertEquals(1, h.repo.messages.size());
    }

    @Test
    void frequencyCap_acrossCampaigns_isCheckedAtDelivery_andFreesAfterAWeek() {
        h.member("m1", true);
        Segment s = h.everyone();
        for (int i = 0; i < 3; i++) {
            Campaign c = campaign(s, 0, null);
            h.campaigns.send(Harness.T, c.campaignId());
            h.drain();
            assertEquals(i < 2 ? Delivery.DELIVERED : Delivery.SKIPPED, delivery(c, "m1").status());
            if (i == 2) assertEquals(Delivery.FREQUENCY_CAP, delivery(c, "m1").reason());
        }
        h.clock.advance(Duration.ofDays(7).plusMinutes(1));
        Campaign later = campaign(s, 0, null);
        h.campaigns.send(Harness.T, later.campaignId());
        h.drain();
        assertEquals(Delivery.DELIVERED, delivery(later, "m1").status());
    }

    @Test
    void holdout_keepsAboutItsShareOut_andTheDrawIsStable() {
        for (int i = 0; i < 400; i++) h.member("m" + i, true);
        Campaign c = campaign(h.everyone(), 25, null);
        h.campaigns.send(Harness.T, c.campaignId());
        h.drain();
        Map<String, Long> counts = h.repo.counts(Harness.T, c.campaignId());
        long held = counts.getOrDefault("skipped:holdout", 0L);
        assertTrue(held > 60 && held < 140, "about a quarter held out: " + held);
        assertEquals(400 - held, counts.get("delivered"));
    }

    @Test
    void cancel_stopsJobsStillQueued_andASentOrCancelledCampaignIsNotSentAgain() {
        h.member("m1", true);
        Campaign c = campaign(h.everyone(), 0, null);
        h.campaigns.send(Harness.T, c.campaignId());
        h.campaigns.cancel(Harness.T, c.campaignId());
        h.drain();
        assertEquals(Delivery.CANCELLED, delivery(c, "m1").reason());
        assertThrows(CampaignsErrors.WrongState.class, () -> h.campaigns.send(Harness.T, c.campaignId()));
    }

    @Test
    void unsubscribe_withdrawsOnlyForTheMemberTheLinkWasSignedFor() {
        h.member("m1", true);
        h.member("m2", true);
        Campaign c = campaign(h.everyone(), 0, null);
        h.campaigns.send(Harness.T, c.campaignId());
        h.drain();
        String token = h.repo.messages.stream().filter(m -> m.memberId().equals("m1")).findFirst().orElseThrow().unsubscribeToken();
        assertThrows(CampaignsErrors.BadUnsubscribeLink.class, () -> h.centre.unsubscribe(Harness.T, "m2", token));
        String forged = h.links.token(Harness.T, "m2", c.campaignId()).split("\\.")[0] + "." + token.split("\\.")[1];
        assertThrows(CampaignsErrors.BadUnsubscribeLink.class, () -> h.centre.unsubscribe(Harness.T, "m2", forged));
        assertThrows(CampaignsErrors.BadUnsubscribeLink.class, () -> h.centre.unsubscribe("t2", "m1", token));
        assertTrue(h.audience.member(Harness.T, "m2").orElseThrow().marketingPush());
        h.centre.unsubscribe(Harness.T, "m1", token);
        assertTrue(!h.audience.member(Harness.T, "m1").orElseThrow().marketingPush());
    }

    @Test
    void messageCentre_countsUnread_andMarksRead() {
        h.member("m1", true);
        Campaign c = campaign(h.everyone(), 0, null);
        h.campaigns.send(Harness.T, c.campaignId());
        h.drain();
        assertEquals(1, h.centre.unread(Harness.T, "m1"));
        String id = h.centre.messages(Harness.T, "m1", 20, null).items().get(0).messageId();
        assertNotNull(h.centre.markRead(Harness.T, "m1", id).readAt());
        assertEquals(0, h.centre.unread(Harness.T, "m1"));
        assertThrows(CampaignsErrors.MessageNotFound.class, () -> h.centre.markRead(Harness.T, "m2", id));
    }

    @Test
    void create_refusesAnUnknownSegment_aMissingCouponTemplate_andAPastSendAt() {
        Segment s = h.everyone();
        assertThrows(CampaignsErrors.UnknownSegment.class, () -> h.campaigns.create(Harness.T,
                new CampaignService.Draft("a", "b", Campaign.SMS, "sg_none", null, null, 0)));
        assertThrows(CampaignsErrors.UnknownCouponTemplate.class, () -> h.campaigns.create(Harness.T,
                new CampaignService.Draft("a", "b", Campaign.SMS, s.segmentId(), "missing1", null, 0)));
        assertThrows(CampaignsErrors.SendAtPast.class, () -> h.campaigns.create(Harness.T,
                new CampaignService.Draft("a", "b", Campaign.SMS, s.segmentId(), null, Harness.MORNING.minusSeconds(1), 0)));
    }

    @Test
    void aScheduledCampaign_isSentByTheScheduleJobOnceItsTimeHasCome() {
        h.member("m1", true);
        Campaign c = h.campaigns.create(Harness.T, new CampaignService.Draft("明早特惠", "b", Campaign.IN_APP, h.everyone().segmentId(),
                null, Harness.MORNING.plus(Duration.ofHours(2)), 0));
        assertEquals(Campaign.SCHEDULED, c.status());
        assertEquals(0, h.campaigns.sendDue(10), "not yet");
        h.clock.advance(Duration.ofHours(2));
        assertEquals(1, h.campaigns.sendDue(10));
        h.drain();
        assertEquals(Delivery.DELIVERED, delivery(c, "m1").status());
        assertEquals(0, h.campaigns.sendDue(10), "sent once");
    }
}
