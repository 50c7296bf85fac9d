package com.zhidian.apitests.office;

import static com.zhidian.apitests.support.Api.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * Checkpoints, routes, rounds and announcements made through the API. The functions run on the real clock, so a test
 * places a round's time relative to now (in the tenant's zone, Asia/Shanghai by default) and dates the route back
 * with effectiveFrom: a round 30 minutes ago with a 5-minute tolerance has closed; one 7 minutes ago is in its late window.
 */
public final class OfficeFixture {
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HH:mm");

    private OfficeFixture() {}

    public static JsonNode ok(Api.Res r, int status) {
        if (r.status() != status) throw new AssertionError("expected " + status + ": " + r);
        return r.json();
    }

    /** The time of day (HH:mm, tenant's zone) {@code minutes} ago, truncated to the minute. */
    public static String minutesAgo(long minutes) {
        return Instant.now().minusSeconds(60 * minutes).atZone(ZONE).format(HHMM);
    }

    public static JsonNode checkpoint(Fixtures.TenantFixture t, String storeId, String name) {
        return ok(t.owner().post("/stores/" + storeId + "/checkpoints", map("name", name, "place", "一楼 " + name)), 201);
    }

    /** A route through the checkpoints with one round at {@code time}, counting from two hours ago. */
    public static JsonNode route(Fixtures.TenantFixture t, String storeId, List<String> checkpointIds, String time, int tolerance, List<String> staffIds) {
        Map<String, Object> body = map("name", "夜间巡更 " + time, "checkpointIds", checkpointIds, "times", List.of(time), "toleranceMinutes", tolerance,
                "staffIds", staffIds, "effectiveFrom", Instant.now().minusSeconds(7200).toString());
        return ok(t.owner().post("/stores/" + storeId + "/patrol-routes", body), 201);
    }

    public static void sweep() {
        Api.Res r = Fixtures.anonymous().post("/local/schedules/PatrolSweepFunction", null);
        if (r.status() != 200) throw new AssertionError("sweep: " + r);
    }

    /** An open patrol alert of the store: a checkpoint on a round that closed 30 minutes ago without a visit. */
    public static String missedAlert(Fixtures.TenantFixture t, String storeId) {
        JsonNode cp = checkpoint(t, storeId, "后门");
        String cpId = cp.get("checkpointId").asText();
        route(t, storeId, List.of(cpId), minutesAgo(30), 5, List.of());
        sweep();
        for (JsonNode a : ok(t.owner().get("/patrol-alerts?storeId=" + storeId), 200).get("items")) {
            if (cpId.equals(a.get("checkpointId").asText())) return a.get("patrolAlertId").asText();
        }
        throw new AssertionError("the sweep raised no alert for " + cpId);
    }

    /** A staff login of the stores, with its id (what a route's staffIds names). */
    public record Staff(String userId, Api api) {}

    public static Staff staff(Fixtures.TenantFixture t, String name, String... storeIds) {
        String email = Fixtures.uniqueEmail("patrol");
        JsonNode u = ok(t.owner().post("/users", map("email", email, "name", name, "role", "staff", "storeIds", List.of(storeIds))), 201);
        return new Staff(u.get("userId").asText(), t.owner().as(Fixtures.firstLogin(email, u.get("temporaryPassword").asText())));
    }

    public static String announcement(Fixtures.TenantFixture t, String title) {
        return ok(t.owner().post("/announcements", map("title", title, "body", "请各位同事注意。")), 201).get("announcementId").asText();
    }
}
