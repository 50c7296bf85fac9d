package com.zhidian.apitests.merchants;

import static com.zhidian.apitests.support.Api.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;

/** Merchants, counters and complaints made through the API, as the owner and a customer would. */
public final class MerchantsFixture {
    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final SecureRandom RND = new SecureRandom();

    private MerchantsFixture() {}

    /** A fresh unified social credit code with the right check character (written here from GB 32100, not the main code's). */
    public static String licence() {
        StringBuilder b = new StringBuilder("9131");
        while (b.length() < 17) b.append(ALPHABET.charAt(RND.nextInt(31)));
        return b.toString() + check(b.toString());
    }

    static char check(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        int c = (31 - sum % 31) % 31;
        return ALPHABET.charAt(c);
    }

    /** The same code with a wrong check character. */
    static String wrongCheck(String licence) {
        char right = licence.charAt(17);
        char wrong = ALPHABET.charAt((ALPHABET.indexOf(right) + 1) % 31);
        return licence.substring(0, 17) + wrong;
    }

    public static Map<String, Object> merchantBody(String name) {
        return map("name", name, "licenceNo", licence(), "category", "女装", "contactName", "陈经理", "contactPhone", Fixtures.uniquePhone());
    }

    public static String merchant(Fixtures.TenantFixture t, String name) {
        return ok(t.owner().post("/merchants", merchantBody(name)), 201).get("merchantId").asText();
    }

    /** A department store of the tenant (made through POST /stores). */
    public static String departmentStore(Fixtures.TenantFixture t) {
        return ok(t.owner().post("/stores", map("name", "百货 " + System.nanoTime(), "format", "department", "address", "上海市静安区南京西路1号")), 201)
                .get("storeId").asText();
    }

    /** A counter of a new merchant in the store (made a department store first if it is not one). */
    public static JsonNode counter(Fixtures.TenantFixture t, String storeId, String merchantId) {
        JsonNode store = ok(t.owner().get("/stores/" + storeId), 200);
        if (!"department".equals(store.get("format").asText())) ok(t.owner().patch("/stores/" + storeId, map("format", "department")), 200);
        return ok(t.owner().post("/stores/" + storeId + "/counters", map("merchantId", merchantId, "floor", "3F", "location", "东区 3-12")), 201);
    }

    public static Map<String, Object> complaintBody(String phone) {
        return map("what", "买的外套第二天就开线了，专柜不给换", "happenedAt", Instant.now().minusSeconds(7200).toString(), "phone", phone);
    }

    public static Api.Res file(JsonNode counter, Map<String, Object> body) {
        return Fixtures.anonymous().post("/credit/" + counter.get("counterId").asText() + "/complaints?t=" + enc(counter.get("creditToken").asText()), body);
    }

    /** A complaint filed at the counter: the filing answer (complaintId, trackingToken). */
    public static JsonNode complaint(JsonNode counter) {
        return ok(file(counter, complaintBody(Fixtures.uniquePhone())), 201);
    }

    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    public static JsonNode ok(Api.Res r, int status) {
        if (r.status() != status) throw new AssertionError("expected " + status + ": " + r);
        return r.json();
    }
}
