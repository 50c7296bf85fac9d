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
}
