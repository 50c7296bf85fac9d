package com.zhidian.apitests.members;

import static com.zhidian.apitests.support.Api.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import java.util.UUID;

/** Members made and signed in through the public API, as a cashier and a customer's phone would. */
final class Members {
    static final String OTP = "000000";

    private Members() {}

    /** A new member of the tenant, enrolled by its owner in the first store. */
    static JsonNode enrol(Fixtures.TenantFixture t, String phone) {
        Api.Res r = t.owner().post("/members", map("phone", phone, "name", "张三", "storeId", t.storeIds().get(0)));
        if (r.status() != 201) throw new AssertionError("enrolment failed: " + r);
        return r.json();
    }

    /** The customer's own API client after phone + one-time code sign-in. */
    static Api customer(Fixtures.TenantFixture t, String phone) {
        Api.Res r = login(t.tenantId(), phone, OTP);
        if (r.status() != 200) throw new AssertionError("customer login failed: " + r);
        return t.owner().as(r.json().get("idToken").asText());
    }

    static Api.Res login(String tenantId, String phone, String otp) {
        return Fixtures.anonymous().post("/local/auth/login", map("tenantId", tenantId, "phone", phone, "otp", otp));
    }

    static String key() {
        return UUID.randomUUID().toString();
    }

    static Api.Res adjust(Api api, String memberId, long delta, String reason) {
        return api.post("/members/" + memberId + "/points/adjust", map("delta", delta, "reason", reason), key());
    }

    static Api.Res redeem(Api api, String memberId, long points, String storeId) {
        return api.post("/members/" + memberId + "/points/redeem", map("points", points, "storeId", storeId, "reason", "兑换"), key());
    }
}
