package com.zhidian.campaigns.application;

import com.zhidian.campaigns.domain.Audience;
import com.zhidian.campaigns.domain.AudienceMember;
import com.zhidian.campaigns.domain.Campaign;
import com.zhidian.campaigns.domain.CampaignRepository;
import com.zhidian.campaigns.domain.ChannelSender;
import com.zhidian.campaigns.domain.CouponIssuer;
import com.zhidian.campaigns.domain.Delivery;
import com.zhidian.campaigns.domain.DeliveryQueue;
import com.zhidian.campaigns.domain.DeliveryRules;
import com.zhidian.campaigns.domain.MemberSummary;
import com.zhidian.campaigns.domain.Message;
import com.zhidian.core.Ids;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The consumer's use case: one queued job, one member. Everything is decided now, at delivery: the member (erased?),
 * the {@code marketing_push} grant as it is at this moment, the holdout, quiet hours in the tenant's zone, the
 * frequency cap across campaigns. The delivery, the message and the member's contact count are written in one
 * transaction that refuses a second delivery, so a job taken twice (a retry, a consumer killed mid-batch) messages once.
 */
public final class DeliveryService {
    private static final int ATTEMPTS = 8;
    private final CampaignRepository repo;
    private final Audience audience;
    private final SegmentService segments;
    private final CouponIssuer coupons;
    private final UnsubscribeLinks links;
    private final Clock clock;

    private final Map<String, ChannelSender> senders;

    public DeliveryService(CampaignRepository repo, Audience audience, SegmentService segments, CouponIssuer coupons,
                           UnsubscribeLinks links, Clock clock) {
        this(repo, audience, segments, coupons, links, clock, Map.of());
    }

    /** {@code senders}: the sender of each outbox channel (sms, wechat); a channel without one keeps its messages in its outbox. */
    public DeliveryService(CampaignRepository repo, Audience audience, SegmentService segments, CouponIssuer coupons,
                           UnsubscribeLinks links, Clock clock, Map<String, ChannelSender> senders) {
        this.senders = senders;
        this.repo = repo;
        this.audience = audience;
        this.segments = segments;
        this.coupons = coupons;
        this.links = links;
        this.clock = clock;
    }

    /** What the consumer does with the job: done (delete it), or keep it out of sight until {@code retryAt}. */
    public record Outcome(Delivery delivery, Instant retryAt) {
        public boolean done() { return retryAt == null; }
    }

    public Outcome handle(DeliveryQueue.Job job) {
        for (int i = 0; i < ATTEMPTS; i++) {
            Optional<Outcome> o = attempt(job);
            if (o.isPresent()) return o.get();
        }
        throw new IllegalStateException("the member's contacts kept changing; the job returns to the queue");
    }

    private Optional<Outcome> attempt(DeliveryQueue.Job job) {
        String t = job.tenantId();
        Optional<Delivery> existing = repo.delivery(t, job.campaignId(), job.memberId());
        Optional<Campaign> found = repo.get(t, job.campaignId());
        if (found.isEmpty()) return Optional.of(new Outcome(null, null));
        Campaign c = found.get();
        if (existing.isPresent() && existing.get().finished()) {
            Delivery d = existing.get();
            if (Delivery.DELIVERED.equals(d.status())) {
                // a job that died after the delivery's transaction finishes what came after it: the coupon, the channel's send
                if (c.couponTemplateId() != null && d.couponCode() == null) d = withCoupon(c, d);
                dispatch(c, d, recipient(t, d.memberId(), repo.contacts(t, d.memberId())));
            }
            return Optional.of(new Outcome(d, null));
        }
        Instant now = clock.instant();
        if (c.cancelled()) return recorded(skip(c, job.memberId(), Delivery.CANCELLED, now));
        AudienceMember m = audience.member(t, job.memberId()).orElse(null);
        ZoneId zone = segments.zone(t);
        var settings = segments.settings(t);
        CampaignRepository.Contacts contacts = repo.contacts(t, job.memberId());
        DeliveryRules.Verdict v = DeliveryRules.decide(m, c, now, zone, settings, contacts.times());
        if (Delivery.DEFERRED.equals(v.status())) {
            Delivery d = new Delivery(t, c.campaignId(), job.memberId(), Delivery.DEFERRED, v.reason(), now, v.until(), null, null);
            if (!repo.record(d)) return Optional.empty();
            return Optional.of(new Outcome(d, v.until()));
        }
        if (!v.deliver()) return recorded(skip(c, job.memberId(), v.reason(), now));
        ChannelSender.Recipient to = recipient(t, job.memberId(), contacts);
        if (!MemberSummary.reachable(c.channel(), to.phone() != null, to.wechatOpenId())) {
            return recorded(skip(c, job.memberId(), Delivery.UNREACHABLE, now));
        }
        CampaignRepository.Write w = delivered(c, job.memberId(), contacts, now);
        if (!repo.deliver(w.delivery(), w.message(), contacts, w.after())) return Optional.empty();
        Delivery done = c.couponTemplateId() == null ? w.delivery() : withCoupon(c, w.delivery());
        dispatch(c, done, to);
        return Optional.of(new Outcome(done, null));
    }

    private CampaignRepository.Write delivered(Campaign c, String memberId, CampaignRepository.Contacts contacts, Instant now) {
        String t = c.tenantId();
        String messageId = Ids.next("msg");
        Delivery d = new Delivery(t, c.campaignId(), memberId, Delivery.DELIVERED, null, now, null, messageId, null);
        Message msg = new Message(t, memberId, messageId, c.campaignId(), c.channel(), c.title(), c.body(), null,
                links.token(t, memberId, c.campaignId()), now, null);
        List<Instant> after = new ArrayList<>(DeliveryRules.keepForCap(contacts.times(), now));
        after.add(now);
        return new CampaignRepository.Write(d, msg, contacts, after);
    }

    private ChannelSender.Recipient recipient(String tenantId, String memberId, CampaignRepository.Contacts contacts) {
        return new ChannelSender.Recipient(memberId, audience.recipient(tenantId, memberId).phone(), contacts.wechatOpenId());
    }

    /** At most this many jobs share one transaction (3 writes each, 100 at most). */
    static final int COMMIT = 33;

    /**
     * The consumer's batch: the campaign, the tenant's settings, the members' earlier deliveries and their contacts in one
     * read (BatchGetItem), the zone once, the members with their consent as it is now in one more; every decision written in one
     * transaction. A job with a finished delivery already, a batch whose transaction fails a condition (a second consumer,
     * a contact meanwhile) and anything unusual go one by one through {@link #handle}, which decides the same way.
     * Returns the outcomes in the order of {@code jobs}.
     */
    public List<Outcome> handleAll(List<DeliveryQueue.Job> jobs) {
        Outcome[] out = new Outcome[jobs.size()];
        Map<String, List<Integer>> byCampaign = new java.util.LinkedHashMap<>();
        for (int i = 0; i < jobs.size(); i++) {
            byCampaign.computeIfAbsent(jobs.get(i).tenantId() + "\u0000" + jobs.get(i).campaignId(), k -> new ArrayList<>()).add(i);
        }
        for (List<Integer> all : byCampaign.values()) {
            for (int from = 0; from < all.size(); from += COMMIT) {
                List<Integer> part = all.subList(from, Math.min(all.size(), from + COMMIT));
                batch(jobs, part, out);
            }
        }
        for (int i = 0; i < out.length; i++) if (out[i] == null) out[i] = handle(jobs.get(i));
        return java.util.Arrays.asList(out);
    }

    private void batch(List<DeliveryQueue.Job> jobs, List<Integer> part, Outcome[] out) {
        DeliveryQueue.Job first = jobs.get(part.get(0));
        String t = first.tenantId();
        List<String> ids = part.stream().map(i -> jobs.get(i).memberId()).distinct().toList();
        if (ids.size() != part.size()) return;
        // the campaign, settings, earlier deliveries and contacts in one read (a missing or cancelled campaign: one by one)
        CampaignRepository.BatchState state = repo.batchState(t, first.campaignId(), ids);
        if (state.campaign().isEmpty() || state.campaign().get().cancelled()) return;
        Campaign c = state.campaign().get();
        Map<String, Delivery> existing = state.deliveries();
        Map<String, CampaignRepository.Contacts> contacts = state.contacts();
        Map<String, Audience.Now> now = audience.now(t, ids);
        ZoneId zone = segments.zone(t);
        var settings = state.settings().orElseGet(() -> segments.settings(t));
        Instant at = clock.instant();
        List<CampaignRepository.Write> writes = new ArrayList<>();
        List<Integer> written = new ArrayList<>();
        List<ChannelSender.Recipient> recipients = new ArrayList<>();
        for (int i : part) {
            String m = jobs.get(i).memberId();
            if (existing.containsKey(m) && existing.get(m).finished()) continue; // resumed one by one
            Audience.Now n = now.get(m);
            CampaignRepository.Contacts k = contacts.get(m);
            DeliveryRules.Verdict v = DeliveryRules.decide(n == null ? null : n.member(), c, at, zone, settings, k.times());
            ChannelSender.Recipient to = new ChannelSender.Recipient(m, n == null ? null : n.phone(), k.wechatOpenId());
            CampaignRepository.Write w;
            if (Delivery.DEFERRED.equals(v.status())) {
                w = new CampaignRepository.Write(new Delivery(t, c.campaignId(), m, Delivery.DEFERRED, v.reason(), at, v.until(), null, null),
                        null, null, null);
            } else if (!v.deliver()) {
                w = new CampaignRepository.Write(skip(c, m, v.reason(), at), null, null, null);
            } else if (!MemberSummary.reachable(c.channel(), to.phone() != null, to.wechatOpenId())) {
                w = new CampaignRepository.Write(skip(c, m, Delivery.UNREACHABLE, at), null, null, null);
            } else {
                w = delivered(c, m, k, at);
            }
            writes.add(w);
            written.add(i);
            recipients.add(to);
        }
        if (!repo.commit(writes)) return; // each is tried alone by handle()
        for (int x = 0; x < writes.size(); x++) {
            Delivery d = writes.get(x).delivery();
            if (Delivery.DELIVERED.equals(d.status())) {
                Delivery done = c.couponTemplateId() == null ? d : withCoupon(c, d);
                dispatch(c, done, recipients.get(x));
                out[written.get(x)] = new Outcome(done, null);
            } else {
                out[written.get(x)] = new Outcome(d, Delivery.DEFERRED.equals(d.status()) ? d.until() : null);
            }
        }
    }

    /**
     * Hands a delivered SMS or WeChat message to its channel's sender, once: marked after the provider took it, so a job
     * taken again after a crash sends it again only if the crash fell between the provider's answer and the mark.
     */
    private void dispatch(Campaign c, Delivery d, ChannelSender.Recipient to) {
        ChannelSender sender = senders.get(c.channel());
        if (sender == null || Campaign.IN_APP.equals(c.channel()) || repo.dispatched(d.tenantId(), c.channel(), d.messageId())) return;
        Message m = new Message(d.tenantId(), d.memberId(), d.messageId(), c.campaignId(), c.channel(), c.title(), c.body(),
                d.couponCode() == null || d.couponCode().isEmpty() ? null : d.couponCode(), links.token(d.tenantId(), d.memberId(), c.campaignId()),
                d.at(), null);
        ChannelSender.Sent sent = sender.send(m, to);
        String masked = Campaign.SMS.equals(c.channel()) ? maskPhone(to.phone()) : WeChatIdentities.mask(to.wechatOpenId());
        repo.markDispatched(d.tenantId(), c.channel(), d.messageId(), sent.via(), sent.providerId(), clock.instant(), masked);
    }

    /** +8613812345678 → +86138****5678: enough for a developer to tell members apart, not to call them. */
    static String maskPhone(String phone) {
        if (phone == null) return null;
        return phone.length() <= 8 ? "****" : phone.substring(0, phone.length() - 8) + "****" + phone.substring(phone.length() - 4);
    }

    private Optional<Outcome> recorded(Delivery d) {
        if (!repo.record(d)) return Optional.empty();
        return Optional.of(new Outcome(d, null));
    }

    private static Delivery skip(Campaign c, String memberId, String reason, Instant now) {
        return new Delivery(c.tenantId(), c.campaignId(), memberId, Delivery.SKIPPED, reason, now, null, null, null);
    }

    /** The campaign's coupon for a member it reached; a crash before this runs is finished by the job's redelivery. */
    private Delivery withCoupon(Campaign c, Delivery d) {
        String code = coupons.issue(c.tenantId(), c.couponTemplateId(), d.memberId()).orElse("");
        repo.attachCoupon(d, c.channel(), code);
        return new Delivery(d.tenantId(), d.campaignId(), d.memberId(), d.status(), d.reason(), d.at(), d.until(), d.messageId(), code);
    }
}
