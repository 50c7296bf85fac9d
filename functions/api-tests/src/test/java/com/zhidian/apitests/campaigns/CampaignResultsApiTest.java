package com.zhidian.apitests.campaigns;

import static com.zhidian.apitests.support.Api.map;
import static com.zhidian.apitests.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A campaign's results over HTTP: what was delivered, read, unsubscribed, and whether there is enough to tell uplift. */
class CampaignResultsApiTest {
    static final Fixtures.TenantFixture T = CampaignsApiTest.T;
    static final Fixtures.TenantFixture OTHER = CampaignsApiTest.OTHER;

    @Test
    void results_countDeliveredReadAndUnsubscribed_andASmallHoldoutIsNotEnoughToTell() {
        String store = T.storeIds().get(1);
        CampaignsApiTest.Member reader = CampaignsApiTest.member(T, store, map("marketing_push", true));
        CampaignsApiTest.Member leaver = CampaignsApiTest.member(T, store, map("marketing_push", true));
        CampaignsApiTest.member(T, store, null);
        Api.Res c = T.owner().post("/campaigns", map("title", "结果", "body", "看看效果", "channel", "in_app",
                "segmentId", CampaignsApiTest.segment(T, store), "holdoutPercent", 10));
        assertEquals(201, c.status(), c::toString);
        String id = c.json().get("campaignId").asText();

        JsonNode before = T.owner().get("/campaigns/" + id + "/results").json();
        assertEquals(0, before.get("delivered").asInt());
        assertEquals("not_enough_data", before.at("/uplift/verdict").asText());

        assertEquals(200, T.owner().post("/campaigns/" + id + "/send", null).status());
        Deliveries.settled(T.owner(), id);
        long delivered = T.owner().get("/campaigns/" + id).json().at("/deliveryCounts/delivered").asLong();

        int read = 0, unsubscribed = 0;
        for (CampaignsApiTest.Member m : List.of(reader, leaver)) {
            Api me = m.login(T);
            for (JsonNode msg : me.get("/me/messages").json().get("items")) {
                if (!msg.get("campaignId").asText().equals(id)) continue;
                if (m == reader) {
                    assertEquals(200, me.post("/me/messages/" + msg.get("messageId").asText() + "/read", null).status());
                    assertEquals(200, me.post("/me/messages/" + msg.get("messageId").asText() + "/read", null).status());
                    read++;
                } else {
                    assertEquals(200, me.post("/me/unsubscribe", map("token", msg.get("unsubscribeToken").asText())).status());
                    unsubscribed++;
                }
            }
        }

        Api.Res res = T.owner().get("/campaigns/" + id + "/results?days=14");
        assertEquals(200, res.status(), res::toString);
        JsonNode r = res.json();
        assertEquals(14, r.get("days").asInt());
        assertEquals(delivered, r.get("delivered").asLong());
        assertEquals(read, r.get("read").asInt(), "reading twice counts once");
        assertEquals(unsubscribed, r.get("unsubscribed").asInt());
        assertEquals(delivered, r.at("/treated/members").asLong());
        assertEquals("not_enough_data", r.at("/uplift/verdict").asText(), "a handful of members is not enough to tell");
        assertTrue(r.at("/uplift/spendPerMember").isNull());
        assertEquals(30, r.at("/uplift/minGroup").asInt());
        assertTrue(!r.get("complete").asBoolean(), "the window has only just opened");
    }

    @Test
    void results_badWindowIs400_anotherTenantsCampaignIs404_staffIs403() {
        String store = T.storeIds().get(0);
        String id = CampaignsApiTest.campaign(T, CampaignsApiTest.segment(T, store));
        JsonNode p = assertProblem(T.owner().get("/campaigns/" + id + "/results?days=31"), 400);
        assertTrue(p.toString().contains("days"), p::toString);
        assertProblem(T.owner().get("/campaigns/" + id + "/results?days=0"), 400);
        assertProblem(T.owner().get("/campaigns/" + id + "/results?days=７"), 400);
        assertProblem(OTHER.owner().get("/campaigns/" + id + "/results"), 404);
        assertProblem(T.owner().get("/campaigns/cp_nope/results"), 404);
        assertProblem(T.staff(store).get("/campaigns/" + id + "/results"), 403);
    }
}
