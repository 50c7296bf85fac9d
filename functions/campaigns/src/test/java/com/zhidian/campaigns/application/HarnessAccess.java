package com.zhidian.campaigns.application;

import com.zhidian.campaigns.domain.Campaign;
import com.zhidian.campaigns.domain.DeliveryQueue;
import com.zhidian.campaigns.fakes.MutableClock;
import java.util.List;

/** The application harness for tests of other packages (the consumer bean). */
public final class HarnessAccess {
    private final Harness h = new Harness();

    public DeliveryService deliveries() { return h.deliveries; }

    public MutableClock clock() { return h.clock; }

    public int messages() { return h.repo.messages.size(); }

    /** Members m0..m(n-1) with a marketing_push grant, a campaign to all, sent: the jobs it queued. */
    public List<DeliveryQueue.Job> sendToMembers(int n) {
        for (int i = 0; i < n; i++) h.member("m" + i, true);
        Campaign c = h.campaigns.create(Harness.T, new CampaignService.Draft("t", "b", Campaign.IN_APP, h.everyone().segmentId(),
                null, null, 0));
        h.campaigns.send(Harness.T, c.campaignId());
        List<DeliveryQueue.Job> jobs = List.copyOf(h.queue.jobs);
        h.queue.jobs.clear();
        return jobs;
    }
}
