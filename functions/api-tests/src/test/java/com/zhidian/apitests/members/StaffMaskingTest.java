package com.zhidian.apitests.members;

import static com.zhidian.apitests.support.Api.map;
import static com.zhidian.apitests.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import org.junit.jupiter.api.Test;

/** PIPL's minimum necessary at the till: staff see a member masked, and a reveal leaves a line in the audit trail. */
class StaffMaskingTest {
    private static final Fixtures.TenantFixture T = Fixtures.newTenant("premium", 1);
    private static final Fixtures.TenantFixture OTHER = Fixtures.newTenant("basic", 1);

    @Test
    void staffSeeThePhoneMaskedAndNoBirthday_onEveryRouteThatShowsAMember() {
        String phone = Fixtures.uniquePhone();
        JsonNode made = T.owner().post("/members", map("phone", phone, "name", "李四", "birthday", "1990-05-17",
                "storeId", T.storeIds().get(0))).json();
        String id = made.get("memberId").asText();
        String masked = phone.substring(0, 3) + "****" + phone.substring(7);
        Api staff = T.staff(T.storeIds().get(0));

        assertMasked(staff.get("/members/" + id).json(), masked);
        assertMasked(staff.get("/members?phone=" + phone).json().get("items").get(0), masked);
        assertMasked(staff.get("/members?cardNo=" + made.get("cardNo").asText()).json().get("items").get(0), masked);
        assertMasked(staff.patch("/members/" + id, map("name", "李四四")).json(), masked);
        JsonNode enrolled = staff.post("/members", map("phone", Fixtures.uniquePhone(), "birthday", "1991-01-02",
                "storeId", T.storeIds().get(0))).json();
        assertTrue(enrolled.path("masked").asBoolean(), "staff's own enrolment answers masked too");

        JsonNode owners = T.owner().get("/members/" + id).json();
        assertEquals(phone, owners.get("phone").asText(), "the owner sees the whole number");
        assertEquals("1990-05-17", owners.get("birthday").asText());
        assertFalse(owners.has("masked"));
    }

    @Test
    void aRevealShowsEverything_andTheAuditTrailNamesWhoLooked() {
        String phone = Fixtures.uniquePhone();
        String id = T.owner().post("/members", map("phone", phone, "birthday", "1985-12-01", "storeId", T.storeIds().get(0)))
                .json().get("memberId").asText();
        Api staff = T.staff(T.storeIds().get(0));
        Api.Res revealed = staff.post("/members/" + id + "/reveal", null);
        assertEquals(200, revealed.status(), revealed.toString());
        assertEquals(phone, revealed.json().get("phone").asText());
        assertEquals("1985-12-01", revealed.json().get("birthday").asText());

        JsonNode trail = T.owner().get("/audit?limit=50&action=POST").json().get("items");
        boolean found = false;
        for (JsonNode e : trail) found |= ("/members/" + id + "/reveal").equals(e.path("path").asText()) && "staff".equals(e.path("role").asText());
        assertTrue(found, "the reveal is in the owner's audit trail: " + trail);

        assertProblem(OTHER.owner().post("/members/" + id + "/reveal", null), 404);
        assertEquals(401, Fixtures.anonymous().post("/members/" + id + "/reveal", null).status());
    }

    private static void assertMasked(JsonNode member, String masked) {
        assertEquals(masked, member.get("phone").asText(), member.toString());
        assertTrue(member.get("birthday").isNull(), member.toString());
        assertTrue(member.get("masked").asBoolean(), member.toString());
    }
}
