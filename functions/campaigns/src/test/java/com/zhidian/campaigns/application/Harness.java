package com.zhidian.campaigns.application;

import com.zhidian.campaigns.domain.AudienceMember;
import com.zhidian.campaigns.domain.Rule;
import com.zhidian.campaigns.domain.Segment;
import com.zhidian.campaigns.fakes.FakeAudience;
import com.zhidian.campaigns.fakes.FakeQueue;
import com.zhidian.campaigns.fakes.InMemoryCampaigns;
import com.zhidian.campaigns.fakes.InMemorySegments;
import com.zhidian.campaigns.fakes.MutableClock;
import com.zhidian.campaigns.fakes.NoCoupons;
import com.zhidian.core.aws.ReadAhead;
import com.zhidian.core.tenancy.TenantDirectory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The campaigns use cases over fakes, with a clock the test moves (10:00 in Shanghai to start). */
final class Harness {
    static final String T = "t1";
    static final Instant MORNING = Instant.parse("2026-03-02T02:00:00Z");

    final MutableClock clock = new MutableClock(MORNING);
    final InMemorySegments segmentRepo = new InMemorySegments();
    final InMemoryCampaigns repo = new InMemoryCampaigns();
    final FakeAudience audience = new FakeAudience(clock);
    final FakeQueue queue = new FakeQueue();
    final NoCoupons coupons = new NoCoupons();
    final UnsubscribeLinks links = new UnsubscribeLinks("test-secret");
    /** The summaries as an up-to-date stream would keep them: the fake members, their profiles and contacts. */
    final com.zhidian.campaigns.domain.MemberSummaries summaries = new com.zhidian.campaigns.fakes.FakeSummaries(audience, segmentRepo, repo);
    final SegmentService segments = new SegmentService(segmentRepo, summaries, new Shanghai(), clock);
    final ProfileService profiles = new ProfileService(segmentRepo, clock);
    /** The SMS channel's sender: what it was asked to send; {@code failNext} makes the next send throw (the provider unreachable). */
    final List<com.zhidian.campaigns.domain.Message> smsSent = new java.util.ArrayList<>();
    final java.util.concurrent.atomic.AtomicInteger failNext = new java.util.concurrent.atomic.AtomicInteger();
    final DeliveryService deliveries = new DeliveryService(repo, audience, segments, coupons, links, clock,
            java.util.Map.of(com.zhidian.campaigns.domain.Campaign.SMS, (m, to) -> {
                if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) throw new IllegalStateException("SNS unreachable");
                if (to.phone() == null) return com.zhidian.campaigns.domain.ChannelSender.Sent.unreachable();
                smsSent.add(m);
                return new com.zhidian.campaigns.domain.ChannelSender.Sent("sns", "sns-" + smsSent.size());
            }));
    final CampaignService campaigns = new CampaignService(repo, segments, queue, coupons, clock);
    final MessageCentre centre = new MessageCentre(repo, audience, links, clock);
    final CampaignResults results = new CampaignResults(repo, profiles, coupons, clock);

    AudienceMember member(String id, boolean push) {
        AudienceMember m = new AudienceMember(id, true, "st1", MORNING.minus(Duration.ofDays(100)), 5, 300, push, push, true);
        audience.put(m);
        return m;
    }

    Segment everyone() {
        return segments.create(T, "everyone", Segment.ALL, List.<Rule>of());
    }

    /** Takes every queued job once, in order, and returns how many there were. */
    int drain() {
        List<com.zhidian.campaigns.domain.DeliveryQueue.Job> jobs = List.copyOf(queue.jobs);
        queue.jobs.clear();
        for (var j : jobs) {
            DeliveryService.Outcome o = deliveries.handle(j);
            if (!o.done()) queue.jobs.add(j);
        }
        return jobs.size();
    }

    static final class Shanghai implements TenantDirectory {
        @Override public Standing standing(String tenantId) { return new Standing("active", "basic", "Asia/Shanghai"); }
        @Override public Standing standing(String tenantId, ReadAhead.Key ahead) { return standing(tenantId); }
        @Override public boolean hasStore(String tenantId, String storeId) { return storeId.startsWith("st"); }
    }
}
