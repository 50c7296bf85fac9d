package com.zhidian.apitests.coupons;

import static com.zhidian.apitests.support.Api.map;
import static com.zhidian.apitests.support.Problems.assertFieldErrors;
import static com.zhidian.apitests.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** POST/GET /coupon-templates, stop, and every bad input the issue names. */
class CouponTemplatesApiTest {
    static final Fixtures.TenantFixture T = Fixtures.newTenant("premium", 2);
    static final Fixtures.TenantFixture OTHER = Fixtures.newTenant("premium", 1);

    @Test
    void eachKind_isCreated_readBack_andListedWithCounts() {
        Api.Res amount = T.owner().post("/coupon-templates", Coupons.amountOff(1000, 10000, 100, 2));
        assertEquals(201, amount.status(), amount::toString);
        assertEquals("amount_off", amount.json().get("kind").asText());
        assertEquals("active", amount.json().get("status").asText());
        assertEquals(100, amount.json().at("/counts/remaining").asInt());
        String to = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(7).withNano(0).toString();
        Api.Res pct = T.owner().post("/coupon-templates", map("name", "全场85折", "kind", "percent_off", "value", 15, "maxDiscount", 2000,
                "validTo", to, "totalStock", 50, "perMemberLimit", 1, "storeIds", List.of(T.storeIds().get(0)), "categories", List.of("乳品")));
        assertEquals(201, pct.status(), pct::toString);
        assertEquals(2000, pct.json().get("maxDiscount").asInt());
        assertEquals(List.of(T.storeIds().get(0)), List.of(pct.json().get("storeIds").get(0).asText()));
        Api.Res gift = T.owner().post("/coupon-templates", map("name", "赠矿泉水", "kind", "gift", "giftGtin", "6901234567892",
                "validDays", 7, "totalStock", 10, "perMemberLimit", 1, "stackable", true));
        assertEquals(201, gift.status(), gift::toString);
        assertTrue(gift.json().get("stackable").asBoolean());

        JsonNode read = T.owner().get("/coupon-templates/" + pct.json().get("templateId").asText()).json();
        assertEquals("全场85折", read.get("name").asText());
        JsonNode list = T.owner().get("/coupon-templates?limit=200").json();
        assertTrue(list.get("items").size() >= 3);
        JsonNode counts = list.get("items").get(0).get("counts");
        for (String c : List.of("issued", "claimed", "redeemed", "expired", "redemptionRateBp")) assertTrue(counts.has(c), c);
    }

    @Test
    void stop_endsClaiming() {
        String id = Coupons.template(T, Coupons.amountOff(500, 0, 10, 1));
        Api.Res stopped = T.owner().post("/coupon-templates/" + id + "/stop", null);
        assertEquals(200, stopped.status(), stopped::toString);
        assertEquals("stopped", stopped.json().get("status").asText());
        Api me = Coupons.customer(T);
        JsonNode p = assertProblem(me.post("/me/coupons", map("templateId", id)), 422);
        assertEquals("coupon_template.closed", p.get("code").asText());
    }

    @Test
    void badInput_is400NamingTheField_andWritesNothing() {
        Map<String, Object> ok = Coupons.amountOff(1000, 0, 10, 1);
        assertFieldErrors(T.owner().post("/coupon-templates", with(ok, "kind", "percent_off", "value", 100, "maxDiscount", 100)), "value");
        assertFieldErrors(T.owner().post("/coupon-templates", with(ok, "value", -5)), "value");
        assertFieldErrors(T.owner().post("/coupon-templates", with(ok, "value", 1.5)), "value");
        assertFieldErrors(T.owner().post("/coupon-templates", with(ok, "minSpend", -1)), "minSpend");
        assertFieldErrors(T.owner().post("/coupon-templates", with(ok, "totalStock", 0)), "totalStock");
        assertFieldErrors(T.owner().post("/coupon-templates", with(ok, "name", "券".repeat(10_000))), "name");
        assertFieldErrors(T.owner().post("/coupon-templates", with(ok, "kind", "percent_off", "value", 10)), "maxDiscount");
        assertFieldErrors(T.owner().post("/coupon-templates", map("name", "赠品", "kind", "gift", "giftGtin", "6901234567891",
                "validDays", 7, "totalStock", 10, "perMemberLimit", 1)), "giftGtin");
        assertFieldErrors(T.owner().post("/coupon-templates", with(ok, "gtins", List.of("12345678"))), "gtins");
        Map<String, Object> window = new HashMap<>(ok);
        window.remove("validDays");
        window.put("validFrom", "2027-01-10T00:00:00+08:00");
        window.put("validTo", "2027-01-01T00:00:00+08:00");
        assertFieldErrors(T.owner().post("/coupon-templates", window), "validTo");
        window.put("validTo", "next week");
        assertFieldErrors(T.owner().post("/coupon-templates", window), "validTo");
        assertFieldErrors(T.owner().post("/coupon-templates", with(ok, "validTo", "2027-01-01T00:00:00+08:00")), "validDays");
        assertFieldErrors(T.owner().post("/coupon-templates", with(ok, "tenantId", "t_x")), "tenantId");
        assertProblem(T.owner().post("/coupon-templates", with(ok, "storeIds", List.of(OTHER.storeIds().get(0)))), 404);
        int before = T.owner().get("/coupon-templates?limit=200").json().get("items").size();
        assertFieldErrors(T.owner().post("/coupon-templates", with(ok, "perMemberLimit", 0)), "perMemberLimit");
        assertEquals(before, T.owner().get("/coupon-templates?limit=200").json().get("items").size());
    }

    @Test
    void onlyTheOwner_managesTemplates_andAnotherTenantsIs404() {
        String id = Coupons.template(T, Coupons.amountOff(500, 0, 10, 1));
        Api staff = T.staff(T.storeIds().get(0));
        // staff may draft a template (approvals: one above the owner's value rule waits for approval); the rest is the owner's
        assertProblem(staff.post("/coupon-templates/" + id + "/stop", null), 403);
        assertProblem(staff.get("/coupon-templates"), 403);
        assertProblem(OTHER.owner().get("/coupon-templates/" + id), 404);
        assertProblem(OTHER.owner().post("/coupon-templates/" + id + "/stop", null), 404);
        assertProblem(OTHER.owner().post("/coupon-templates/" + id + "/issue", map("memberIds", List.of("mb_x"))), 404);
        assertEquals("active", T.owner().get("/coupon-templates/" + id).json().get("status").asText());
    }

    static Map<String, Object> with(Map<String, Object> base, Object... kv) {
        Map<String, Object> m = new HashMap<>(base);
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }
}
