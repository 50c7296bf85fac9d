package com.zhidian.iot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zhidian.local.iot.IotLocal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iotdataplane.IotDataPlaneClient;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The device programs on the AWS IoT Device SDK v2 against the IoT Core stand-in: a label follows the
 * desired state set through IotDataPlaneClient, catches up after being offline, and sensors publish
 * telemetry the rules engine routes. Waits are bounded; nothing asserts speed.
 */
class DevicesTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static IotLocal iot;
    static IotDataPlaneClient data;
    static Connections connections;

    @BeforeAll
    static void start() {
        iot = IotLocal.start(IotLocal.Config.defaults());
        data = IotDataPlaneClient.builder().endpointOverride(iot.endpoints().dataPlane())
                .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
        connections = new Connections(1);
    }

    @AfterAll
    static void stop() {
        connections.close();
        data.close();
        iot.close();
    }

    static DeviceConfig register(String kind, String thing, String deviceId) {
        iot.registry().createThing(thing, Map.of("tenantId", "t1", "storeId", "s1", "deviceId", deviceId));
        String secret = iot.registry().issueCredential(thing).privateKey();
        return DeviceConfig.local(kind, thing, "t1", "s1", deviceId, iot.endpoints().mqttHost(),
                iot.endpoints().mqttPort(), secret);
    }

    void setDesired(String thing, String desired) {
        data.updateThingShadow(b -> b.thingName(thing).shadowName("esl")
                .payload(SdkBytes.fromUtf8String("{\"state\":{\"desired\":" + desired + "}}")));
    }

    JsonNode shadowWhen(String thing, Predicate<JsonNode> done) throws Exception {
        JsonNode shadow = null;
        for (int i = 0; i < 200; i++) {
            shadow = JSON.readTree(data.getThingShadow(b -> b.thingName(thing).shadowName("esl")).payload().asByteArray());
            if (done.test(shadow)) {
                return shadow;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the label did not get there within 20 s; last shadow " + shadow);
    }

    static boolean synced(JsonNode shadow) {
        return shadow.at("/state/delta").isMissingNode() && shadow.at("/state/reported/renderedHash").isTextual();
    }

    @Test
    void aLabelRendersTheDesiredPriceAndReportsItsHash() throws Exception {
        DeviceConfig config = register("esl", "t1-s1-esl-1", "esl-1");
        try (ShelfLabel label = new ShelfLabel(config, connections)) {
            label.start();
            setDesired("t1-s1-esl-1", "{\"gtin\":\"6901234567892\",\"name\":\"Milk\",\"spec\":\"1L\",\"price\":1299,"
                    + "\"promotion\":{\"price\":999,\"endsAt\":\"2026-12-31T16:00:00Z\"}}");
            JsonNode shadow = shadowWhen("t1-s1-esl-1", DevicesTest::synced);
            Map<String, Object> wanted = JSON.convertValue(shadow.at("/state/desired"), Map.class);
            assertEquals(LabelRendering.hash(wanted), shadow.at("/state/reported/renderedHash").asText());
            assertEquals(1299, shadow.at("/state/reported/price").asLong());
            assertEquals(ShelfLabel.FIRMWARE, shadow.at("/state/reported/firmware").asText());
            assertTrue(shadow.at("/state/reported/battery").asInt() > 0);
            assertEquals(label.renderedHash(), LabelRendering.hash(wanted));

            setDesired("t1-s1-esl-1", "{\"price\":1099,\"promotion\":false}");
            shadow = shadowWhen("t1-s1-esl-1", s -> synced(s) && s.at("/state/reported/price").asLong() == 1099);
            assertEquals(false, shadow.at("/state/reported/promotion").asBoolean(true), shadow.toString());
            wanted = JSON.convertValue(shadow.at("/state/desired"), Map.class);
            assertEquals(LabelRendering.hash(wanted), shadow.at("/state/reported/renderedHash").asText());
            assertEquals("Milk 1L ¥10.99", LabelRendering.text(label.shown()));
        }
    }

    @Test
    void aFlashingLabelReportsWhenStaffAcknowledgedIt() throws Exception {
        DeviceConfig config = register("esl", "t1-s1-esl-4", "esl-4");
        try (ShelfLabel label = new ShelfLabel(config, connections)) {
            label.start();
            setDesired("t1-s1-esl-4", "{\"name\":\"Eggs\",\"price\":1500}");
            shadowWhen("t1-s1-esl-4", DevicesTest::synced);
            assertEquals(false, label.acknowledgeFlash(java.time.Instant.parse("2026-12-04T02:00:00Z")));
            setDesired("t1-s1-esl-4", "{\"flash\":{\"requestId\":\"pick-42\",\"until\":\"2026-12-04T02:05:00Z\"}}");
            shadowWhen("t1-s1-esl-4", s -> synced(s) && s.at("/state/reported/flash/requestId").isTextual());
            assertTrue(label.acknowledgeFlash(java.time.Instant.parse("2026-12-04T02:01:00Z")));
            JsonNode shadow = shadowWhen("t1-s1-esl-4", s -> s.at("/state/reported/flashAck").isObject());
            assertEquals("pick-42", shadow.at("/state/reported/flashAck/requestId").asText());
            assertEquals("2026-12-04T02:01:00Z", shadow.at("/state/reported/flashAck/at").asText());
            assertTrue(synced(shadow));
        }
    }

    @Test
    void aSimulatedLabelAcknowledgesAFlashByItself_asStaffPressingItsButton() throws Exception {
        DeviceConfig config = register("esl", "t1-s1-esl-5", "esl-5");
        java.util.concurrent.ScheduledExecutorService timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        java.time.Instant pressed = java.time.Instant.parse("2026-12-04T02:01:30Z");
        try (ShelfLabel label = new ShelfLabel(config, connections)
                .behaving(timer, Clock.fixed(pressed, java.time.ZoneOffset.UTC), Duration.ofMillis(200))) {
            label.start();
            setDesired("t1-s1-esl-5", "{\"name\":\"Eggs\",\"price\":1500}");
            JsonNode shadow = shadowWhen("t1-s1-esl-5", DevicesTest::synced);
            assertTrue(shadow.at("/state/reported/flashAck").isMissingNode(), "nothing to acknowledge without a flash");
            setDesired("t1-s1-esl-5", "{\"flash\":{\"requestId\":\"pick-43\",\"until\":\"2026-12-04T02:05:00Z\"}}");
            shadow = shadowWhen("t1-s1-esl-5", s -> s.at("/state/reported/flashAck").isObject());
            assertEquals("pick-43", shadow.at("/state/reported/flashAck/requestId").asText());
            assertEquals(pressed.toString(), shadow.at("/state/reported/flashAck/at").asText());
            assertEquals("pick-43", shadow.at("/state/reported/flash/requestId").asText(), "it shows the flash it acknowledged");
            assertTrue(synced(shadow));
            // a second flash is acknowledged again, once
            setDesired("t1-s1-esl-5", "{\"flash\":{\"requestId\":\"pick-44\",\"until\":\"2026-12-04T02:09:00Z\"}}");
            shadow = shadowWhen("t1-s1-esl-5", s -> "pick-44".equals(s.at("/state/reported/flashAck/requestId").asText()));
            assertTrue(synced(shadow));
        } finally {
            timer.shutdownNow();
        }
    }

    @Test
    void aLabelSwitchesToItsNextPriceAtItsTimeByItself() throws Exception {
        java.time.Instant at = java.time.Instant.parse("2027-01-01T00:00:00Z");
        String before = "{\"name\":\"Milk\",\"spec\":\"1L\",\"price\":1200,\"promotion\":false,"
                + "\"unitPrice\":{\"price\":120,\"per\":\"100ml\"},"
                + "\"next\":{\"price\":990,\"at\":\"" + at + "\",\"promotion\":false,\"unitPrice\":{\"price\":99,\"per\":\"100ml\"}}}";
        String after = "{\"price\":990,\"unitPrice\":{\"price\":99,\"per\":\"100ml\"},\"next\":false}";
        java.util.concurrent.ScheduledExecutorService timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        try {
            // a day before its time the label holds the next price and shows the old one
            DeviceConfig early = register("esl", "t1-s1-esl-6", "esl-6");
            try (ShelfLabel label = new ShelfLabel(early, connections)
                    .behaving(timer, Clock.fixed(at.minus(Duration.ofDays(1)), java.time.ZoneOffset.UTC), null)) {
                label.start();
                setDesired("t1-s1-esl-6", before);
                JsonNode shadow = shadowWhen("t1-s1-esl-6", DevicesTest::synced);
                assertEquals(1200, shadow.at("/state/reported/price").asLong());
                assertEquals(990, shadow.at("/state/reported/next/price").asLong());
            }
            // at its time the label shows it by itself, and reports what the cloud will then want: no delta after
            DeviceConfig due = register("esl", "t1-s1-esl-7", "esl-7");
            try (ShelfLabel label = new ShelfLabel(due, connections)
                    .behaving(timer, Clock.fixed(at, java.time.ZoneOffset.UTC), null)) {
                label.start();
                setDesired("t1-s1-esl-7", before);
                JsonNode shadow = shadowWhen("t1-s1-esl-7", s -> s.at("/state/reported/price").asLong() == 990);
                assertEquals(false, shadow.at("/state/reported/next").asBoolean(true), shadow.toString());
                assertEquals(99, shadow.at("/state/reported/unitPrice/price").asLong());
                assertTrue(shadow.at("/state/delta/price").isNumber(), "the cloud still wants the old price until its sweep");
                setDesired("t1-s1-esl-7", after);   // the sweep's push at that minute only confirms
                shadow = shadowWhen("t1-s1-esl-7", DevicesTest::synced);
                Map<String, Object> wanted = JSON.convertValue(shadow.at("/state/desired"), Map.class);
                assertEquals(LabelRendering.hash(wanted), shadow.at("/state/reported/renderedHash").asText());
            }
        } finally {
            timer.shutdownNow();
        }
    }

    @Test
    void aLabelOfflineDuringAChangeCatchesUpWhenItReconnects() throws Exception {
        DeviceConfig config = register("esl", "t1-s1-esl-2", "esl-2");
        try (ShelfLabel label = new ShelfLabel(config, connections)) {
            label.start();
            setDesired("t1-s1-esl-2", "{\"name\":\"Tea\",\"price\":500}");
            shadowWhen("t1-s1-esl-2", DevicesTest::synced);
        }
        setDesired("t1-s1-esl-2", "{\"price\":450,\"spec\":\"250g\"}");
        assertTrue(shadowWhen("t1-s1-esl-2", s -> true).at("/state/delta/price").isNumber());
        try (ShelfLabel label = new ShelfLabel(config, connections)) {
            label.start();
            JsonNode shadow = shadowWhen("t1-s1-esl-2", s -> synced(s) && s.at("/state/reported/price").asLong() == 450);
            assertEquals("Tea", shadow.at("/state/reported/name").asText());
            assertEquals("250g", shadow.at("/state/reported/spec").asText());
            assertEquals(Map.of("name", "Tea", "price", 450L, "spec", "250g"), label.shown());
        }
    }

    @Test
    void aFleetOfSensorsPublishesTelemetryThatTheRulesRoute() throws Exception {
        BlockingQueue<JsonNode> telemetry = new LinkedBlockingQueue<>();
        iot.rules().route("zhidian/+/+/+/telemetry", m -> {
            try {
                telemetry.add(JSON.readTree(m.payload()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        List<DeviceConfig> devices = List.of(register("traffic_counter", "t1-s1-tc-1", "tc-1"),
                register("fridge_sensor", "t1-s1-fr-1", "fr-1"), register("energy_meter", "t1-s1-em-1", "em-1"),
                register("env_sensor", "t1-s1-env-1", "env-1"), register("esl", "t1-s1-esl-3", "esl-3"));
        try (Fleet fleet = Fleet.start(devices, Duration.ofMillis(300), Clock.systemUTC())) {
            assertEquals(1, fleet.labels().size());
            assertEquals(4, fleet.sensors().size());
            Set<String> kinds = ConcurrentHashMap.newKeySet();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (kinds.size() < 4 && System.nanoTime() < deadline) {
                JsonNode message = telemetry.poll(1, TimeUnit.SECONDS);
                if (message != null) {
                    kinds.add(message.get("kind").asText());
                    assertNotNull(message.get("readings"));
                    assertTrue(message.get("seq").asLong() >= 1);
                }
            }
            assertEquals(Set.of("traffic_counter", "fridge_sensor", "energy_meter", "env_sensor"), kinds);
            setDesired("t1-s1-esl-3", "{\"name\":\"Rice\",\"price\":2599}");
            shadowWhen("t1-s1-esl-3", DevicesTest::synced);
        }
    }
}
