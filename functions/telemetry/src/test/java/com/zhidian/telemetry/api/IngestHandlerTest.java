package com.zhidian.telemetry.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zhidian.core.Env;
import com.zhidian.core.Json;
import com.zhidian.core.testing.TestTables;
import com.zhidian.telemetry.store.Keys;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The ingest as Lambda runs it: Spring Cloud Function's AWS adapter (the handler is a FunctionInvoker) over the
 * functionally registered bean, against the DynamoDB stand-in; an IoT rule event in, the outcome out.
 */
class IngestHandlerTest {
    private static DynamoDbClient db;
    private static IngestHandler handler;
    private static final String TENANT = "tn_ingesttest", STORE = "st_one", DEVICE = "dv_fridge1";

    @BeforeAll
    static void start() {
        db = TestTables.client();
        System.setProperty("aws.dynamodb.endpoint", "unused");
        registerDevice(TENANT, STORE, DEVICE, "fridge_sensor");
        handler = new IngestHandler(new IngestFunction(com.zhidian.telemetry.application.Telemetry.ingest(db, java.time.Clock.systemUTC())));
    }

    static void registerDevice(String tenant, String store, String device, String kind) {
        db.putItem(b -> b.tableName(Env.tableName()).item(Map.of("pk", AttributeValue.fromS(Keys.devices(tenant)), "sk", AttributeValue.fromS(device),
                "storeId", AttributeValue.fromS(store), "kind", AttributeValue.fromS(kind))));
    }

    private static Map<String, Object> invoke(Map<String, Object> event) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(Json.write(event).getBytes(StandardCharsets.UTF_8)), out, null);
        return Json.MAPPER.readValue(out.toByteArray(), Map.class);
    }

    private static Map<String, Object> event(String tenant, String store, String device, long seq, Instant at, Map<String, Object> readings) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("kind", "fridge_sensor");
        e.put("deviceId", device);
        e.put("seq", seq);
        e.put("at", at.toString());
        e.put("readings", readings);
        e.put("tenantId", tenant);
        e.put("storeId", store);
        e.put("topicDeviceId", device);
        return e;
    }

    @Test
    void aReadingIsStoredOnce_andBadOnesAreDroppedAndCounted() throws Exception {
        Instant now = Instant.now();
        assertEquals("stored", invoke(event(TENANT, STORE, DEVICE, 1, now, Map.of("temperatureC", 3.4))).get("outcome"));
        assertEquals("duplicate", invoke(event(TENANT, STORE, DEVICE, 1, now, Map.of("temperatureC", 3.4))).get("outcome"), "a QoS 1 redelivery");
        Map<String, Object> wrongType = invoke(event(TENANT, STORE, DEVICE, 2, now, Map.of("temperatureC", "warm")));
        assertEquals("dropped", wrongType.get("outcome"));
        assertTrue(wrongType.get("reason").toString().startsWith("bad_field"), wrongType::toString);
        assertEquals("dropped", invoke(event(TENANT, STORE, DEVICE, 3, now.plusSeconds(3600), Map.of("temperatureC", 3.0))).get("outcome"));
        assertEquals("dropped", invoke(event(TENANT, "st_other", DEVICE, 4, now, Map.of("temperatureC", 3.0))).get("outcome"), "another store's topic");
        assertEquals("dropped", invoke(event("tn_someoneelse", STORE, DEVICE, 5, now, Map.of("temperatureC", 3.0))).get("outcome"), "another tenant");
        Map<String, Object> huge = event(TENANT, STORE, DEVICE, 6, now, Map.of("temperatureC", 3.0));
        huge.put("thingName", "x".repeat(10_000));
        assertTrue(invoke(huge).get("reason").toString().startsWith("too_large"));
        Map<String, AttributeValue> drops = db.getItem(b -> b.tableName(Env.tableName()).key(Map.of("pk", AttributeValue.fromS(Keys.drops(TENANT, STORE)),
                "sk", AttributeValue.fromS(now.toString().substring(0, 10))))).item();
        assertEquals("1", drops.get("bad_field").n());
        assertEquals("1", drops.get("clock_skew").n());
    }

    /** An SQS batch as the telemetry queue hands it over: each record's body one IoT rule event. */
    private static Map<String, Object> invokeBatch(List<String> bodies) throws Exception {
        List<Map<String, Object>> records = new java.util.ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            records.add(Map.of("messageId", "m" + i, "receiptHandle", "r" + i, "body", bodies.get(i), "eventSource", "aws:sqs"));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(Json.write(Map.of("Records", records)).getBytes(StandardCharsets.UTF_8)), out, null);
        return Json.MAPPER.readValue(out.toByteArray(), Map.class);
    }

    private static Map<String, AttributeValue> item(String pk, String sk) {
        return db.getItem(b -> b.tableName(Env.tableName()).key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk)))).item();
    }

    @Test
    void aBatchIsFoldedPerDeviceMinute_exactlyOnce_whateverTheQueueRedelivers() throws Exception {
        String a = "dv_batcha", b = "dv_batchb";
        registerDevice(TENANT, STORE, a, "fridge_sensor");
        registerDevice(TENANT, STORE, b, "fridge_sensor");
        Instant minute = Instant.now().minusSeconds(600).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        List<String> bodies = new java.util.ArrayList<>();
        // 45 readings of each device, 2 seconds apart (more than one write of DeviceFold.MAX_READINGS each), interleaved
        for (int i = 0; i < 45; i++) {
            for (String d : List.of(a, b)) bodies.add(Json.write(event(TENANT, STORE, d, i + 1, minute.plusSeconds(2L * i), Map.of("temperatureC", 3.0))));
        }
        bodies.add(bodies.get(0));                      // the same message twice in one batch
        bodies.add("not json");                         // dropped and counted
        bodies.add(Json.write(event(TENANT, STORE, "dv_nobody", 1, minute, Map.of("temperatureC", 3.0))));
        Map<String, Object> first = invokeBatch(bodies);
        assertEquals(List.of(), first.get("batchItemFailures"));
        assertEquals(Map.of("stored", 90, "duplicate", 1, "dropped", 2), first.get("outcomes"));
        for (String d : List.of(a, b)) {
            // 45 readings over 90 s: 30 in the first minute, 15 in the next, 3.0 °C each
            String m0 = minute.toString().substring(0, 16), m1 = minute.plusSeconds(60).toString().substring(0, 16);
            assertEquals("30", item(Keys.minutes(TENANT, d), m0).get("n_temperatureC").n());
            assertEquals("90", item(Keys.minutes(TENANT, d), m0).get("s_temperatureC").n());
            assertEquals("15", item(Keys.minutes(TENANT, d), m1).get("n_temperatureC").n());
        }
        // the queue hands the whole batch back (a timeout after the writes): nothing is counted twice
        Map<String, Object> again = invokeBatch(bodies);
        assertEquals(Map.of("duplicate", 91, "dropped", 2), again.get("outcomes"));
        assertEquals("30", item(Keys.minutes(TENANT, a), minute.toString().substring(0, 16)).get("n_temperatureC").n());
        assertEquals("45", item(Keys.monitors(TENANT), a).get("lastSeq").n());
    }
}
