package com.zhidian.samplestore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zhidian.iot.DeviceConfig;
import com.zhidian.iot.Fleet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The run command's small fleet: one simulated shelf label (iot/ {@link Fleet}, the AWS IoT Device SDK v2) per
 * sample product in the first sample store, registered through the public API like any device and bound to its
 * product, so the store's device list is alive and its labels show the sample prices. A label's password is shown
 * once at registration, so the fleet keeps its credentials in {@code <data>/sample-fleet.json} (local data, like the
 * rest of .zhidian/) and connects the same labels on the next start; a sample label it has no credentials for is
 * decommissioned and registered again.
 */
public final class SampleFleet implements AutoCloseable {
    static final String NAME_PREFIX = "示例价签 ";
    private final Fleet fleet;

    private SampleFleet(Fleet fleet) {
        this.fleet = fleet;
    }

    public int labels() {
        return fleet.labels().size();
    }

    public Fleet fleet() {
        return fleet;
    }

    /** Registers what is missing and connects every sample label; {@code file} null keeps nothing on disk. */
    public static SampleFleet start(String gatewayUrl, String ownerToken, String storeId, List<String> gtins, Path file,
                                    String mqttHost, int mqttPort) throws Exception {
        Http http = new Http(gatewayUrl);
        String base = "/stores/" + storeId + "/devices";
        JsonNode listed = http.call("GET", base, ownerToken, null, null).expect(200).body().path("items");
        Set<String> present = new HashSet<>();
        for (JsonNode d : listed) present.add(d.path("deviceId").asText());
        ObjectNode kept = read(file);
        List<DeviceConfig> devices = new ArrayList<>();
        Set<String> known = new HashSet<>();
        Set<String> covered = new HashSet<>();
        ArrayNode entries = Http.JSON.createArrayNode();
        for (JsonNode d : kept.path("devices")) {
            if (!storeId.equals(d.path("storeId").asText()) || !present.contains(d.path("deviceId").asText())) continue;
            entries.add(d);
            known.add(d.path("deviceId").asText());
            covered.add(d.path("gtin").asText());
        }
        String host = mqttHost;
        int port = mqttPort;
        // a sample label whose password this run does not have can never connect: start it over
        for (JsonNode d : listed) {
            if (d.path("name").asText().startsWith(NAME_PREFIX) && !known.contains(d.path("deviceId").asText())) {
                http.call("DELETE", base + "/" + d.path("deviceId").asText(), ownerToken, null, null).expect(204, 404);
            }
        }
        for (String gtin : gtins) {
            String gtin14 = "0".repeat(14 - gtin.length()) + gtin;
            if (covered.contains(gtin14)) continue;
            JsonNode r = http.call("POST", base, ownerToken, Map.of("kind", "esl", "name", NAME_PREFIX + gtin, "gtin", gtin),
                    UUID.randomUUID().toString()).expect(201).body();
            ObjectNode e = entries.addObject();
            e.put("kind", "esl").put("thingName", r.get("thingName").asText()).put("storeId", storeId)
                    .put("deviceId", r.get("deviceId").asText()).put("gtin", gtin14)
                    .put("tenantId", r.get("thingName").asText().substring(3, r.get("thingName").asText().lastIndexOf('-')))
                    .put("secret", r.at("/credentials/password").asText());
        }
        ObjectNode out = Http.JSON.createObjectNode();
        out.put("host", host);
        out.put("port", port);
        out.set("devices", entries);
        if (file != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, Http.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(out));
        }
        for (JsonNode e : entries) {
            devices.add(DeviceConfig.local("esl", e.get("thingName").asText(), e.get("tenantId").asText(), storeId,
                    e.get("deviceId").asText(), host, port, e.get("secret").asText()));
        }
        return new SampleFleet(Fleet.start(devices, Duration.ofMinutes(1), Clock.systemUTC()));
    }

    private static ObjectNode read(Path file) {
        if (file == null || !Files.exists(file)) return Http.JSON.createObjectNode();
        try {
            JsonNode n = Http.JSON.readTree(Files.readAllBytes(file));
            return n instanceof ObjectNode o ? o : Http.JSON.createObjectNode();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    @Override
    public void close() {
        fleet.close();
    }
}
