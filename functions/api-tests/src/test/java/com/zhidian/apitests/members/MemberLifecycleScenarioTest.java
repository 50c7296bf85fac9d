package com.zhidian.apitests.members;

import static com.zhidian.apitests.support.Api.map;
import static com.zhidian.apitests.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import com.zhidian.apitests.support.Local;
import com.zhidian.core.aws.AwsClients;
import com.zhidian.core.dynamo.DynamoTenantDirectory;
import com.zhidian.members.application.PointsService;
import com.zhidian.members.jobs.PointsExpiryJob;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One member's life in the language of the business: joins at the till, earns on a purchase (as the orders
 * context will call it), the return window passes, redeems, returns another purchase within its window,
 * and the oldest points expire. The earning and the scheduled job run in process against the same
 * DynamoDB stand-in as Zhidian Local (the job with a clock moved forward); everything is read back over HTTP.
 */
class MemberLifecycleScenarioTest {

    /** A clock the scenario moves. */
    static final class Moving extends Clock {
        volatile Instant now = Instant.now();

        @Override public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId z) { return this; }
        @Override public Instant instant() { return now; }
    }

    @Test
    void joins_earns_waitsOutTheReturnWindow_redeems_returns_andOldPointsExpire() {
        Local.gatewayUrl();
        Fixtures.TenantFixture t = Fixtures.newTenant("standard", 1);
        String store = t.storeIds().get(0);
        assertEquals(200, t.owner().put("/points/settings",
                map("pointsPerYuan", 1, "returnWindowDays", 7, "expiry", "months_after_credit", "expiryMonths", 12)).status());
        String phone = Fixtures.uniquePhone();
        String id = Members.enrol(t, phone).get("memberId").asText();

        Moving clock = new Moving();
        PointsService points = com.zhidian.members.application.Members.points(AwsClients.dynamo(), new DynamoTenantDirectory(AwsClients.dynamo()), clock);
        PointsExpiryJob job = new PointsExpiryJob(points);

        // a purchase of ¥128.50 earns 128 points, pending for the return window
        PointsService.Earned e = points.earn(t.tenantId(), id, "or_first", store, 12_850);
        assertEquals(128, e.points());
        JsonNode v = t.owner().get("/members/" + id + "/points").json();
        assertEquals(0, v.get("balance").asLong());
        assertEquals(128, v.get("pending").asLong());
        assertTrue(points.earn(t.tenantId(), id, "or_first", store, 12_850).duplicate(), "an order earns once");

        // a second purchase the next day; the first one's window passes
        clock.now = clock.now.plus(Duration.ofDays(1));
        points.earn(t.tenantId(), id, "or_second", store, 5_000);
        clock.now = clock.now.plus(Duration.ofDays(6)).plusSeconds(60);
        job.handleRequest(null, null);
        v = t.owner().get("/members/" + id + "/points").json();
        assertEquals(128, v.get("balance").asLong());
        assertEquals(50, v.get("pending").asLong());

        // the customer redeems at the till, then returns the second purchase within its window
        assertEquals(200, Members.redeem(t.staff(store), id, 28, store).status());
        assertEquals(50, points.cancelEarning(t.tenantId(), id, "or_second", "returned"));
        clock.now = clock.now.plus(Duration.ofDays(2));
        job.handleRequest(null, null);
        v = t.owner().get("/members/" + id + "/points").json();
        assertEquals(100, v.get("balance").asLong());
        assertEquals(0, v.get("pending").asLong());
        assertEquals(128, v.get("lifetimeEarned").asLong());

        // a year later the first purchase's points expire, oldest first, visible to the customer
        clock.now = clock.now.plus(Duration.ofDays(366));
        job.handleRequest(null, null);
        Api me = Members.customer(t, phone);
        assertEquals(0, me.get("/me/points").json().get("balance").asLong());
        List<String> kinds = new ArrayList<>();
        long sum = 0;
        for (JsonNode entry : me.get("/me/points/ledger").json().get("items")) {
            kinds.add(entry.get("kind").asText());
            sum += entry.get("delta").asLong();
        }
        assertEquals(List.of("expire", "earn_cancelled", "redeem", "earn", "earn_pending", "earn_pending"), kinds);
        assertEquals(0, sum);
        assertProblem(Members.redeem(t.owner(), id, 1, store), 422);
    }
}
