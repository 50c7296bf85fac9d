package com.zhidian.campaigns.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zhidian.campaigns.domain.Campaign;
import com.zhidian.campaigns.domain.CampaignRepository;
import com.zhidian.campaigns.domain.Delivery;
import com.zhidian.campaigns.domain.Message;
import com.zhidian.campaigns.domain.PushSettings;
import com.zhidian.core.testing.TestTables;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The delivery batch's one read on the DynamoDB stand-in: the campaign, the tenant's settings (the defaults when it
 * saved none), the earlier deliveries of exactly the members that have one, and every member's contacts (empty,
 * version 0, for a member never contacted) — what the single reads give.
 */
class BatchStateStoreTest {
    final software.amazon.awssdk.services.dynamodb.DynamoDbClient db = TestTables.client();
    final DynamoCampaignRepository campaigns = new DynamoCampaignRepository(db);
    final DynamoSegmentRepository segments = new DynamoSegmentRepository(db);
    final String tenant = "tn_batchstate" + Long.toString(System.nanoTime(), 36);
    static final Instant AT = Instant.parse("2026-12-07T02:00:00Z");

    Campaign campaign(String id) {
        Campaign c = new Campaign(tenant, id, "标题", "正文", Campaign.IN_APP, "sg_x", null, null, 0, Campaign.DRAFT, AT, null, 0);
        campaigns.create(c);
        return c;
    }

    @Test
    void oneReadGivesWhatTheSingleReadsGive() {
        Campaign c = campaign("cp_one");
        campaigns.record(new Delivery(tenant, c.campaignId(), "mb_skipped", Delivery.SKIPPED, Delivery.HOLDOUT, AT, null, null, null));
        var before = campaigns.contacts(tenant, "mb_reached");
        assertTrue(campaigns.deliver(new Delivery(tenant, c.campaignId(), "mb_reached", Delivery.DELIVERED, null, AT, null, "msg_1", null),
                new Message(tenant, "mb_reached", "msg_1", c.campaignId(), Campaign.IN_APP, "t", "b", null, "tok", AT, null), before, List.of(AT)));
        List<String> ids = List.of("mb_skipped", "mb_reached", "mb_never");

        CampaignRepository.BatchState s = campaigns.batchState(tenant, c.campaignId(), ids);
        assertEquals(campaigns.get(tenant, c.campaignId()), s.campaign());
        assertEquals(Optional.of(PushSettings.DEFAULT), s.settings());
        assertEquals(campaigns.deliveries(tenant, c.campaignId(), ids), s.deliveries());
        assertEquals(2, s.deliveries().size());
        assertEquals(campaigns.contacts(tenant, ids), s.contacts());
        assertEquals(new CampaignRepository.Contacts(List.of(AT), 1), s.contacts().get("mb_reached"));
        assertEquals(new CampaignRepository.Contacts(List.of(), 0), s.contacts().get("mb_never"));

        PushSettings quiet = new PushSettings(LocalTime.of(22, 0), LocalTime.of(7, 30), 3);
        segments.saveSettings(tenant, quiet);
        assertEquals(Optional.of(quiet), campaigns.batchState(tenant, c.campaignId(), ids).settings());
        assertEquals(Optional.empty(), campaigns.batchState(tenant, "cp_none", ids).campaign());
    }
}
