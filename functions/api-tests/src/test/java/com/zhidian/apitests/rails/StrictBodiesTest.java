package com.zhidian.apitests.rails;

import static com.zhidian.apitests.support.Api.map;
import static com.zhidian.apitests.support.Problems.assertFieldErrors;
import static com.zhidian.apitests.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Bodies mean one thing or are refused: duplicate keys, bytes that are not UTF-8, names that display as something else. */
class StrictBodiesTest {

    @Test
    void duplicateKey_is400_andNothingMoves() {
        Fixtures.TenantFixture t = Fixtures.newTenant("basic", 1);
        String id = enrol(t, Fixtures.uniquePhone());
        Api.Res r = t.owner().post("/members/" + id + "/points/adjust", "{\"delta\":1,\"delta\":1000,\"reason\":\"x\"}", UUID.randomUUID().toString());
        assertProblem(r, 400);
        assertEquals(0, t.owner().get("/members/" + id + "/points").json().get("balance").asLong());
    }

    @Test
    void bodyNotUtf8_is400_andNoMemberIsMade() throws Exception {
        Fixtures.TenantFixture t = Fixtures.newTenant("basic", 1);
        String phone = Fixtures.uniquePhone();
        byte[] head = ("{\"phone\":\"" + phone + "\",\"storeId\":\"" + t.storeIds().get(0) + "\",\"name\":\"").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + 4];
        System.arraycopy(head, 0, body, 0, head.length);
        body[head.length] = (byte) 0xff;
        body[head.length + 1] = (byte) 0xfe;
        body[head.length + 2] = '"';
        body[head.length + 3] = '}';
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(t.owner().base() + "/members"))
                .header("Authorization", "Bearer " + t.owner().token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/problem+json"));
        assertEquals(0, t.owner().get("/members?phone=" + URLEncoder.encode(phone, StandardCharsets.UTF_8)).json().get("items").size());
    }

    @Test
    void bidiOverrideInAName_is400() {
        Fixtures.TenantFixture t = Fixtures.newTenant("basic", 1);
        assertFieldErrors(t.owner().post("/members", map("phone", Fixtures.uniquePhone(), "name", "张\u202e三", "storeId", t.storeIds().get(0))), "name");
    }

    @Test
    void sameKey_sameFieldsInAnotherOrder_replaysTheFirstAnswer() {
        Fixtures.TenantFixture t = Fixtures.newTenant("basic", 1);
        String id = enrol(t, Fixtures.uniquePhone());
        String key = UUID.randomUUID().toString();
        Api.Res first = t.owner().post("/members/" + id + "/points/adjust", "{\"delta\":7,\"reason\":\"补录\"}", key);
        Api.Res again = t.owner().post("/members/" + id + "/points/adjust", "{\"reason\":\"补录\",\"delta\":7}", key);
        assertEquals(first.status(), again.status(), again::toString);
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(first.json(), again.json());
        assertEquals(7, t.owner().get("/members/" + id + "/points").json().get("balance").asLong());
    }

    @Test
    void customersChange_isAuditedByMemberId_notByPhone() {
        Fixtures.TenantFixture t = Fixtures.newTenant("basic", 1);
        String phone = Fixtures.uniquePhone();
        String id = enrol(t, phone);
        Api.Res login = Fixtures.anonymous().post("/local/auth/login", map("tenantId", t.tenantId(), "phone", phone, "otp", "000000"));
        Api customer = t.owner().as(login.json().get("idToken").asText());
        assertEquals(200, customer.put("/me/consents/marketing_push", map("granted", true, "channel", "h5")).status());
        JsonNode entry = t.owner().get("/audit").json().get("items").get(0);
        assertEquals("PUT /me/consents/{purpose}", entry.get("action").asText());
        assertEquals("member:" + id, entry.get("actor").asText());
        assertFalse(t.owner().get("/audit").text().contains(phone), "no audit entry holds the phone number");
    }

    @Test
    void localLogin_unknownFieldOrNumericName_is400() {
        assertFieldErrors(Fixtures.anonymous().post("/local/auth/login", map("username", "owner@x.test", "password", "p", "remember", true)), "remember");
        assertFieldErrors(Fixtures.anonymous().post("/local/auth/login", map("username", 12345, "password", "p")), "username");
    }

    private static String enrol(Fixtures.TenantFixture t, String phone) {
        Api.Res r = t.owner().post("/members", map("phone", phone, "name", "张三", "storeId", t.storeIds().get(0)));
        assertEquals(201, r.status(), r::toString);
        return r.json().get("memberId").asText();
    }
}
