package com.zhidian.campaigns.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zhidian.campaigns.domain.Campaign;
import com.zhidian.campaigns.domain.DeliveryQueue;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An SMS campaign through its channel's sender: once per member, finished by a retry when the provider failed, never twice. */
class ChannelDispatchTest {
    private final Harness h = new Harness();

    private List<DeliveryQueue.Job> smsTo(String... members) {
        for (String m : members) h.member(m, true);
        Campaign c = h.campaigns.create(Harness.T, new CampaignService.Draft("周末特惠", "全场饮料第二件半价", Campaign.SMS,
                h.everyone().segmentId(), null, null, 0));
        h.campaigns.send(Harness.T, c.campaignId());
        List<DeliveryQueue.Job> jobs = List.copyOf(h.queue.jobs);
        h.queue.jobs.clear();
        return jobs;
    }

    @Test
    void eachMemberGetsOneText_withTheSignedUnsubscribe_andARetriedJobSendsNothingTwice() {
        List<DeliveryQueue.Job> jobs = smsTo("m1", "m2");
        for (DeliveryQueue.Job j : jobs) h.deliveries.handle(j);
        assertEquals(2, h.smsSent.size());
        assertEquals("周末特惠", h.smsSent.get(0).title());
        assertEquals("m1", h.links.verify(h.smsSent.get(0).unsubscribeToken()).memberId(), "the text carries the member's own signed link");
        for (DeliveryQueue.Job j : jobs) h.deliveries.handle(j);
        assertEquals(2, h.smsSent.size(), "a job taken again sends nothing twice");
        assertEquals("sns", h.repo.dispatched.get(h.smsSent.get(0).messageId()));
    }

    @Test
    void whenTheProviderFails_theJobFailsAndItsRetrySendsTheTextOnce() {
        List<DeliveryQueue.Job> jobs = smsTo("m1");
        h.failNext.set(1);
        assertThrows(IllegalStateException.class, () -> h.deliveries.handle(jobs.get(0)), "the job returns to the queue");
        assertEquals(0, h.smsSent.size());
        assertEquals(1, h.repo.messages.size(), "the delivery was recorded before the provider was called");
        h.deliveries.handle(jobs.get(0));
        assertEquals(1, h.smsSent.size(), "the retry finishes it");
        h.deliveries.handle(jobs.get(0));
        assertEquals(1, h.smsSent.size());
    }

    @Test
    void aMemberWithoutAPhoneIsUnreachable_finally_notRetriedForever() {
        List<DeliveryQueue.Job> jobs = smsTo("m1");
        h.audience.erase("m1");
        // erased after the send: skipped at delivery, so nothing is sent at all
        h.deliveries.handle(jobs.get(0));
        assertTrue(h.smsSent.isEmpty());
        assertTrue(h.repo.dispatched.isEmpty());
    }
}
