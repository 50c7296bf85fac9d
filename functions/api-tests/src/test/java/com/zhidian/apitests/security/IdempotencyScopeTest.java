package com.zhidian.apitests.security;

import static com.zhidian.apitests.support.Api.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An Idempotency-Key belongs to the login that sent it. A stored answer is replayed without running the route, so
 * if another login of the same tenant could replay it, the route's own checks (a staff member's stores) would be
 * skipped and the first caller's answer handed out.
 */
class IdempotencyScopeTest {

    @Test
    void anotherLoginReusingAKey_getsNoStoredAnswer_andMeetsTheRoutesOwnChecks() {
        assumeTrue(SpecOps.exists("POST /members/{memberId}/points/redeem"));
        Fixtures.TenantFixture t = Fixtures.newTenant("premium", 2);
        String store1 = t.storeIds().get(0);
        Api staff1 = t.staff(store1);
        Api staff2 = t.staff(t.storeIds().get(1));
        String member = t.owner().post("/members", map("phone", Fixtures.uniquePhone(), "storeId", store1),
                UUID.randomUUID().toString()).json().get("memberId").asText();
        assertEquals(200, t.owner().post("/members/" + member + "/points/adjust", map("delta", 100, "reason", "开卡礼"),
                UUID.randomUUID().toString()).status());
        String key = UUID.randomUUID().toString();
        Object body = map("points", 10, "storeId", store1, "reason", "兑换");
        Api.Res first = staff1.post("/members/" + member + "/points/redeem", body, key);
        assertEquals(200, first.status(), first::toString);

        Api.Res other = staff2.post("/members/" + member + "/points/redeem", body, key);
        assertNotEquals("true", other.header("Idempotent-Replayed"), () -> "another login got the stored answer: " + other);
        assertEquals(404, other.status(), () -> "staff of store 2 cannot redeem at store 1, key or no key: " + other);
        assertEquals(90, t.owner().get("/members/" + member + "/points").json().get("balance").asLong());
    }
}
