package com.zhidian.apitests.office;

import static com.zhidian.apitests.office.OfficeFixture.minutesAgo;
import static com.zhidian.apitests.office.OfficeFixture.ok;
import static com.zhidian.apitests.office.OfficeFixture.sweep;
import static com.zhidian.apitests.support.Api.map;
import static com.zhidian.apitests.support.Problems.assertFieldErrors;
import static com.zhidian.apitests.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import com.zhidian.iot.Connections;
import com.zhidian.iot.DeviceConfig;
import com.zhidian.iot.PatrolCamera;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Video patrol end to end (issue 25): a registered patrol camera takes a checkpoint's place; the sweep asks it for a
 * snapshot through its named shadow; the simulated camera ({@link PatrolCamera}, AWS IoT Device SDK v2) PUTs a JPEG to
 * the presigned URL and reports it over MQTT; the round shows the checkpoint checked in by the camera, with a view
 * URL of the very image. A camera that sends nothing leaves its checkpoint missed, with the same alert as a person.
 */
class VideoPatrolApiTest {
    static final Fixtures.TenantFixture T = Fixtures.newTenant("standard");
    static final Fixtures.TenantFixture OTHER = Fixtures.newTenant("standard");
    static final String STORE = T.storeIds().get(0);
    static final String STORE2 = T.storeIds().get(1);
    static final Connections CONNECTIONS = new Connections(1);

    @AfterAll
    static void closeConnections() {
        CONNECTIONS.close();
    }

    static JsonNode device(Fixtures.TenantFixture t, String store, String kind, String name) {
        return ok(t.owner().post("/stores/" + store + "/devices", map("kind", kind, "name", name)), 201);
    }

    static PatrolCamera camera(Fixtures.TenantFixture t, String store, JsonNode d) throws Exception {
        PatrolCamera c = new PatrolCamera(DeviceConfig.local("patrol_camera", d.get("thingName").asText(), t.tenantId(), store, d.get("deviceId").asText(),
                d.at("/mqtt/host").asText(), d.at("/mqtt/port").asInt(), d.at("/credentials/password").asText()), CONNECTIONS);
        c.start();
        return c;
    }

    static JsonNode cameraCheckpoint(Fixtures.TenantFixture t, String store, String name, String deviceId) {
        return ok(t.owner().post("/stores/" + store + "/checkpoints", map("name", name, "place", "B1 " + name, "cameraDeviceId", deviceId)), 201);
    }

    static JsonNode visit(String store, String checkpointId) {
        for (JsonNode r : ok(T.owner().get("/stores/" + store + "/patrol-rounds"), 200).get("items")) {
            for (JsonNode v : r.get("visits")) if (checkpointId.equals(v.get("checkpointId").asText())) return v;
        }
        return null;
    }

    static JsonNode await(Supplier<JsonNode> found) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(until)) {
            JsonNode v = found.get();
            if (v != null) return v;
            Thread.sleep(100);
        }
        return found.get();
    }

    @Test
    void theSweepAsksTheCamera_itsSnapshotChecksTheCheckpointIn_andThePortalSeesTheImage() throws Exception {
        JsonNode d = device(T, STORE, "patrol_camera", "仓库摄像头");
        String cp = cameraCheckpoint(T, STORE, "仓库", d.get("deviceId").asText()).get("checkpointId").asText();
        try (PatrolCamera camera = camera(T, STORE, d)) {
            // the camera is connected before its round opens (the background sweep may ask it at any minute)
            OfficeFixture.route(T, STORE, List.of(cp), minutesAgo(0), 10, List.of());
            sweep();
            JsonNode v = await(() -> {
                JsonNode x = visit(STORE, cp);
                return x != null && !"pending".equals(x.get("status").asText()) ? x : null;
            });
            assertTrue(v != null, "the camera checked in: " + visit(STORE, cp) + " failures " + camera.failures());
            assertEquals("on_time", v.get("status").asText());
            assertEquals(d.get("deviceId").asText(), v.get("by").asText());
            assertEquals("仓库摄像头", v.get("byName").asText());
            assertTrue(v.get("camera").asBoolean());
            assertFalse(v.get("snapshotExpired").asBoolean());
            HttpResponse<byte[]> img = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(v.get("snapshotUrl").asText())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, img.statusCode());
            assertEquals((byte) 0xFF, img.body()[0], "a JPEG");
            assertEquals((byte) 0xD8, img.body()[1], "a JPEG");
            // asked once per round: another sweep in the same round takes no second snapshot
            sweep();
            Thread.sleep(500);
            assertEquals(1, camera.taken());
        }
    }

    @Test
    void aCameraThatSendsNothing_leavesItsCheckpointMissed_withTheSameAlert() throws Exception {
        JsonNode d = device(T, STORE2, "patrol_camera", "后门摄像头");
        String cp = cameraCheckpoint(T, STORE2, "后门", d.get("deviceId").asText()).get("checkpointId").asText();
        OfficeFixture.route(T, STORE2, List.of(cp), minutesAgo(30), 5, List.of());
        try (PatrolCamera blind = camera(T, STORE2, d).blind()) {
            sweep();
            JsonNode alert = null;
            for (JsonNode a : ok(T.owner().get("/patrol-alerts?storeId=" + STORE2), 200).get("items")) {
                if (cp.equals(a.get("checkpointId").asText())) alert = a;
            }
            assertTrue(alert != null, "a missed alert for the camera checkpoint");
            assertEquals("missed", alert.get("kind").asText());
            assertEquals("missed", visit(STORE2, cp).get("status").asText());
            assertTrue(alert.has("cause") && alert.get("cause").isNull(), "never asked while offline: no cause is known (" + alert + ")");
            assertEquals(0, blind.taken());
        }
    }

    @Test
    void aCameraCheckpoint_needsAPatrolCameraOfThatStore_andBadInputWritesNothing() {
        String locker = device(T, STORE, "locker", "储物柜").get("deviceId").asText();
        String elsewhere = device(T, STORE2, "patrol_camera", "别店摄像头").get("deviceId").asText();
        String foreign = device(OTHER, OTHER.storeIds().get(0), "patrol_camera", "他家摄像头").get("deviceId").asText();
        int before = ok(T.owner().get("/stores/" + STORE + "/checkpoints"), 200).get("items").size();
        for (String id : List.of(locker, elsewhere, foreign, "dev_nope")) {
            JsonNode p = assertProblem(T.owner().post("/stores/" + STORE + "/checkpoints", map("name", "n", "place", "p", "cameraDeviceId", id)), 400);
            assertEquals("patrol.unknown_camera", p.get("code").asText(), id);
            assertFieldErrors(T.owner().post("/stores/" + STORE + "/checkpoints", map("name", "n", "place", "p", "cameraDeviceId", id)), "cameraDeviceId");
        }
        String cam = device(T, STORE, "patrol_camera", "摄像头").get("deviceId").asText();
        assertFieldErrors(T.owner().post("/stores/" + STORE + "/checkpoints", map("name", "n", "place", "p", "cameraDeviceId", cam, "nfcTagId", "04:A2")),
                "nfcTagId");
        assertFieldErrors(T.owner().post("/stores/" + STORE + "/checkpoints", map("name", "n", "place", "p", "cameraDeviceId", "../x")), "cameraDeviceId");
        Api.Res zh = T.owner().with("Accept-Language", "zh-CN").post("/stores/" + STORE + "/checkpoints", map("name", "n", "place", "p", "cameraDeviceId", locker));
        assertTrue(zh.text().contains("巡更摄像头"), zh.text());
        assertEquals(before, ok(T.owner().get("/stores/" + STORE + "/checkpoints"), 200).get("items").size(), "nothing written");
        JsonNode ok = cameraCheckpoint(T, STORE, "收银台上方", cam);
        assertEquals(cam, ok.get("cameraDeviceId").asText());
    }

    @Test
    void theOwnerSetsTheRetention_fromTheChoices_staffOnlyReadIt() {
        JsonNode s = ok(T.owner().get("/patrol-settings"), 200);
        assertEquals(30, s.get("snapshotRetentionDays").asInt());
        assertEquals(List.of(7, 30, 90, 180, 365), List.of(s.at("/choices/0").asInt(), s.at("/choices/1").asInt(), s.at("/choices/2").asInt(),
                s.at("/choices/3").asInt(), s.at("/choices/4").asInt()));
        Fixtures.TenantFixture t = Fixtures.newTenant("standard");
        assertEquals(90, ok(t.owner().put("/patrol-settings", map("snapshotRetentionDays", 90)), 200).get("snapshotRetentionDays").asInt());
        assertEquals(90, ok(t.owner().get("/patrol-settings"), 200).get("snapshotRetentionDays").asInt());
        assertEquals(30, ok(T.owner().get("/patrol-settings"), 200).get("snapshotRetentionDays").asInt(), "another tenant's is its own");
        for (Object bad : List.of(31, 0, -7, "30", 4000)) {
            assertFieldErrors(t.owner().put("/patrol-settings", map("snapshotRetentionDays", bad)), "snapshotRetentionDays");
        }
        assertFieldErrors(t.owner().put("/patrol-settings", map()), "snapshotRetentionDays");
        assertFieldErrors(t.owner().put("/patrol-settings", map("snapshotRetentionDays", 7, "colour", "red")), "colour");
        assertEquals(90, ok(t.owner().get("/patrol-settings"), 200).get("snapshotRetentionDays").asInt(), "nothing written");
        OfficeFixture.Staff staff = OfficeFixture.staff(t, "保安", t.storeIds().get(0));
        assertEquals(90, ok(staff.api().get("/patrol-settings"), 200).get("snapshotRetentionDays").asInt());
        assertProblem(staff.api().put("/patrol-settings", map("snapshotRetentionDays", 7)), 403);
        assertEquals(401, Fixtures.anonymous().get("/patrol-settings").status(), "the gateway refuses a call without a token");
    }
}
