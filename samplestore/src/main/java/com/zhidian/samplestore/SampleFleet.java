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
    private final List<AutoCloseable> extras = new ArrayList<>();

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
        ObjectNode kept = kept(file);
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
        SampleFleet started = new SampleFleet(Fleet.start(devices, Duration.ofMinutes(1), Clock.systemUTC()));
        try {
            started.extras.addAll(SampleLockerAndFridge.start(http, ownerToken, storeId,
                    file == null ? null : file.resolveSibling("sample-fleet-extras.json"), host, port));
        } catch (Exception e) {
            System.err.println("sample locker and fridge not started: " + e);
        }
        try {
            // video patrol: a camera watching a checkpoint of the first supermarket, asked for a snapshot each round
            SamplePatrolCamera camera = SamplePatrolCamera.start(http, ownerToken,
                    file == null ? null : file.resolveSibling("sample-fleet-patrol.json"), host, port);
            if (camera != null) started.extras.add(camera);
        } catch (Exception e) {
            System.err.println("sample patrol camera not started: " + e);
        }
        try {
            // a car every few minutes in the sample car park (-Dzhidian.parking.everySeconds, 0: none)
            long every = Long.getLong("zhidian.parking.everySeconds", 180);
            SampleCarPark park = every <= 0 ? null : SampleCarPark.start(http, ownerToken,
                    file == null ? null : file.resolveSibling("sample-fleet-parking.json"), host, port, Duration.ofSeconds(every));
            if (park != null) started.extras.add(0, park);
        } catch (Exception e) {
            System.err.println("sample car park cameras not started: " + e);
        }
        return started;
    }

    /** The devices kept from an earlier run in {@code file} (thing names and secrets), or an empty object. */
    static ObjectNode kept(Path file) {
        if (file == null || !Files.exists(file)) return Http.JSON.createObjectNode();
        try {
            JsonNode n = Http.JSON.readTree(Files.readAllBytes(file));
            return n instanceof ObjectNode o ? o : Http.JSON.createObjectNode();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The extras and the fleet side by side: each device waits up to 10 s for its DISCONNECT (Fleet#close). */
    @Override
    public void close() {
        List<Thread> closing = new ArrayList<>();
        for (AutoCloseable c : extras) {
            Thread t = new Thread(() -> {
                try {
                    c.close();
                } catch (Exception e) {
                    // closing the rest anyway
                }
            }, "close-" + c.getClass().getSimpleName());
            t.start();
            closing.add(t);
        }
        fleet.close();
        for (Thread t : closing) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * The sample store's smart locker (iot/ {@link com.zhidian.iot.Locker}: six compartments S, S, M, M, L, L) and a
     * failing fridge (iot/ {@link com.zhidian.iot.WarmingFridge}, a reading every 30 s warming by 0.5 °C, so the
     * fridge alert opens once it has been over the store's line for the store's minimum duration, which the sample
     * store sets to three minutes: about five minutes after the run command). Registered
     * through the public API like any device; their credentials and the locker's key are kept in
     * {@code sample-fleet-extras.json} beside the fleet file, and the same devices connect on the next start.
     */
    static final class SampleLockerAndFridge {
        static final String LOCKER = "示例储物柜";
        static final String FRIDGE = "示例冷柜（升温中）";
        static final List<String> SIZES = List.of("S", "S", "M", "M", "L", "L");

        private SampleLockerAndFridge() {}

        static List<AutoCloseable> start(Http http, String ownerToken, String storeId, Path file, String host, int port) throws Exception {
            String base = "/stores/" + storeId + "/devices";
            Set<String> present = new HashSet<>();
            for (JsonNode d : http.call("GET", base, ownerToken, null, null).expect(200).body().path("items")) {
                present.add(d.path("deviceId").asText());
            }
            ObjectNode kept = kept(file);
            ObjectNode locker = kept.path("locker") instanceof ObjectNode o && present.contains(o.path("deviceId").asText()) ? o : null;
            ObjectNode fridge = kept.path("fridge") instanceof ObjectNode o && present.contains(o.path("deviceId").asText()) ? o : null;
            if (locker == null) {
                locker = register(http, ownerToken, base, "locker", LOCKER);
                JsonNode set = http.call("POST", "/stores/" + storeId + "/lockers", ownerToken, Map.of("deviceId", locker.get("deviceId").asText(),
                        "compartments", SIZES.stream().map(size -> Map.of("size", size)).toList()), UUID.randomUUID().toString()).expect(201).body();
                locker.put("key", set.get("key").asText());
            }
            if (fridge == null) {
                fridge = register(http, ownerToken, base, "fridge_sensor", FRIDGE);
                quickFridgeAlerts(http, ownerToken, storeId);
            }
            ObjectNode out = Http.JSON.createObjectNode();
            out.set("locker", locker);
            out.set("fridge", fridge);
            if (file != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.write(file, Http.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(out));
            }
            com.zhidian.iot.Connections connections = new com.zhidian.iot.Connections(1);
            List<AutoCloseable> running = new ArrayList<>();
            running.add(connections);
            List<String> ids = new ArrayList<>();
            for (int i = 1; i <= SIZES.size(); i++) ids.add(String.format("%02d", i));
            com.zhidian.iot.Locker sim = new com.zhidian.iot.Locker(config("locker", locker, storeId, host, port), connections,
                    locker.get("key").asText(), ids);
            sim.start();
            running.add(0, sim);
            running.add(0, com.zhidian.iot.WarmingFridge.run(config("fridge_sensor", fridge, storeId, host, port), connections,
                    Duration.ofSeconds(30), 0.5));
            return running;
        }

        /**
         * The sample store's fridge line is held for {@value #SAMPLE_FRIDGE_MINUTES} minutes before an alert, not the
         * default 15: the warming fridge crosses 5 °C two minutes after the run command and its alert opens about
         * three minutes later (a real reading, a real rule; the owner may set it back on the alerts page). Set once,
         * with the fridge's registration, so a setting the owner changed later stands.
         */
        static final int SAMPLE_FRIDGE_MINUTES = 3;

        private static void quickFridgeAlerts(Http http, String ownerToken, String storeId) {
            String path = "/stores/" + storeId + "/alert-settings";
            JsonNode now = http.call("GET", path, ownerToken, null, null).expect(200).body();
            Map<String, Object> settings = Http.JSON.convertValue(now, new com.fasterxml.jackson.core.type.TypeReference<java.util.LinkedHashMap<String, Object>>() {});
            settings.remove("storeId");
            settings.put("fridgeMinutes", SAMPLE_FRIDGE_MINUTES);
            http.call("PUT", path, ownerToken, settings, null).expect(200);
        }

        private static ObjectNode register(Http http, String ownerToken, String base, String kind, String name) {
            JsonNode r = http.call("POST", base, ownerToken, Map.of("kind", kind, "name", name), UUID.randomUUID().toString()).expect(201).body();
            String thing = r.get("thingName").asText();
            ObjectNode e = Http.JSON.createObjectNode();
            e.put("deviceId", r.get("deviceId").asText()).put("thingName", thing)
                    .put("tenantId", thing.substring(3, thing.lastIndexOf('-'))).put("secret", r.at("/credentials/password").asText());
            return e;
        }

        private static DeviceConfig config(String kind, JsonNode e, String storeId, String host, int port) {
            return DeviceConfig.local(kind, e.get("thingName").asText(), e.get("tenantId").asText(), storeId, e.get("deviceId").asText(),
                    host, port, e.get("secret").asText());
        }
    }
}
