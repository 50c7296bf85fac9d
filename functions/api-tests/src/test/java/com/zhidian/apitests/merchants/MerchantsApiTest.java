package com.zhidian.apitests.merchants;

import static com.zhidian.apitests.merchants.MerchantsFixture.ok;
import static com.zhidian.apitests.support.Api.map;
import static com.zhidian.apitests.support.Problems.assertFieldErrors;
import static com.zhidian.apitests.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Merchants and counters: CRUD, the licence check, department stores only, roles and tenant isolation. */
class MerchantsApiTest {
    static final Fixtures.TenantFixture T = Fixtures.newTenant("standard");
    static final Fixtures.TenantFixture OTHER = Fixtures.newTenant("standard");

    @Test
    void theOwnerAddsAMerchant_readsItBack_andChangesItsContact_withACleanRecord() {
        Map<String, Object> body = MerchantsFixture.merchantBody("雅戈尔专柜");
        Api.Res created = T.owner().post("/merchants", body);
        JsonNode m = ok(created, 201);
        String id = m.get("merchantId").asText();
        assertEquals("/merchants/" + id, created.header("Location"));
        assertEquals(body.get("licenceNo"), m.get("licenceNo").asText());
        assertEquals(100, m.at("/credit/score").asInt());
        assertEquals("A", m.at("/credit/grade").asText());
        assertEquals(0, m.at("/credit/complaints/total").asInt());

        JsonNode read = ok(T.owner().get("/merchants/" + id), 200);
        assertEquals("雅戈尔专柜", read.get("name").asText());
        JsonNode changed = ok(T.owner().patch("/merchants/" + id, map("contactName", "周经理", "category", "男装")), 200);
        assertEquals("周经理", changed.get("contactName").asText());
        assertEquals("男装", changed.get("category").asText());
        assertEquals(body.get("licenceNo"), changed.get("licenceNo").asText(), "the licence stays");

        boolean listed = false;
        String cursor = null;
        do {
            JsonNode page = ok(T.owner().get("/merchants?limit=1" + (cursor == null ? "" : "&cursor=" + MerchantsFixture.enc(cursor))), 200);
            for (JsonNode it : page.get("items")) listed |= id.equals(it.get("merchantId").asText());
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (cursor != null);
        assertTrue(listed, "the list pages reach the merchant");
    }

    @Test
    void aWrongCheckCharacter_is400NamingLicenceNo_andNothingIsWritten() {
        Map<String, Object> body = MerchantsFixture.merchantBody("错码商户");
        String good = (String) body.get("licenceNo");
        body.put("licenceNo", MerchantsFixture.wrongCheck(good));
        Api.Res r = T.owner().post("/merchants", body);
        JsonNode p = assertProblem(r, 400);
        assertFieldErrors(r, "licenceNo");
        assertEquals("check_character", p.at("/errors/0/code").asText(), p.toString());
        // the same code with its right check character is accepted: nothing of the refused one was kept
        body.put("licenceNo", good);
        ok(T.owner().post("/merchants", body), 201);
    }

    @Test
    void badInput_isNamedFieldByField() {
        Map<String, Object> bad = map("name", "", "licenceNo", "91350100M000100Y4", "category", 5, "contactName", "陈", "contactPhone", "12345",
                "extra", "x");
        Api.Res r = T.owner().post("/merchants", bad);
        assertProblem(r, 400);
        assertFieldErrors(r, "name", "licenceNo", "category", "contactPhone", "extra");
        Api.Res lower = T.owner().post("/merchants", withLicence("91350100m000100y43"));
        assertFieldErrors(lower, "licenceNo");
        assertFieldErrors(T.owner().post("/merchants", map()), "name", "licenceNo", "category", "contactName", "contactPhone");
        String id = MerchantsFixture.merchant(T, "空改商户");
        assertProblem(T.owner().patch("/merchants/" + id, map()), 400);
        assertFieldErrors(T.owner().patch("/merchants/" + id, map("licenceNo", MerchantsFixture.licence())), "licenceNo");
        assertFieldErrors(T.owner().patch("/merchants/" + id, map("contactPhone", "110")), "contactPhone");
        Api.Res text = T.owner().send("POST", "/merchants", "name=x", null, "text/plain");
        assertProblem(text, 415);
        Map<String, Object> big = MerchantsFixture.merchantBody("x".repeat(10));
        big.put("name", "大".repeat(300_000));
        assertProblem(T.owner().post("/merchants", big), 413);
    }

    private static Map<String, Object> withLicence(String licence) {
        Map<String, Object> b = new HashMap<>(MerchantsFixture.merchantBody("小写"));
        b.put("licenceNo", licence);
        return b;
    }

    @Test
    void aLicenceIsOneMerchant_perTenant() {
        Map<String, Object> body = MerchantsFixture.merchantBody("重复甲");
        ok(T.owner().post("/merchants", body), 201);
        body.put("name", "重复乙");
        assertEquals("merchant.licence_taken", assertProblem(T.owner().post("/merchants", body), 409).get("code").asText());
        // another tenant may host the same merchant
        ok(OTHER.owner().post("/merchants", body), 201);
    }

    @Test
    void countersAreForDepartmentStores_ofTheTenantsOwnMerchants() {
        String merchant = MerchantsFixture.merchant(T, "百丽专柜");
        String convenience = T.storeIds().get(0);
        Api.Res notDept = T.owner().post("/stores/" + convenience + "/counters", map("merchantId", merchant, "floor", "1F", "location", "A1"));
        assertEquals("counter.not_department_store", assertProblem(notDept, 409).get("code").asText());

        String dept = MerchantsFixture.departmentStore(T);
        JsonNode c = ok(T.owner().post("/stores/" + dept + "/counters", map("merchantId", merchant, "floor", "2F", "location", "南区 2-05"),
                UUID.randomUUID().toString()), 201);
        assertEquals(dept, c.get("storeId").asText());
        assertTrue(c.get("creditToken").asText().startsWith(T.tenantId() + "."), "the QR's token names the tenant");
        JsonNode list = ok(T.owner().get("/stores/" + dept + "/counters"), 200);
        assertEquals(1, list.get("items").size());
        assertEquals(c.get("counterId").asText(), list.at("/items/0/counterId").asText());

        String foreignMerchant = MerchantsFixture.merchant(OTHER, "外店商户");
        Api.Res r = T.owner().post("/stores/" + dept + "/counters", map("merchantId", foreignMerchant, "floor", "2F", "location", "x"));
        assertEquals("counter.unknown_merchant", assertProblem(r, 400).get("code").asText());
        assertFieldErrors(r, "merchantId");
        assertFieldErrors(T.owner().post("/stores/" + dept + "/counters", map("merchantId", "bad id!", "floor", "", "location", 3)),
                "merchantId", "floor", "location");
        assertProblem(T.owner().post("/stores/" + OTHER.storeIds().get(0) + "/counters", map("merchantId", merchant, "floor", "1F", "location", "x")), 404);
    }

    @Test
    void anotherTenantsMerchantsAndCounters_areNotFound() {
        String mine = MerchantsFixture.merchant(T, "本店商户");
        assertEquals("merchant.not_found", assertProblem(OTHER.owner().get("/merchants/" + mine), 404).get("code").asText());
        assertProblem(OTHER.owner().patch("/merchants/" + mine, map("name", "改名")), 404);
        assertEquals("本店商户", ok(T.owner().get("/merchants/" + mine), 200).get("name").asText(), "unchanged");
        String dept = MerchantsFixture.departmentStore(T);
        assertProblem(OTHER.owner().get("/stores/" + dept + "/counters"), 404);
    }

    @Test
    void staffRead_butOnlyTheOwnerChanges() {
        String dept = MerchantsFixture.departmentStore(T);
        Api staff = T.staff(dept);
        String id = MerchantsFixture.merchant(T, "员工可见");
        ok(staff.get("/merchants/" + id), 200);
        ok(staff.get("/stores/" + dept + "/counters"), 200);
        assertProblem(staff.post("/merchants", MerchantsFixture.merchantBody("员工不可建")), 403);
        assertProblem(staff.patch("/merchants/" + id, map("name", "x")), 403);
        assertProblem(staff.post("/stores/" + dept + "/counters", map("merchantId", id, "floor", "1F", "location", "x")), 403);
        assertProblem(staff.get("/stores/" + T.storeIds().get(0) + "/counters"), 404);
        assertEquals(401, Fixtures.anonymous().get("/merchants").status());
    }
}
