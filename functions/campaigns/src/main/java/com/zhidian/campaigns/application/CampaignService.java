package com.zhidian.campaigns.application;

import com.zhidian.campaigns.domain.Campaign;
import com.zhidian.campaigns.domain.CampaignRepository;
import com.zhidian.campaigns.domain.CampaignsErrors;
import com.zhidian.campaigns.domain.CouponIssuer;
import com.zhidian.campaigns.domain.Delivery;
import com.zhidian.campaigns.domain.DeliveryQueue;
import com.zhidian.campaigns.domain.DeliveryRules;
import com.zhidian.campaigns.domain.Rule;
import com.zhidian.campaigns.domain.Segment;
import com.zhidian.core.Ids;
import com.zhidian.core.paging.Page;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Campaigns: create, preview (who matches, who may be messaged, why not), send (one queued job per matching member:
 * the rules are applied again at delivery), cancel, and the deliveries with their reasons.
 */
public final class CampaignService {
    static final int BATCH = 10;
    private final CampaignRepository repo;
    private final SegmentService segments;
    private final DeliveryQueue queue;
    private final CouponIssuer coupons;
    private final Clock clock;

    public CampaignService(CampaignRepository repo, SegmentService segments, DeliveryQueue queue, CouponIssuer coupons, Clock clock) {
        this.repo = repo;
        this.segments = segments;
        this.queue = queue;
        this.coupons = coupons;
        this.clock = clock;
    }

    public record Draft(String title, String body, String channel, String segmentId, String couponTemplateId,
                        Instant sendAt, int holdoutPercent) {}

    public Campaign create(String tenantId, Draft d) {
        check(tenantId, d);
        if (segments.findSaved(tenantId, d.segmentId()) == null) throw new CampaignsErrors.UnknownSegment(d.segmentId());
        return save(tenantId, d);
    }

    /**
     * The outline's form ({@code POST /campaigns {name, segment, message, ...}}): the segment saved under the campaign's
     * name, then the campaign on it; everything that can refuse is checked before either is written.
     */
    public Campaign createWithSegment(String tenantId, String name, String match, List<Rule> rules, Draft d) {
        check(tenantId, d);
        Segment s = segments.create(tenantId, name, match, rules);
        return save(tenantId, new Draft(d.title(), d.body(), d.channel(), s.segmentId(), d.couponTemplateId(), d.sendAt(),
                d.holdoutPercent()));
    }

    private void check(String tenantId, Draft d) {
        if (d.sendAt() != null && d.sendAt().isBefore(clock.instant())) throw new CampaignsErrors.SendAtPast();
        if (d.couponTemplateId() != null && !coupons.templateExists(tenantId, d.couponTemplateId())) {
            throw new CampaignsErrors.UnknownCouponTemplate(d.couponTemplateId());
        }
    }

    private Campaign save(String tenantId, Draft d) {
        Instant now = clock.instant();
        Campaign c = new Campaign(tenantId, Ids.next("cp"), d.title(), d.body(), d.channel(), d.segmentId(), d.couponTemplateId(),
                d.sendAt(), d.holdoutPercent(), d.sendAt() == null ? Campaign.DRAFT : Campaign.SCHEDULED, now, null, 0);
        repo.create(c);
        return c;
    }

    public Campaign get(String tenantId, String campaignId) {
        return repo.get(tenantId, campaignId).orElseThrow(() -> new CampaignsErrors.CampaignNotFound(campaignId));
    }

    public Page<Campaign> list(String tenantId, int limit, String cursor) {
        return repo.list(tenantId, limit, cursor);
    }

    /**
     * {@code notMessageable}: the count of every reason not to message, as the rules stand now (quiet hours only defer),
     * from the member summaries (one paged query, counted in memory); delivery reads consent again.
     */
    public record Preview(long matching, long messageable, Map<String, Long> notMessageable, long deferredByQuietHours) {}

    public Preview preview(String tenantId, String campaignId) {
        Campaign c = get(tenantId, campaignId);
        Segment s = segments.get(tenantId, c.segmentId());
        Instant now = clock.instant();
        ZoneId zone = segments.zone(tenantId);
        var settings = segments.settings(tenantId);
        Map<String, Long> reasons = new LinkedHashMap<>();
        for (String r : Delivery.REASONS) if (!r.equals(Delivery.QUIET_HOURS) && !r.equals(Delivery.CANCELLED)) reasons.put(r, 0L);
        long[] n = new long[3];
        segments.forEachMatching(s, x -> {
            n[0]++;
            DeliveryRules.Verdict v = DeliveryRules.decide(x.member(), c, now, zone, settings, x.contacts());
            if (v.deliver() && !x.reachable(c.channel())) reasons.merge(Delivery.UNREACHABLE, 1L, Long::sum);
            else if (v.deliver()) n[1]++;
            else if (Delivery.DEFERRED.equals(v.status())) { n[1]++; n[2]++; }
            else reasons.merge(v.reason(), 1L, Long::sum);
        });
        return new Preview(n[0], n[1], reasons, n[2]);
    }

    /** Queues one delivery job per member the segment matches now; a scheduled or draft campaign only. */
    public Campaign send(String tenantId, String campaignId) {
        Campaign c = get(tenantId, campaignId);
        if (!Campaign.DRAFT.equals(c.status()) && !Campaign.SCHEDULED.equals(c.status())) {
            throw new CampaignsErrors.WrongState(c.status(), "send");
        }
        Campaign sending = c.withStatus(Campaign.SENDING, clock.instant(), 0);
        if (!repo.replace(sending, c.status())) throw new CampaignsErrors.WrongState(get(tenantId, campaignId).status(), "send");
        Segment s = segments.get(tenantId, c.segmentId());
        List<DeliveryQueue.Job> batch = new ArrayList<>();
        long[] queued = {0};
        segments.forEachMatching(s, x -> {
            batch.add(new DeliveryQueue.Job(tenantId, campaignId, x.member().memberId()));
            queued[0]++;
            if (batch.size() == BATCH) {
                queue.send(List.copyOf(batch));
                batch.clear();
            }
        });
        if (!batch.isEmpty()) queue.send(List.copyOf(batch));
        Campaign sent = sending.withStatus(Campaign.SENT, sending.sentAt(), queued[0]);
        repo.replace(sent, Campaign.SENDING);
        return repo.get(tenantId, campaignId).orElse(sent);
    }

    /**
     * The schedule job (EventBridge Scheduler in AWS, Zhidian Local's scheduler locally): sends every scheduled campaign
     * whose time has come; one sent or cancelled meanwhile is passed over. Returns how many were sent.
     */
    public int sendDue(int limit) {
        int sent = 0;
        for (Campaign c : repo.dueScheduled(clock.instant(), limit)) {
            try {
                send(c.tenantId(), c.campaignId());
                sent++;
            } catch (CampaignsErrors.WrongState e) {
                // sent by hand or cancelled since the index was read
            }
        }
        return sent;
    }

    /** Stops a campaign, also one being sent: jobs still queued or deferred find it cancelled and message nobody more. */
    public Campaign cancel(String tenantId, String campaignId) {
        Campaign c = get(tenantId, campaignId);
        if (Campaign.CANCELLED.equals(c.status())) return c;
        Campaign next = c.withStatus(Campaign.CANCELLED, c.sentAt(), c.queued());
        if (!repo.replace(next, c.status())) return cancel(tenantId, campaignId);
        return next;
    }

    public Page<Delivery> deliveries(String tenantId, String campaignId, int limit, String cursor) {
        get(tenantId, campaignId);
        return repo.deliveries(tenantId, campaignId, limit, cursor);
    }

    public Map<String, Long> counts(String tenantId, String campaignId) {
        get(tenantId, campaignId);
        return repo.counts(tenantId, campaignId);
    }
}
