package com.zhidian.apitests.office;

import static com.zhidian.apitests.office.OfficeFixture.checkpoint;
import static com.zhidian.apitests.office.OfficeFixture.minutesAgo;
import static com.zhidian.apitests.office.OfficeFixture.ok;
import static com.zhidian.apitests.office.OfficeFixture.route;
import static com.zhidian.apitests.office.OfficeFixture.sweep;
import static com.zhidian.apitests.support.Api.map;
import static com.zhidian.apitests.support.Problems.assertFieldErrors;
import static com.zhidian.apitests.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Patrols: the owner sets up checkpoints and routes; staff check in by the checkpoints' QR codes; the sweep closes
 * rounds and raises one alert per missed checkpoint; a late visit raises its alert at once. Round times are placed
 * relative to the real clock (see {@link OfficeFixture}).
 */
class PatrolsApiTest {
    static final Fixtures.TenantFixture T = Fixtures.newTenant("standard");
    static final Fixtures.TenantFixture OTHER = Fixtures.newTenant("standard");
    static final String STORE = T.storeIds().get(0);
    static final String STORE2 = T.storeIds().get(1);

    @Test
    void theOwnerSetsUpCheckpointsAndARoute_andStaffOfTheStoreReadThem() {
        JsonNode cp = ok(T.owner().post("/stores/" + STORE + "/checkpoints", map("name", "收银台", "place", "一楼入口右侧", "nfcTagId", "04:a2:2b:1c")), 201);
        String id = cp.get("checkpointId").asText();
        assertEquals("04:A2:2B:1C", cp.get("nfcTagId").asText());
        assertTrue(cp.get("qrCode").asText().startsWith("ZDP1." + T.tenantId() + "." + id + "."), cp.toString());
        OfficeFixture.Staff walker = OfficeFixture.staff(T, "张保安", STORE);
        JsonNode r = route(T, STORE, List.of(id), "21:30", 10, List.of(walker.userId()));
        assertEquals(id, r.get("checkpointIds").get(0).asText());
        assertEquals(List.of(walker.userId()), List.of(r.get("staffIds").get(0).asText()));
        assertEquals(10, r.get("toleranceMinutes").asInt());
        JsonNode cps = ok(walker.api().get("/stores/" + STORE + "/checkpoints"), 200);
        assertTrue(cps.toString().contains(id));
        JsonNode routes = ok(walker.api().get("/stores/" + STORE + "/patrol-routes"), 200);
        assertTrue(routes.toString().contains(r.get("routeId").asText()));
        assertProblem(walker.api().post("/stores/" + STORE + "/checkpoints", map("name", "x", "place", "y")), 403);
        assertProblem(walker.api().get("/stores/" + STORE2 + "/checkpoints"), 404);
    }

    @Test
    void badSetup_is400NamingEachField_andWritesNothing() {
        String store = STORE2;
        int before = ok(T.owner().get("/stores/" + store + "/checkpoints"), 200).get("items").size();
        assertFieldErrors(T.owner().post("/stores/" + store + "/checkpoints", map()), "name", "place");
        assertFieldErrors(T.owner().post("/stores/" + store + "/checkpoints", map("name", " ", "place", "p", "nfcTagId", "zz")), "name", "nfcTagId");
        assertFieldErrors(T.owner().post("/stores/" + store + "/checkpoints", map("name", "a", "place", "p", "colour", "red")), "colour");
        assertProblem(T.owner().send("POST", "/stores/" + store + "/checkpoints", "name=a", null, "text/plain"), 415);
        assertEquals(before, ok(T.owner().get("/stores/" + store + "/checkpoints"), 200).get("items").size(), "nothing written");

        String mine = checkpoint(T, store, "仓库").get("checkpointId").asText();
        String elsewhere = checkpoint(T, STORE, "别店").get("checkpointId").asText();
        assertFieldErrors(T.owner().post("/stores/" + store + "/patrol-routes", map()), "name", "checkpointIds", "times", "toleranceMinutes");
        assertFieldErrors(T.owner().post("/stores/" + store + "/patrol-routes", map("name", "r", "checkpointIds", List.of(), "times", List.of("25:00"),
                "toleranceMinutes", 0)), "checkpointIds", "times[0]", "toleranceMinutes");
        assertFieldErrors(T.owner().post("/stores/" + store + "/patrol-routes", map("name", "r", "checkpointIds", List.of(mine), "times", List.of("08:00"),
                "toleranceMinutes", 121, "effectiveFrom", Instant.now().minusSeconds(3 * 86_400).toString())), "toleranceMinutes", "effectiveFrom");
        assertFieldErrors(T.owner().post("/stores/" + store + "/patrol-routes", map("name", "r", "checkpointIds", List.of(mine), "times", List.of("08:00"),
                "toleranceMinutes", 5, "effectiveFrom", "yesterday")), "effectiveFrom");
        JsonNode p = assertProblem(T.owner().post("/stores/" + store + "/patrol-routes", map("name", "r", "checkpointIds", List.of(mine, elsewhere),
                "times", List.of("08:00"), "toleranceMinutes", 5)), 400);
        assertEquals("patrol.unknown_checkpoints", p.get("code").asText());
        assertFieldErrors(T.owner().post("/stores/" + store + "/patrol-routes", map("name", "r", "checkpointIds", List.of(mine, elsewhere),
                "times", List.of("08:00"), "toleranceMinutes", 5)), "checkpointIds");
        OfficeFixture.Staff otherStore = OfficeFixture.staff(T, "别店员工", STORE);
        JsonNode q = assertProblem(T.owner().post("/stores/" + store + "/patrol-routes", map("name", "r", "checkpointIds", List.of(mine),
                "times", List.of("08:00"), "toleranceMinutes", 5, "staffIds", List.of(otherStore.userId()))), 400);
        assertEquals("patrol.unknown_staff", q.get("code").asText());
        assertEquals(0, ok(T.owner().get("/stores/" + store + "/patrol-routes"), 200).get("items").size(), "no bad route was written");
    }

    @Test
    void anOnTimeCheckIn_isRecordedOnce_withWhoAndWhen() {
        OfficeFixture.Staff walker = OfficeFixture.staff(T, "王巡更", STORE);
        JsonNode a = checkpoint(T, STORE, "冷库门");
        JsonNode b = checkpoint(T, STORE, "消防通道");
        route(T, STORE, List.of(a.get("checkpointId").asText(), b.get("checkpointId").asText()), minutesAgo(0), 10, List.of(walker.userId()));
        JsonNode round = ok(walker.api().post("/patrol/check-ins", map("code", a.get("qrCode").asText())), 200);
        assertEquals("open", round.get("status").asText(), "one of two visited");
        JsonNode visit = round.get("visits").get(0);
        assertEquals("on_time", visit.get("status").asText());
        assertEquals(walker.userId(), visit.get("by").asText());
        assertEquals("王巡更", visit.get("byName").asText());
        assertEquals("pending", round.get("visits").get(1).get("status").asText());
        JsonNode again = assertProblem(walker.api().post("/patrol/check-ins", map("code", a.get("qrCode").asText())), 409);
        assertEquals("patrol.already_visited", again.get("code").asText());
        JsonNode done = ok(walker.api().post("/patrol/check-ins", map("code", b.get("qrCode").asText())), 200);
        assertEquals("on_time", done.get("status").asText());
        JsonNode history = ok(T.owner().get("/stores/" + STORE + "/patrol-rounds"), 200);
        assertTrue(history.toString().contains(done.get("roundId").asText()));
        assertFalse(ok(T.owner().get("/patrol-alerts?storeId=" + STORE), 200).toString().contains(done.get("roundId").asText()), "no alert on time");
    }

    @Test
    void aLateCheckIn_raisesOneLateAlert() {
        OfficeFixture.Staff walker = OfficeFixture.staff(T, "赵巡更", STORE);
        JsonNode cp = checkpoint(T, STORE, "后仓");
        route(T, STORE, List.of(cp.get("checkpointId").asText()), minutesAgo(7), 5, List.of(walker.userId()));
        JsonNode round = ok(walker.api().post("/patrol/check-ins", map("code", cp.get("qrCode").asText())), 200);
        assertEquals("late", round.get("status").asText());
        List<JsonNode> alerts = alertsFor(T.owner(), STORE, cp.get("checkpointId").asText());
        assertEquals(1, alerts.size());
        assertEquals("late", alerts.get(0).get("kind").asText());
        sweep();
        assertEquals(1, alertsFor(T.owner(), STORE, cp.get("checkpointId").asText()).size(), "the sweep adds none for a visited checkpoint");
    }

    @Test
    void aMissedRound_raisesOneAlertPerMissedCheckpoint_once_andStaffResolveIt() {
        JsonNode a = checkpoint(T, STORE, "停车场");
        JsonNode b = checkpoint(T, STORE, "配电房");
        JsonNode r = route(T, STORE, List.of(a.get("checkpointId").asText(), b.get("checkpointId").asText()), minutesAgo(30), 5, List.of());
        sweep();
        sweep();
        List<JsonNode> alerts = alertsFor(T.owner(), STORE, a.get("checkpointId").asText());
        alerts.addAll(alertsFor(T.owner(), STORE, b.get("checkpointId").asText()));
        assertEquals(2, alerts.size(), "one alert per missed checkpoint, however many sweeps");
        alerts.forEach(x -> assertEquals("missed", x.get("kind").asText()));
        JsonNode round = null;
        for (JsonNode x : ok(T.owner().get("/stores/" + STORE + "/patrol-rounds?limit=100"), 200).get("items")) {
            if (x.get("routeId").asText().equals(r.get("routeId").asText())) round = x;
        }
        assertTrue(round != null, "the closed round is in the history");
        assertEquals("missed", round.get("status").asText());
        JsonNode late = assertProblem(T.owner().post("/patrol/check-ins", map("code", a.get("qrCode").asText())), 409);
        assertEquals("patrol.no_round_open", late.get("code").asText(), "a closed round takes no check-in");

        Api storeStaff = T.staff(STORE);
        assertTrue(ok(storeStaff.get("/patrol-alerts?state=open"), 200).toString().contains(alerts.get(0).get("patrolAlertId").asText()));
        Api otherStaff = T.staff(STORE2);
        assertFalse(ok(otherStaff.get("/patrol-alerts"), 200).toString().contains(alerts.get(0).get("patrolAlertId").asText()));
        assertProblem(otherStaff.post("/patrol-alerts/" + alerts.get(0).get("patrolAlertId").asText() + "/resolve", null), 404);
        JsonNode resolved = ok(storeStaff.post("/patrol-alerts/" + alerts.get(0).get("patrolAlertId").asText() + "/resolve", null), 200);
        assertEquals("resolved", resolved.get("state").asText());
        assertFalse(ok(T.owner().get("/patrol-alerts?state=open&storeId=" + STORE + "&limit=100"), 200).toString()
                .contains(alerts.get(0).get("patrolAlertId").asText()));
    }

    @Test
    void onlyAGenuineTagOfTheCallersStores_onTheirRoute_checksIn() {
        OfficeFixture.Staff walker = OfficeFixture.staff(T, "钱巡更", STORE);
        OfficeFixture.Staff notAssigned = OfficeFixture.staff(T, "孙店员", STORE);
        JsonNode cp = checkpoint(T, STORE, "货梯");
        route(T, STORE, List.of(cp.get("checkpointId").asText()), minutesAgo(0), 10, List.of(walker.userId()));
        String code = cp.get("qrCode").asText();
        String forged = code.substring(0, code.lastIndexOf('.') + 1) + "AAAA" + code.substring(code.lastIndexOf('.') + 5);
        assertNotEquals(code, forged);
        JsonNode p = assertProblem(walker.api().post("/patrol/check-ins", map("code", forged)), 400);
        assertEquals("patrol.not_a_tag", p.get("code").asText());
        assertFieldErrors(walker.api().post("/patrol/check-ins", map("code", "ZDP1." + T.tenantId() + "." + cp.get("checkpointId").asText() + ".x")), "code");
        assertFieldErrors(walker.api().post("/patrol/check-ins", map()), "code");
        JsonNode foreign = checkpoint(OTHER, OTHER.storeIds().get(0), "外店");
        assertFieldErrors(walker.api().post("/patrol/check-ins", map("code", foreign.get("qrCode").asText())), "code");
        assertFieldErrors(T.staff(STORE2).post("/patrol/check-ins", map("code", code)), "code");
        assertEquals("patrol.no_round_open", assertProblem(notAssigned.api().post("/patrol/check-ins", map("code", code)), 409).get("code").asText());
        JsonNode away = checkpoint(T, STORE, "远处");
        route(T, STORE, List.of(away.get("checkpointId").asText()), minutesAgo(-300), 10, List.of(walker.userId()));
        assertEquals("patrol.no_round_open", assertProblem(walker.api().post("/patrol/check-ins", map("code", away.get("qrCode").asText())), 409).get("code").asText());
        assertEquals("on_time", ok(walker.api().post("/patrol/check-ins", map("code", code)), 200).get("status").asText());
    }

    @Test
    void anotherTenantsPatrols_areNotFound() {
        String alert = OfficeFixture.missedAlert(T, STORE);
        assertProblem(OTHER.owner().get("/stores/" + STORE + "/checkpoints"), 404);
        assertProblem(OTHER.owner().get("/stores/" + STORE + "/patrol-routes"), 404);
        assertProblem(OTHER.owner().get("/stores/" + STORE + "/patrol-rounds"), 404);
        assertProblem(OTHER.owner().post("/stores/" + STORE + "/checkpoints", map("name", "a", "place", "b")), 404);
        assertEquals("patrol_alert.not_found", assertProblem(OTHER.owner().post("/patrol-alerts/" + alert + "/resolve", null), 404).get("code").asText());
        assertFalse(ok(OTHER.owner().get("/patrol-alerts"), 200).toString().contains(alert));
        assertProblem(OTHER.owner().get("/patrol-alerts?storeId=" + STORE), 404);
        assertProblem(T.owner().get("/patrol-alerts?state=lost"), 400);
        assertProblem(T.owner().get("/stores/" + STORE + "/patrol-rounds?limit=0"), 400);
    }

    static List<JsonNode> alertsFor(Api api, String storeId, String checkpointId) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode a : ok(api.get("/patrol-alerts?limit=100&storeId=" + storeId), 200).get("items")) {
            if (checkpointId.equals(a.get("checkpointId").asText())) out.add(a);
        }
        return out;
    }
}
