package com.zhidian.apitests.merchants;

import static com.zhidian.apitests.merchants.MerchantsFixture.enc;
import static com.zhidian.apitests.merchants.MerchantsFixture.ok;
import static com.zhidian.apitests.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The public credit pages (no sign-in): what they show, what they must never show, and that only the token signed
 * for that very counter or complaint opens them.
 */
class CreditPagePublicTest {
    static final Fixtures.TenantFixture T = Fixtures.newTenant("standard");
    static final Fixtures.TenantFixture OTHER = Fixtures.newTenant("standard");

    @Test
    void theCreditPage_showsTheMerchantAndItsRecord_andNothingOfCustomersOrOtherMerchants() {
        String store = MerchantsFixture.departmentStore(T);
        JsonNode ours = MerchantsFixture.counter(T, store, MerchantsFixture.merchant(T, "本柜商户"));
        JsonNode neighbour = MerchantsFixture.counter(T, store, MerchantsFixture.merchant(T, "邻柜商户"));
        String phone = Fixtures.uniquePhone();
        String neighbourPhone = Fixtures.uniquePhone();
        ok(MerchantsFixture.file(ours, MerchantsFixture.complaintBody(phone)), 201);
        ok(MerchantsFixture.file(neighbour, MerchantsFixture.complaintBody(neighbourPhone)), 201);
        JsonNode merchant = ok(T.owner().get("/merchants/" + ours.get("merchantId").asText()), 200);

        Api.Res r = Fixtures.anonymous().get("/credit/" + ours.get("counterId").asText() + "?t=" + enc(ours.get("creditToken").asText()));
        JsonNode page = ok(r, 200);
        assertEquals(Set.of("counterId", "storeName", "floor", "location", "merchantName", "licenceNo", "category", "credit"), fields(page));
        assertEquals("本柜商户", page.get("merchantName").asText());
        assertEquals(merchant.get("licenceNo").asText(), page.get("licenceNo").asText());
        assertEquals(1, page.at("/credit/complaints/total").asInt());
        assertEquals(1, page.at("/credit/complaints/open").asInt());
        for (String hidden : List.of(phone, neighbourPhone, merchant.get("contactPhone").asText(), merchant.get("contactName").asText(),
                "邻柜商户", neighbour.get("counterId").asText(), "complaintId", "what", T.tenantId())) {
            assertFalse(r.text().contains(hidden), hidden + " is not on the public page: " + r.text());
        }
    }

    @Test
    void aMissingWrongOrBorrowedToken_is404_asForAnUnknownCounter() {
        String store = MerchantsFixture.departmentStore(T);
        JsonNode c = MerchantsFixture.counter(T, store, MerchantsFixture.merchant(T, "令牌商户"));
        JsonNode other = MerchantsFixture.counter(T, store, MerchantsFixture.merchant(T, "他柜商户"));
        JsonNode foreign = MerchantsFixture.counter(OTHER, MerchantsFixture.departmentStore(OTHER), MerchantsFixture.merchant(OTHER, "外户商户"));
        String t = c.get("creditToken").asText();
        String mac = t.substring(t.lastIndexOf('.') + 1);
        JsonNode filed = MerchantsFixture.complaint(c);
        String id = c.get("counterId").asText();
        List<String> bad = List.of("", "x", t + "x", T.tenantId() + ".", "." + mac, other.get("creditToken").asText(),
                foreign.get("creditToken").asText(), OTHER.tenantId() + "." + mac, filed.get("trackingToken").asText(), "a".repeat(300));
        for (String b : bad) {
            Api.Res r = Fixtures.anonymous().get("/credit/" + id + "?t=" + enc(b));
            assertEquals("counter.not_found", assertProblem(r, 404).get("code").asText(), "token " + b);
            Api.Res f = Fixtures.anonymous().post("/credit/" + id + "/complaints?t=" + enc(b), MerchantsFixture.complaintBody(Fixtures.uniquePhone()));
            assertEquals("counter.not_found", assertProblem(f, 404).get("code").asText(), "token " + b);
        }
        assertProblem(Fixtures.anonymous().get("/credit/" + id), 404);
        // the tracking token opens the complaint only, and the counter's token never opens a complaint
        String cid = filed.get("complaintId").asText();
        ok(Fixtures.anonymous().get("/credit/complaints/" + cid + "?t=" + enc(filed.get("trackingToken").asText())), 200);
        assertEquals("complaint.not_found", assertProblem(Fixtures.anonymous().get("/credit/complaints/" + cid + "?t=" + enc(t)), 404).get("code").asText());
        assertProblem(Fixtures.anonymous().get("/credit/complaints/" + cid), 404);
        assertEquals(1, ok(T.owner().get("/complaints?storeId=" + store), 200).get("items").size(), "no refused filing was kept");
    }

    @Test
    void theTrackingPage_showsProgress_butNotThePhoneOrStaffLogins() {
        JsonNode c = MerchantsFixture.counter(T, MerchantsFixture.departmentStore(T), MerchantsFixture.merchant(T, "跟踪商户"));
        String phone = Fixtures.uniquePhone();
        JsonNode filed = ok(MerchantsFixture.file(c, MerchantsFixture.complaintBody(phone)), 201);
        String id = filed.get("complaintId").asText();
        ok(T.owner().post("/complaints/" + id + "/steps", Api.map("action", "answer", "note", "已联系顾客")), 200);
        Api.Res r = Fixtures.anonymous().get("/credit/complaints/" + id + "?t=" + enc(filed.get("trackingToken").asText()));
        JsonNode tr = ok(r, 200);
        assertEquals("answered", tr.get("status").asText());
        assertEquals("跟踪商户", tr.get("merchantName").asText());
        for (String hidden : List.of(phone, T.ownerEmail(), "trackingToken", "storeId", "merchantId")) {
            assertFalse(r.text().contains(hidden), hidden + " is not on the tracking page: " + r.text());
        }
    }

    private static Set<String> fields(JsonNode n) {
        Set<String> s = new java.util.HashSet<>();
        n.fieldNames().forEachRemaining(s::add);
        return s;
    }
}
