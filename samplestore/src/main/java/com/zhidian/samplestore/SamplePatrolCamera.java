package com.zhidian.samplestore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zhidian.iot.Connections;
import com.zhidian.iot.DeviceConfig;
import com.zhidian.iot.PatrolCamera;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The sample store's video patrol (视频巡更): one patrol camera (iot/ {@link PatrolCamera}) watching the checkpoint
 * "仓库通道" of the first supermarket, on a route of four rounds a day, so the patrol page shows snapshots. The
 * camera's password is shown once at registration, so its credentials (and its checkpoint) are kept in
 * {@code <data>/sample-fleet-patrol.json}; without them a camera, its checkpoint and route are set up anew.
 */
final class SamplePatrolCamera implements AutoCloseable {
    static final String CHECKPOINT = "仓库通道";
    private final Connections connections = new Connections(1);
    private final PatrolCamera camera;

    private SamplePatrolCamera(DeviceConfig device) {
        this.camera = new PatrolCamera(device, connections);
    }

    /** Null when the office or the devices are not deployed, or no store is a supermarket. */
    static SamplePatrolCamera start(Http http, String ownerToken, Path file, String host, int port) throws Exception {
        String storeId = null;
        for (JsonNode s : http.call("GET", "/stores", ownerToken, null, null).expect(200).body().path("items")) {
            if (s.path("format").asText().equals("supermarket")) {
                storeId = s.get("storeId").asText();
                break;
            }
        }
        if (storeId == null) return null;
        String base = "/stores/" + storeId;
        Http.Res cps = http.call("GET", base + "/checkpoints", ownerToken, null, null);
        if (cps.status() != 200) return null;
        Set<String> present = new HashSet<>();
        for (JsonNode d : http.call("GET", base + "/devices", ownerToken, null, null).expect(200).body().path("items")) present.add(d.path("deviceId").asText());
        ObjectNode kept = SampleFleet.kept(file);
        if (!storeId.equals(kept.path("storeId").asText()) || !present.contains(kept.path("deviceId").asText())) {
            kept = setUp(http, ownerToken, storeId);
            if (file != null) Files.write(file, Http.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(kept));
        }
        SamplePatrolCamera c = new SamplePatrolCamera(DeviceConfig.local("patrol_camera", kept.get("thingName").asText(), kept.get("tenantId").asText(),
                storeId, kept.get("deviceId").asText(), host, port, kept.get("secret").asText()));
        c.camera.start();
        return c;
    }

    /** A new camera, the checkpoint it watches and its route (rounds at 09:00, 13:00, 17:00 and 21:00, 15 minutes' leeway). */
    private static ObjectNode setUp(Http http, String ownerToken, String storeId) {
        String base = "/stores/" + storeId;
        JsonNode d = http.call("POST", base + "/devices", ownerToken, Map.of("kind", "patrol_camera", "name", "仓库通道摄像头"), UUID.randomUUID().toString())
                .expect(201).body();
        String thing = d.get("thingName").asText();
        String deviceId = d.get("deviceId").asText();
        String cp = http.call("POST", base + "/checkpoints", ownerToken, Map.of("name", CHECKPOINT, "place", "后仓通道（摄像头巡更）", "cameraDeviceId", deviceId),
                UUID.randomUUID().toString()).expect(201).body().get("checkpointId").asText();
        http.call("POST", base + "/patrol-routes", ownerToken, Map.of("name", "视频巡更", "checkpointIds", List.of(cp),
                "times", List.of("09:00", "13:00", "17:00", "21:00"), "toleranceMinutes", 15), UUID.randomUUID().toString()).expect(201);
        ObjectNode e = Http.JSON.createObjectNode();
        e.put("storeId", storeId).put("deviceId", deviceId).put("thingName", thing).put("tenantId", thing.substring(3, thing.lastIndexOf('-')))
                .put("secret", d.at("/credentials/password").asText()).put("checkpointId", cp);
        return e;
    }

    @Override
    public void close() {
        camera.close();
        connections.close();
    }
}
