package com.zhidian.apitests.campaigns;

import static com.zhidian.apitests.support.Api.map;
import static com.zhidian.apitests.support.Problems.assertFieldErrors;
import static com.zhidian.apitests.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The public page behind an SMS's unsubscribe link: no sign-in, the signed token alone withdraws that member's
 * marketing_push (shown in the consent history), a forged token changes nothing, and the undo works once within its
 * few minutes.
 */
class UnsubscribePageApiTest {
    static final Fixtures.TenantFixture T = Fixtures.newTenant("premium", 1);

    static {
        Api.Res r = T.owner().put("/campaign-settings", map("quietHoursFrom", "00:00", "quietHoursUntil", "00:00", "frequencyCap", 5));
        if (r.status() != 200) throw new AssertionError("settings: " + r);
    }

    @Test
    void theLinkWithdrawsWithoutSignIn_showsInTheHistory_andCanBeUndoneOnce() {
        String store = T.storeIds().get(0);
        CampaignsApiTest.Member m = CampaignsApiTest.member(T, store, map("marketing_push", true));
        String id = CampaignsApiTest.campaign(T, CampaignsApiTest.segment(T, store));
        assertEquals(200, T.owner().post("/campaigns/" + id + "/send", null).status());
        Deliveries.settled(T.owner(), id);
        Api me = m.login(T);
        String token = me.get("/me/messages").json().get("items").get(0).get("unsubscribeToken").asText();
        Api anyone = Fixtures.anonymous();

        assertFieldErrors(anyone.post("/unsubscribe", map()), "token");
        String forged = token.substring(0, token.indexOf('.') + 1) + "AAAA" + token.substring(token.indexOf('.') + 5);
        assertEquals("campaigns.bad_unsubscribe_link", assertProblem(anyone.post("/unsubscribe", map("token", forged)), 422).get("code").asText());
        assertTrue(history(m).get(0).get("granted").asBoolean(), "a forged link changed nothing");

        Api.Res un = anyone.post("/unsubscribe", map("token", token));
        assertEquals(200, un.status(), un::toString);
        assertFalse(un.json().get("granted").asBoolean());
        Instant at = Instant.parse(un.json().get("withdrawnAt").asText());
        assertEquals(at.plus(Duration.ofMinutes(5)), Instant.parse(un.json().get("undoUntil").asText()));
        JsonNode h = history(m);
        assertEquals("unsubscribe_link", h.get(0).get("channel").asText());
        assertFalse(h.get(0).get("granted").asBoolean());
        // tapping the link again keeps the first withdrawal
        assertEquals(at.toString(), Instant.parse(anyone.post("/unsubscribe", map("token", token)).json().get("withdrawnAt").asText()).toString());
        assertEquals(h.size(), history(m).size());

        Api.Res undo = anyone.post("/unsubscribe/undo", map("token", token));
        assertEquals(200, undo.status(), undo::toString);
        assertTrue(undo.json().get("granted").asBoolean());
        assertTrue(history(m).get(0).get("granted").asBoolean());
        assertEquals("campaigns.undo_expired", assertProblem(anyone.post("/unsubscribe/undo", map("token", token)), 409).get("code").asText(),
                "nothing of the link's left to undo");
    }

    private static JsonNode history(CampaignsApiTest.Member m) {
        return T.owner().get("/members/" + m.memberId() + "/consents/history").json().get("items");
    }
}
