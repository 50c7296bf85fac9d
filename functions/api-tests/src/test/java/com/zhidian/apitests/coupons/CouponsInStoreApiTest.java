package com.zhidian.apitests.coupons;

import static com.zhidian.apitests.support.Api.map;
import static com.zhidian.apitests.support.Problems.assertFieldErrors;
import static com.zhidian.apitests.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue, claim, check, redeem, void and the lists, as an owner, a cashier and a customer use them. */
class CouponsInStoreApiTest {
    static final Fixtures.TenantFixture T = Fixtures.newTenant("premium", 2);
    static final Fixtures.TenantFixture OTHER = Fixtures.newTenant("premium", 1);

    @Test
    void issue_reportsPerMember_andTheCodesShowOnTheMembersList() {
        String id = Coupons.template(T, Coupons.amountOff(1000, 10000, 2, 1));
        String a = Coupons.member(T, Fixtures.uniquePhone());
        String b = Coupons.member(T, Fixtures.uniquePhone());
        String c = Coupons.member(T, Fixtures.uniquePhone());
        Api.Res first = T.owner().post("/coupon-templates/" + id + "/issue", map("memberIds", List.of(a)), Coupons.key());
        assertEquals(200, first.status(), first::toString);
        Api.Res r = T.owner().with("Accept-Language", "zh-CN").post("/coupon-templates/" + id + "/issue", map("memberIds", List.of(a, b, c)));
        assertEquals(200, r.status(), r::toString);
        JsonNode results = r.json().get("results");
        assertEquals("limit_reached", results.get(0).get("reason").asText());
        assertEquals("已达每人限领数量", results.get(0).get("message").asText());
        assertEquals("issued", results.get(1).get("outcome").asText());
        assertEquals("stock_out", results.get(2).get("reason").asText());
        assertProblem(T.owner().post("/coupon-templates/" + id + "/issue", map("memberIds", List.of(Coupons.member(OTHER, Fixtures.uniquePhone())))), 404);
        JsonNode list = T.staff(T.storeIds().get(1)).get("/members/" + b + "/coupons").json();
        assertEquals(results.get(1).get("code").asText(), list.get("items").get(0).get("code").asText());
        assertEquals("available", list.get("items").get(0).get("state").asText());
        JsonNode counts = T.owner().get("/coupon-templates/" + id).json().get("counts");
        assertEquals(2, counts.get("issued").asInt());
        assertEquals(0, counts.get("remaining").asInt());
        assertProblem(OTHER.owner().get("/members/" + b + "/coupons"), 404);
    }

    @Test
    void check_saysWhy_inTheCashiersLanguage_andChangesNothing() {
        String id = Coupons.template(T, Coupons.amountOff(1000, 10000, 10, 1));
        Api me = Coupons.customer(T);
        String code = Coupons.claim(me, id).get("code").asText();
        Api cashier = T.staff(T.storeIds().get(0));
        Map<String, Object> basket = map("lines", List.of(map("gtin", "6901234567892", "quantity", 1, "unitPrice", 7550)));
        Api.Res zh = cashier.with("Accept-Language", "zh-CN").post("/coupons/check", map("code", code, "storeId", T.storeIds().get(0), "basket", basket));
        assertEquals(200, zh.status(), zh::toString);
        assertFalse(zh.json().get("applies").asBoolean());
        assertEquals("below_min_spend", zh.json().at("/reasons/0/code").asText());
        assertEquals(2450, zh.json().at("/reasons/0/short").asInt());
        assertTrue(zh.json().get("message").asText().contains("¥24.50"), zh::toString);
        Api.Res en = cashier.post("/coupons/check", map("code", code.toLowerCase(), "storeId", T.storeIds().get(0),
                "basket", map("lines", List.of(map("gtin", "6901234567892", "quantity", 2, "unitPrice", 7550)))));
        assertTrue(en.json().get("applies").asBoolean(), en::toString);
        assertEquals(1000, en.json().get("discount").asInt());
        assertTrue(en.json().get("message").asText().startsWith("Applies"), en::toString);
        assertEquals("available", me.get("/me/coupons").json().at("/items/0/state").asText());
    }

    @Test
    void aMistypedCode_isRefusedBeforeAnyLookup_andAnotherTenantsCodeIs404() {
        String id = Coupons.template(T, Coupons.amountOff(1000, 0, 10, 1));
        String code = Coupons.claim(Coupons.customer(T), id).get("code").asText();
        Api cashier = T.staff(T.storeIds().get(0));
        JsonNode p = assertProblem(cashier.post("/coupons/redeem", map("code", Coupons.mistyped(code), "storeId", T.storeIds().get(0))), 400);
        assertEquals("coupon.code_mistyped", p.get("code").asText());
        assertEquals("code", p.at("/errors/0/field").asText(), p::toString);
        assertEquals("coupon.code_mistyped", p.at("/errors/0/code").asText(), p::toString);
        assertEquals("coupon.code_malformed", assertProblem(cashier.post("/coupons/check",
                map("code", "O0I1", "storeId", T.storeIds().get(0))), 400).get("code").asText());
        assertProblem(cashier.post("/coupons/check", map("code", Coupons.unknownCode(), "storeId", T.storeIds().get(0))), 404);
        Api otherCashier = OTHER.staff(OTHER.storeIds().get(0));
        assertProblem(otherCashier.post("/coupons/redeem", map("code", code, "storeId", OTHER.storeIds().get(0))), 404);
        assertProblem(otherCashier.post("/coupons/check", map("code", code, "storeId", OTHER.storeIds().get(0))), 404);
        assertFieldErrors(cashier.post("/coupons/redeem", map("code", code, "storeId", T.storeIds().get(0), "orderId", "x y")), "orderId");
        assertEquals(0, T.owner().get("/coupon-templates/" + id).json().at("/counts/redeemed").asInt());
    }

    @Test
    void redeem_once_thenEveryTryIs409_andTheRedemptionRecordsStoreStaffOrderAndTime() {
        String store = T.storeIds().get(0);
        String id = Coupons.template(T, Map.of("name", "一店专用", "kind", "amount_off", "value", 500, "validDays", 30, "totalStock", 10,
                "perMemberLimit", 2, "storeIds", List.of(store)));
        Api me = Coupons.customer(T);
        String code = Coupons.claim(me, id).get("code").asText();
        Api cashier = T.staff(store);
        assertProblem(T.staff(T.storeIds().get(1)).post("/coupons/redeem", map("code", code, "storeId", store)), 404);
        assertEquals("coupon.not_in_store", assertProblem(T.owner().post("/coupons/redeem",
                map("code", code, "storeId", T.storeIds().get(1))), 422).get("code").asText());
        String key = Coupons.key();
        Api.Res ok = cashier.post("/coupons/redeem", map("code", code, "storeId", store, "orderId", "or_1"), key);
        assertEquals(200, ok.status(), ok::toString);
        assertEquals("redeemed", ok.json().get("state").asText());
        assertEquals(store, ok.json().at("/redemption/storeId").asText());
        assertEquals("or_1", ok.json().at("/redemption/orderId").asText());
        assertTrue(ok.json().at("/redemption/staff").asText().contains("@"));
        Api.Res replay = cashier.post("/coupons/redeem", map("code", code, "storeId", store, "orderId", "or_1"), key);
        assertEquals(200, replay.status());
        assertEquals("true", replay.header("Idempotent-Replayed"));
        assertEquals("coupon.used", assertProblem(cashier.post("/coupons/redeem", map("code", code, "storeId", store)), 409).get("code").asText());
        JsonNode mine = me.get("/me/coupons").json().at("/items/0");
        assertEquals("redeemed", mine.get("state").asText());
        assertFalse(mine.get("redemption").has("staff"));
        assertEquals(1, T.owner().get("/coupon-templates/" + id).json().at("/counts/redeemed").asInt());
        // a second coupon of one non-stackable template on the same order is refused
        String second = Coupons.claim(me, id).get("code").asText();
        assertEquals("coupon.not_stackable", assertProblem(cashier.post("/coupons/redeem",
                map("code", second, "storeId", store, "orderId", "or_1")), 409).get("code").asText());
    }

    @Test
    void anExpiredCoupon_is422() throws Exception {
        String to = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(2).toString();
        String id = Coupons.template(T, Map.of("name", "限时", "kind", "amount_off", "value", 500, "validTo", to, "totalStock", 10, "perMemberLimit", 1));
        Api me = Coupons.customer(T);
        String code = Coupons.claim(me, id).get("code").asText();
        Thread.sleep(2_500);
        JsonNode p = assertProblem(T.owner().post("/coupons/redeem", map("code", code, "storeId", T.storeIds().get(0))), 422);
        assertEquals("coupon.expired", p.get("code").asText());
        assertEquals("expired", me.get("/me/coupons").json().at("/items/0/state").asText());
        assertEquals(1, T.owner().get("/coupon-templates/" + id).json().at("/counts/expired").asInt());
        assertEquals("ended", T.owner().get("/coupon-templates/" + id).json().get("status").asText());
        assertProblem(me.post("/me/coupons", map("templateId", id)), 422);
    }

    @Test
    void claim_honoursTheIdempotencyKey_andTheCentreShowsWhatIsLeft() {
        String id = Coupons.template(T, Coupons.amountOff(300, 0, 5, 2));
        Api me = Coupons.customer(T);
        JsonNode offer = null;
        for (JsonNode o : me.get("/me/coupon-centre").json().get("items")) if (o.get("templateId").asText().equals(id)) offer = o;
        assertTrue(offer != null && offer.get("claimable").asBoolean());
        String key = Coupons.key();
        Api.Res a = me.post("/me/coupons", map("templateId", id), key);
        Api.Res b = me.post("/me/coupons", map("templateId", id), key);
        assertEquals(201, a.status(), a::toString);
        assertEquals(a.json().get("code"), b.json().get("code"));
        assertEquals(1, T.owner().get("/coupon-templates/" + id).json().at("/counts/claimed").asInt());
        assertProblem(me.post("/me/coupons", map("templateId", "ct_other"), key), 422);        // same key, another body
        Coupons.claim(me, id);
        assertEquals("coupon.limit_reached", assertProblem(me.post("/me/coupons", map("templateId", id)), 422).get("code").asText());
        String foreign = Coupons.template(OTHER, Coupons.amountOff(300, 0, 5, 2));
        assertProblem(me.post("/me/coupons", map("templateId", foreign)), 404);
        assertProblem(T.owner().post("/me/coupons", map("templateId", id)), 403);
    }

    @Test
    void void_oneOrAll_withAReason() {
        String id = Coupons.template(T, Coupons.amountOff(300, 0, 5, 3));
        Api me = Coupons.customer(T);
        String one = Coupons.claim(me, id).get("code").asText();
        String two = Coupons.claim(me, id).get("code").asText();
        Coupons.claim(me, id);
        Api.Res v = T.owner().post("/coupons/void", map("code", one, "reason", "顾客投诉补发错误"));
        assertEquals(200, v.status(), v::toString);
        assertEquals("void", v.json().get("state").asText());
        assertProblem(T.staff(T.storeIds().get(0)).post("/coupons/void", map("code", two, "reason", "x")), 403);
        T.owner().post("/coupons/redeem", map("code", two, "storeId", T.storeIds().get(0)));
        Api.Res all = T.owner().post("/coupon-templates/" + id + "/void", map("reason", "活动取消"));
        assertEquals(200, all.status(), all::toString);
        assertEquals(1, all.json().get("voided").asInt());
        assertEquals(2, all.json().at("/template/counts/voided").asInt());
        assertEquals("stopped", all.json().at("/template/status").asText());
        assertEquals("coupon.void", assertProblem(T.owner().post("/coupons/redeem", map("code", one, "storeId", T.storeIds().get(0))), 409)
                .get("code").asText());
        assertEquals("coupon.used", assertProblem(T.owner().post("/coupons/void", map("code", two, "reason", "x")), 409).get("code").asText());
    }
}
