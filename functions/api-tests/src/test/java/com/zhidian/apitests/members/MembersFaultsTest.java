package com.zhidian.apitests.members;

import static com.zhidian.apitests.support.Api.map;
import static com.zhidian.apitests.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** When a backing service is down, a member call answers 503 and leaves nothing half-written. */
class MembersFaultsTest {
    private static final Fixtures.TenantFixture T = Fixtures.newTenant("basic", 1);

    @AfterEach
    void allUp() {
        Fixtures.faultsOff();
    }

    @Test
    void userPoolDown_enrolmentIs503_andLeavesNoMemberBehind() {
        String phone = Fixtures.uniquePhone();
        Fixtures.fault("cognito", "down");
        assertProblem(T.owner().post("/members", map("phone", phone, "storeId", T.storeIds().get(0))), 503);
        Fixtures.fault("cognito", "up");
        assertEquals(0, T.owner().get("/members?phone=" + phone).json().get("items").size(), "the member was undone");
        Api.Res again = T.owner().post("/members", map("phone", phone, "storeId", T.storeIds().get(0)));
        assertEquals(201, again.status(), again::toString);
        assertEquals(200, Members.login(T.tenantId(), phone, Members.OTP).status());
    }

    @Test
    void tableDown_redeemIs503_andTheBalanceIsUntouched() {
        String id = Members.enrol(T, Fixtures.uniquePhone()).get("memberId").asText();
        Members.adjust(T.owner(), id, 10, "seed");
        String key = Members.key();
        Object body = map("points", 4, "storeId", T.storeIds().get(0));
        Fixtures.fault("dynamodb", "down");
        assertEquals(503, T.owner().post("/members/" + id + "/points/redeem", body, key).status());
        Fixtures.fault("dynamodb", "up");
        assertEquals(10, T.owner().get("/members/" + id + "/points").json().get("balance").asLong());
        assertEquals(200, T.owner().post("/members/" + id + "/points/redeem", body, key).status(), "the same key may be retried");
        assertEquals(6, T.owner().get("/members/" + id + "/points").json().get("balance").asLong());
    }
}
