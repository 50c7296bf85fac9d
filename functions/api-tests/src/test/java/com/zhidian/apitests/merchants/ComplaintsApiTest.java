package com.zhidian.apitests.merchants;

import static com.zhidian.apitests.merchants.MerchantsFixture.enc;
import static com.zhidian.apitests.merchants.MerchantsFixture.ok;
import static com.zhidian.apitests.support.Api.map;
import static com.zhidian.apitests.support.Problems.assertFieldErrors;
import static com.zhidian.apitests.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import com.zhidian.apitests.support.TenantSessions;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The complaints workflow in the business's words: a customer scans the counter's QR, reads its credit page, files a
 * complaint, follows it; the store records the merchant's answer, mediates and closes it; the rating follows.
 */
class ComplaintsApiTest {
    static final Fixtures.TenantFixture T = Fixtures.newTenant("standard");
    static final Fixtures.TenantFixture OTHER = Fixtures.newTenant("standard");

    static Api.Res credit(JsonNode counter, String token) {
        return Fixtures.anonymous().get("/credit/" + counter.get("counterId").asText() + (token == null ? "" : "?t=" + enc(token)));
    }

    static Api.Res track(String complaintId, String token) {
        return Fixtures.anonymous().get("/credit/complaints/" + complaintId + (token == null ? "" : "?t=" + enc(token)));
    }

    static JsonNode step(Api who, String complaintId, Map<String, Object> body) {
        return ok(who.post("/complaints/" + complaintId + "/steps", body, UUID.randomUUID().toString()), 200);
    }

    @Test
    void aComplaint_fromQrScanToClosed_upheld_lowersTheMerchantsRating() {
        String store = MerchantsFixture.departmentStore(T);
        String merchant = MerchantsFixture.merchant(T, "丝绸之路专柜");
        JsonNode counter = MerchantsFixture.counter(T, store, merchant);
        Api staff = T.staff(store);

        JsonNode page = ok(credit(counter, counter.get("creditToken").asText()), 200);
        assertEquals("丝绸之路专柜", page.get("merchantName").asText());
        assertEquals(100, page.at("/credit/score").asInt());
        assertEquals("东区 3-12", page.get("location").asText());

        String phone = Fixtures.uniquePhone();
        JsonNode filed = ok(MerchantsFixture.file(counter, MerchantsFixture.complaintBody(phone)), 201);
        String id = filed.get("complaintId").asText();
        String tracking = filed.get("trackingToken").asText();
        assertEquals("received", filed.get("status").asText());
        JsonNode tracked = ok(track(id, tracking), 200);
        assertEquals("received", tracked.get("status").asText());
        assertFalse(tracked.toString().contains(phone), "the tracking page does not show the phone");

        JsonNode inbox = ok(staff.get("/complaints?status=received"), 200);
        assertTrue(inbox.get("items").toString().contains(id), "staff of the store see it in the inbox");
        assertEquals(phone, ok(staff.get("/complaints/" + id), 200).get("phone").asText(), "staff see the phone to call back");

        step(staff, id, map("action", "answer", "note", "商户同意退货"));
        step(staff, id, map("action", "mediate", "note", "约顾客周六到店"));
        JsonNode closed = step(T.owner(), id, map("action", "close", "outcome", "upheld", "note", "已退货退款"));
        assertEquals("closed", closed.get("status").asText());
        assertEquals("upheld", closed.get("outcome").asText());
        List<String> actions = List.of("received", "answered", "mediating", "closed");
        for (int i = 0; i < actions.size(); i++) {
            assertEquals(actions.get(i), closed.at("/steps/" + i + "/action").asText());
            assertFalse(closed.at("/steps/" + i + "/at").asText().isEmpty());
        }
        assertEquals("customer", closed.at("/steps/0/by").asText());
        assertTrue(closed.at("/steps/1/by").asText().contains("@"), "the staff login that recorded the answer: " + closed);
        assertFalse(closed.get("late").asBoolean());

        JsonNode after = ok(track(id, tracking), 200);
        assertEquals("closed", after.get("status").asText());
        assertEquals("upheld", after.get("outcome").asText());
        assertEquals("store", after.at("/steps/1/by").asText(), "the customer sees the store, not the login");
        assertEquals("商户同意退货", after.at("/steps/1/note").asText());

        JsonNode credit = ok(credit(counter, counter.get("creditToken").asText()), 200).get("credit");
        assertEquals(87, credit.get("score").asInt(), "100 - 15 for a recent upheld complaint + 2 for closing it in time");
        assertEquals("B", credit.get("grade").asText());
        assertEquals(1, credit.at("/complaints/upheld").asInt());
        assertEquals(87, ok(T.owner().get("/merchants/" + merchant), 200).at("/credit/score").asInt(), "the portal shows the same rating");
    }

    @Test
    void theRating_isSharedAcrossTheTenantsStores() {
        String merchant = MerchantsFixture.merchant(T, "两店同柜");
        JsonNode c1 = MerchantsFixture.counter(T, MerchantsFixture.departmentStore(T), merchant);
        JsonNode c2 = MerchantsFixture.counter(T, MerchantsFixture.departmentStore(T), merchant);
        String id = MerchantsFixture.complaint(c1).get("complaintId").asText();
        step(T.owner(), id, map("action", "answer", "note", "x"));
        step(T.owner(), id, map("action", "mediate"));
        step(T.owner(), id, map("action", "close", "outcome", "partly"));
        JsonNode other = ok(credit(c2, c2.get("creditToken").asText()), 200).get("credit");
        assertEquals(1, other.at("/complaints/partly").asInt(), "the other store's counter shows the same record");
        assertEquals(94, other.get("score").asInt(), "100 - 8 + 2");
    }

    @Test
    void illegalSteps_are409_andChangeNothing() {
        JsonNode counter = MerchantsFixture.counter(T, MerchantsFixture.departmentStore(T), MerchantsFixture.merchant(T, "乱序商户"));
        String id = MerchantsFixture.complaint(counter).get("complaintId").asText();
        JsonNode p = assertProblem(T.owner().post("/complaints/" + id + "/steps", map("action", "mediate")), 409);
        assertEquals("complaint.illegal_step", p.get("code").asText());
        assertEquals("complaint.illegal_step",
                assertProblem(T.owner().post("/complaints/" + id + "/steps", map("action", "close", "outcome", "upheld")), 409).get("code").asText());
        assertEquals(1, ok(T.owner().get("/complaints/" + id), 200).get("steps").size(), "nothing recorded");
        step(T.owner(), id, map("action", "answer", "note", "商户已回复"));
        assertProblem(T.owner().post("/complaints/" + id + "/steps", map("action", "answer", "note", "again")), 409);
        JsonNode w = step(T.owner(), id, map("action", "close", "outcome", "withdrawn", "note", "顾客撤回"));
        assertEquals("withdrawn", w.get("outcome").asText());
        for (Map<String, Object> b : List.<Map<String, Object>>of(map("action", "answer", "note", "x"), map("action", "mediate"),
                map("action", "close", "outcome", "rejected"))) {
            assertEquals("complaint.illegal_step", assertProblem(T.owner().post("/complaints/" + id + "/steps", b), 409).get("code").asText());
        }
        assertEquals(3, ok(T.owner().get("/complaints/" + id), 200).get("steps").size());
    }

    @Test
    void aStepReplayedWithItsIdempotencyKey_isRecordedOnce() {
        JsonNode counter = MerchantsFixture.counter(T, MerchantsFixture.departmentStore(T), MerchantsFixture.merchant(T, "重放商户"));
        String id = MerchantsFixture.complaint(counter).get("complaintId").asText();
        String key = UUID.randomUUID().toString();
        Api.Res first = T.owner().post("/complaints/" + id + "/steps", map("action", "answer", "note", "回复"), key);
        Api.Res again = T.owner().post("/complaints/" + id + "/steps", map("action", "answer", "note", "回复"), key);
        assertEquals(200, first.status(), first.toString());
        assertEquals(200, again.status(), again.toString());
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(2, ok(T.owner().get("/complaints/" + id), 200).get("steps").size());
    }

    @Test
    void badInput_onEveryRoute_isNamed() {
        JsonNode counter = MerchantsFixture.counter(T, MerchantsFixture.departmentStore(T), MerchantsFixture.merchant(T, "坏输入商户"));
        Map<String, Object> bad = map("what", "短", "happenedAt", "yesterday", "reference", "a b", "phone", "123", "photo", "x");
        Api.Res r = MerchantsFixture.file(counter, bad);
        assertFieldErrors(r, "what", "happenedAt", "reference", "phone", "photo");
        Map<String, Object> future = new HashMap<>(MerchantsFixture.complaintBody(Fixtures.uniquePhone()));
        future.put("happenedAt", Instant.now().plusSeconds(86_400).toString());
        assertFieldErrors(MerchantsFixture.file(counter, future), "happenedAt");
        assertFieldErrors(MerchantsFixture.file(counter, map()), "what", "happenedAt", "phone");
        String id = MerchantsFixture.complaint(counter).get("complaintId").asText();
        assertFieldErrors(T.owner().post("/complaints/" + id + "/steps", map("action", "escalate")), "action");
        assertFieldErrors(T.owner().post("/complaints/" + id + "/steps", map("action", "answer")), "note");
        assertFieldErrors(T.owner().post("/complaints/" + id + "/steps", map("action", "answer", "note", "x", "outcome", "upheld")), "outcome");
        assertFieldErrors(T.owner().post("/complaints/" + id + "/steps", map("action", "close")), "outcome");
        assertFieldErrors(T.owner().post("/complaints/" + id + "/steps", map("action", "close", "outcome", "maybe")), "outcome");
        assertProblem(T.owner().get("/complaints?status=lost"), 400);
        assertProblem(T.owner().get("/complaints?limit=0"), 400);
        assertProblem(T.owner().send("POST", "/complaints/" + id + "/steps", "action=answer", null, "text/plain"), 415);
        assertEquals(1, ok(T.owner().get("/complaints/" + id), 200).get("steps").size(), "no bad request wrote a step");
    }

    @Test
    void anotherTenantsComplaints_andAnotherStoresForStaff_areNotFound() {
        String store = MerchantsFixture.departmentStore(T);
        JsonNode counter = MerchantsFixture.counter(T, store, MerchantsFixture.merchant(T, "隔离商户"));
        String id = MerchantsFixture.complaint(counter).get("complaintId").asText();
        assertEquals("complaint.not_found", assertProblem(OTHER.owner().get("/complaints/" + id), 404).get("code").asText());
        assertProblem(OTHER.owner().post("/complaints/" + id + "/steps", map("action", "answer", "note", "x")), 404);
        assertFalse(ok(OTHER.owner().get("/complaints"), 200).toString().contains(id));
        Api otherStoreStaff = T.staff(T.storeIds().get(0));
        assertProblem(otherStoreStaff.get("/complaints/" + id), 404);
        assertProblem(otherStoreStaff.post("/complaints/" + id + "/steps", map("action", "answer", "note", "x")), 404);
        assertFalse(ok(otherStoreStaff.get("/complaints"), 200).toString().contains(id), "staff's inbox holds their stores' only");
        assertProblem(otherStoreStaff.get("/complaints?storeId=" + store), 404);
        assertEquals(1, ok(T.owner().get("/complaints/" + id), 200).get("steps").size(), "unchanged");
    }

    @Test
    void theDeadlineJob_flagsAnUnansweredComplaintOnce_andTheLateAnswerCosts() throws Exception {
        JsonNode counter = MerchantsFixture.counter(T, MerchantsFixture.departmentStore(T), MerchantsFixture.merchant(T, "迟复商户"));
        String id = MerchantsFixture.complaint(counter).get("complaintId").asText();
        String onTime = MerchantsFixture.complaint(counter).get("complaintId").asText();
        pastDeadline(id);
        Api anon = Fixtures.anonymous();
        assertEquals(200, anon.post("/local/schedules/ComplaintDeadlineFunction", null).status());
        JsonNode c = ok(T.owner().get("/complaints/" + id), 200);
        assertTrue(c.get("late").asBoolean(), c.toString());
        assertEquals("deadline_missed", c.at("/steps/1/action").asText());
        assertEquals("system", c.at("/steps/1/by").asText());
        assertFalse(ok(T.owner().get("/complaints/" + onTime), 200).get("late").asBoolean(), "one still in time is left alone");
        assertEquals(200, anon.post("/local/schedules/ComplaintDeadlineFunction", null).status());
        assertEquals(2, ok(T.owner().get("/complaints/" + id), 200).get("steps").size(), "flagged once");
        JsonNode credit = ok(credit(counter, counter.get("creditToken").asText()), 200).get("credit");
        assertEquals(95, credit.get("score").asInt(), "a late answer costs 5");
        assertEquals(1, credit.at("/complaints/lateAnswers").asInt());
        JsonNode answered = step(T.owner(), id, map("action", "answer", "note", "迟到的回复"));
        assertTrue(answered.get("late").asBoolean());
    }

    /** Moves the complaint's deadline into the past, as if three days had gone by (the functions' clock is the real one). */
    private static void pastDeadline(String complaintId) throws Exception {
        try (TenantSessions sessions = new TenantSessions()) {
            DynamoDbClient db = sessions.asTenant(T.tenantId());
            Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("T#" + T.tenantId() + "#COMPLAINT"), "sk", AttributeValue.fromS(complaintId));
            Map<String, AttributeValue> item = new HashMap<>(db.getItem(b -> b.tableName(sessions.tableName()).key(key)).item());
            ObjectNode doc = (ObjectNode) Api.JSON.readTree(item.get("doc").s());
            String past = Instant.now().minusSeconds(60).toString();
            doc.put("answerBy", past);
            item.put("doc", AttributeValue.fromS(doc.toString()));
            String sk = item.get("gsi2sk").s();
            item.put("gsi2sk", AttributeValue.fromS(past + sk.substring(sk.indexOf('#'))));
            db.putItem(b -> b.tableName(sessions.tableName()).item(item));
        }
    }
}
