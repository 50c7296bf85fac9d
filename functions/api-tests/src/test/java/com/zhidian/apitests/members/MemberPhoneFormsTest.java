package com.zhidian.apitests.members;

import static com.zhidian.apitests.support.Api.map;
import static com.zhidian.apitests.support.Problems.assertFieldErrors;
import static com.zhidian.apitests.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Every written form of one mainland mobile number (+86, 86, spaces, dashes) is the same member. */
class MemberPhoneFormsTest {
    private static final Fixtures.TenantFixture T = Fixtures.newTenant("basic", 1);

    private static JsonNode lookUp(String phone) {
        return T.owner().get("/members?phone=" + URLEncoder.encode(phone, StandardCharsets.UTF_8)).json().get("items");
    }

    @Test
    void enrolmentAndLookup_acceptEveryForm_andStoreElevenDigits() {
        String phone = Fixtures.uniquePhone();
        String spaced = "+86 " + phone.substring(0, 3) + "-" + phone.substring(3, 7) + "-" + phone.substring(7);
        Api.Res r = T.owner().post("/members", map("phone", spaced, "storeId", T.storeIds().get(0)));
        assertEquals(201, r.status(), r::toString);
        assertEquals(phone, r.json().get("phone").asText());
        for (String form : new String[] {phone, "+86" + phone, "86" + phone, spaced}) {
            assertEquals(1, lookUp(form).size(), form);
        }
        assertProblem(T.owner().post("/members", map("phone", "86" + phone, "storeId", T.storeIds().get(0))), 409);
        assertFieldErrors(T.owner().post("/members", map("phone", "+86 " + phone + "0", "storeId", T.storeIds().get(0))), "phone");
        assertFieldErrors(T.owner().post("/members", map("phone", "+1 " + phone, "storeId", T.storeIds().get(0))), "phone");
    }

    /** Sign-in takes every form enrolment takes: POST /local/auth/login names the login by the normalised phone. */
    @Test
    void customerLogin_acceptsThePlus86Form_likeEnrolmentAndLookup() {
        String phone = Fixtures.uniquePhone();
        Members.enrol(T, "+86" + phone);
        assertEquals(200, Members.login(T.tenantId(), phone, Members.OTP).status());
        assertEquals(200, Members.login(T.tenantId(), "+86" + phone, Members.OTP).status());
    }
}
