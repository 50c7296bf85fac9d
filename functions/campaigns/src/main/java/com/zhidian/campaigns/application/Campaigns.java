package com.zhidian.campaigns.application;

import com.zhidian.campaigns.domain.Campaign;
import com.zhidian.campaigns.domain.ChannelSender;
import com.zhidian.campaigns.domain.DeliveryQueue;
import com.zhidian.campaigns.store.SnsSmsSender;
import com.zhidian.campaigns.store.WeChatSubscribeSender;
import com.zhidian.campaigns.store.DynamoCampaignRepository;
import com.zhidian.campaigns.store.DynamoSegmentRepository;
import com.zhidian.core.Env;
import com.zhidian.core.tenancy.TenantDirectory;
import com.zhidian.coupons.application.CouponsComposition;
import com.zhidian.members.application.Members;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The campaigns context's one composition: segments and profiles, campaigns, the delivery consumer's use case and
 * the message centre, over the real adapters. Members and coupons are reached through their own compositions' use
 * cases, in process. {@code queue} is given the delivery use case, so an in-process queue can call it.
 */
public record Campaigns(SegmentService segments, ProfileService profiles, CampaignService campaigns,
                        DeliveryService deliveries, MessageCentre messages, CampaignResults results,
                        WeChatIdentities wechat, SummaryBackfill backfill, Clock clock) {

    public static Campaigns wire(DynamoDbClient db, TenantDirectory tenants, Clock clock,
                                 Function<DeliveryService, DeliveryQueue> queue) {
        Members members = Members.wire(db, tenants, clock);
        MembersAudience audience = new MembersAudience(members.members(), members.points());
        DynamoSegmentRepository segmentRepo = new DynamoSegmentRepository(db);
        DynamoCampaignRepository repo = new DynamoCampaignRepository(db);
        // previews and sends read the summaries through this instance's cache (first read whole, then what changed)
        SegmentService segments = new SegmentService(segmentRepo, new SummaryCache(segmentRepo), tenants, clock);
        CouponsIssuer coupons = new CouponsIssuer(CouponsComposition.service(db, tenants, clock));
        UnsubscribeLinks links = linksFromEnvironment();
        DeliveryService deliveries = new DeliveryService(repo, audience, segments, coupons, links, clock, senders(clock));
        CampaignService campaigns = new CampaignService(repo, segments, queue.apply(deliveries), coupons, clock);
        ProfileService profiles = new ProfileService(segmentRepo, clock);
        return new Campaigns(segments, profiles, campaigns, deliveries, new MessageCentre(repo, audience, links, clock),
                new CampaignResults(repo, profiles, coupons, clock),
                new WeChatIdentities(com.zhidian.campaigns.store.WeChatCode2Session.fromEnvironment(), segmentRepo),
                new SummaryBackfill(audience, segmentRepo), clock);
    }

    /**
     * The outbox channels' senders: SMS through Amazon SNS and WeChat subscription messages when {@code SMS_SENDER=sns} and
     * {@code WECHAT_SENDER=wechat} (the template sets them outside Zhidian Local); otherwise the local outbox, which the
     * owner reads on the outbox page and nothing leaves the machine.
     */
    public static Map<String, ChannelSender> senders(Clock clock) {
        ChannelSender sms = "sns".equals(Env.get("SMS_SENDER", "outbox")) ? SnsSmsSender.fromEnvironment() : ChannelSender.LOCAL_OUTBOX;
        ChannelSender wechat = "wechat".equals(Env.get("WECHAT_SENDER", "outbox")) ? WeChatSubscribeSender.fromEnvironment(clock)
                : ChannelSender.LOCAL_OUTBOX;
        return Map.of(Campaign.SMS, sms, Campaign.WECHAT, wechat);
    }

    /** The summaries' feed alone, for the members' stream consumer. */
    public static SummaryFeed summaryFeed(DynamoDbClient db) {
        return new SummaryFeed(new DynamoSegmentRepository(db));
    }

    /** The profiles alone, for the order-event stream consumer. */
    public static ProfileService profiles(DynamoDbClient db, Clock clock) {
        return new ProfileService(new DynamoSegmentRepository(db), clock);
    }

    /** The categories the catalog has now for the GTINs (those it does not know are left out), for the profiles. */
    public static java.util.function.BiFunction<String, java.util.List<String>, java.util.List<String>> categories(DynamoDbClient db) {
        com.zhidian.catalog.store.DynamoProductRepository products = new com.zhidian.catalog.store.DynamoProductRepository(db);
        return (tenantId, gtins) -> gtins.isEmpty() ? java.util.List.of() : products.findAll(tenantId, gtins).values().stream()
                .map(com.zhidian.catalog.domain.Product::categoryId).filter(java.util.Objects::nonNull).distinct().toList();
    }

    /** The unsubscribe links' signing key (UNSUBSCRIBE_SECRET). */
    public static UnsubscribeLinks linksFromEnvironment() {
        return new UnsubscribeLinks(Env.get("UNSUBSCRIBE_SECRET", "zhidian-local-unsubscribe-secret"));
    }
}
