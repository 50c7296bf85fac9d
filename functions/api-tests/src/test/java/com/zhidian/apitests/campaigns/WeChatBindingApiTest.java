package com.zhidian.apitests.campaigns;

import static com.zhidian.apitests.support.Api.map;
import static com.zhidian.apitests.support.Problems.assertFieldErrors;
import static com.zhidian.apitests.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * WeChat openids: a member binds its WeChat identity with a wx.login code (code2Session through the adapter, Zhidian
 * Local's stand-in answering as WeChat does); WeChat subscription messages reach bound members only, the others are
 * skipped as unreachable on this channel.
 */
class WeChatBindingApiTest {
    static final Fixtures.TenantFixture T = Fixtures.newTenant("premium", 1);

    static {
        Api.Res r = T.owner().put("/campaign-settings", map("quietHoursFrom", "00:00", "quietHoursUntil", "00:00", "frequencyCap", 5));
        if (r.status() != 200) throw new AssertionError("settings: " + r);
    }

    private static String wxLogin(String user) {
        Api.Res r = Fixtures.anonymous().post("/local/wechat/login", map("user", user));
        assertEquals(200, r.status(), r::toString);
        return r.json().get("code").asText();
    }

    private static String sendWeChat(String store) {
        Api.Res seg = T.owner().post("/segments", map("name", "微信", "match", "all",
                "rules", List.of(map("kind", "home_store", "values", List.of(store)))));
        Api.Res c = T.owner().post("/campaigns", map("title", "新品到店", "body", "本周新品上架", "channel", "wechat",
                "segmentId", seg.json().get("segmentId").asText()));
        assertEquals(201, c.status(), c::toString);
        String id = c.json().get("campaignId").asText();
        assertEquals(200, T.owner().post("/campaigns/" + id + "/send", null).status());
        Deliveries.settled(T.owner(), id);
        return id;
    }

    private static String outcome(String campaignId, String memberId) {
        for (JsonNode d : T.owner().get("/campaigns/" + campaignId + "/deliveries?limit=200").json().get("items")) {
            if (d.get("memberId").asText().equals(memberId)) return d.get("status").asText() + ":" + d.path("reason").asText("-");
        }
        return null;
    }

    @Test
    void aMemberWithoutAnOpenId_isUnreachable_andOnceBound_getsTheWeChatMessage() {
        String store = T.storeIds().get(0);
        CampaignsApiTest.Member m = CampaignsApiTest.member(T, store, map("marketing_push", true));
        Api me = m.login(T);

        JsonNode preview = T.owner().post("/campaigns/" + T.owner().post("/campaigns", map("title", "t", "body", "b", "channel", "wechat",
                "segmentId", T.owner().post("/segments", map("name", "p", "match", "all", "rules", List.of(map("kind", "home_store",
                        "values", List.of(store))))).json().get("segmentId").asText())).json().get("campaignId").asText() + "/preview", null).json();
        assertTrue(preview.at("/notMessageable/unreachable").asInt() >= 1, preview::toString);

        String before = sendWeChat(store);
        assertEquals("skipped:unreachable", outcome(before, m.memberId()));

        // bad input and refused codes change nothing
        assertFieldErrors(me.post("/me/wechat", map()), "code");
        JsonNode refused = assertProblem(me.post("/me/wechat", map("code", "not-a-code-wechat-gave")), 422);
        assertEquals("campaigns.wechat_code_refused", refused.get("code").asText());

        String code = wxLogin("wx-user-" + m.memberId());
        Api.Res bound = me.post("/me/wechat", map("code", code));
        assertEquals(200, bound.status(), bound::toString);
        assertTrue(bound.json().get("bound").asBoolean());
        assertTrue(bound.json().get("openIdMasked").asText().contains("****"));
        // a code works once, as WeChat's do
        assertEquals("campaigns.wechat_code_refused", assertProblem(me.post("/me/wechat", map("code", code)), 422).get("code").asText());
        // the owner cannot bind for a member
        assertProblem(T.owner().post("/me/wechat", map("code", wxLogin("x"))), 403);

        String after = sendWeChat(store);
        assertEquals("delivered:-", outcome(after, m.memberId()));
        JsonNode outbox = T.owner().get("/message-outbox?channel=wechat").json().get("items");
        assertTrue(outbox.findValuesAsText("campaignId").contains(after), outbox::toString);
    }
}
