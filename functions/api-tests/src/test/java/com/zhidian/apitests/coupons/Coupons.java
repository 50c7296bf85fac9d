package com.zhidian.apitests.coupons;

import static com.zhidian.apitests.support.Api.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import java.util.Map;
import java.util.UUID;

/** Coupon templates, members and customers made through the public API. */
final class Coupons {
    private Coupons() {}

    static Map<String, Object> amountOff(long value, long minSpend, long stock, int perMember) {
        return map("name", "满" + minSpend / 100 + "减" + value / 100, "kind", "amount_off", "value", value, "minSpend", minSpend,
                "validDays", 30, "totalStock", stock, "perMemberLimit", perMember);
    }

    static String template(Fixtures.TenantFixture t, Map<String, Object> body) {
        Api.Res r = t.owner().post("/coupon-templates", body);
        if (r.status() != 201) throw new AssertionError("template not created: " + r);
        return r.json().get("templateId").asText();
    }

    static String member(Fixtures.TenantFixture t, String phone) {
        Api.Res r = t.owner().post("/members", map("phone", phone, "name", "张三", "storeId", t.storeIds().get(0)));
        if (r.status() != 201) throw new AssertionError("enrolment failed: " + r);
        return r.json().get("memberId").asText();
    }

    /** A new member of the tenant signed in on their phone. */
    static Api customer(Fixtures.TenantFixture t) {
        String phone = Fixtures.uniquePhone();
        member(t, phone);
        Api.Res r = Fixtures.anonymous().post("/local/auth/login", map("tenantId", t.tenantId(), "phone", phone, "otp", "000000"));
        if (r.status() != 200) throw new AssertionError("customer login failed: " + r);
        return t.owner().as(r.json().get("idToken").asText());
    }

    static JsonNode claim(Api customer, String templateId) {
        Api.Res r = customer.post("/me/coupons", map("templateId", templateId), key());
        if (r.status() != 201) throw new AssertionError("claim failed: " + r);
        return r.json();
    }

    static String key() {
        return UUID.randomUUID().toString();
    }

    /** The code with its last (check) character replaced by another of the alphabet. */
    static String mistyped(String code) {
        String alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
        char last = code.charAt(code.length() - 1);
        return code.substring(0, code.length() - 1) + alphabet.charAt((alphabet.indexOf(last) + 7) % alphabet.length());
    }

    /** A well-formed code that no coupon has (a valid check character, Luhn mod 32). */
    static String unknownCode() {
        String alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
        StringBuilder body = new StringBuilder();
        java.util.Random r = new java.util.Random();
        for (int i = 0; i < 13; i++) body.append(alphabet.charAt(r.nextInt(32)));
        int sum = 0;
        boolean dbl = true;
        for (int i = body.length() - 1; i >= 0; i--) {
            int v = alphabet.indexOf(body.charAt(i));
            if (dbl) { v *= 2; v = v / 32 + v % 32; }
            sum += v;
            dbl = !dbl;
        }
        return body.toString() + alphabet.charAt((32 - sum % 32) % 32);
    }
}
