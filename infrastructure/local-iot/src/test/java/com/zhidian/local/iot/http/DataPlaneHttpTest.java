package com.zhidian.local.iot.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.local.iot.IotLocal;
import com.zhidian.local.iot.MqttTestClient;
import com.zhidian.local.iot.shadow.ShadowJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iotdataplane.IotDataPlaneClient;
import software.amazon.awssdk.services.iotdataplane.model.ConflictException;
import software.amazon.awssdk.services.iotdataplane.model.InvalidRequestException;
import software.amazon.awssdk.services.iotdataplane.model.ListNamedShadowsForThingResponse;
import software.amazon.awssdk.services.iotdataplane.model.RequestEntityTooLargeException;
import software.amazon.awssdk.services.iotdataplane.model.ResourceNotFoundException;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The data-plane HTTP API through the real IotDataPlaneClient (endpointOverride). */
class DataPlaneHttpTest {
    static IotLocal iot;
    static IotDataPlaneClient data;

    @BeforeAll
    static void start() {
        iot = IotLocal.start(IotLocal.Config.defaults());
        data = IotDataPlaneClient.builder().endpointOverride(iot.endpoints().dataPlane())
                .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
        iot.registry().createThing("esl-1", Map.of("tenantId", "t1", "storeId", "s1", "deviceId", "d1"));
    }

    @AfterAll
    static void stop() {
        data.close();
        iot.close();
    }

    static JsonNode json(SdkBytes bytes) throws Exception {
        return ShadowJson.MAPPER.readTree(bytes.asByteArray());
    }

    static SdkBytes doc(String json) {
        return SdkBytes.fromUtf8String(json.replace('\'', '"'));
    }

    @Test
    void updateGetDeleteANamedShadowAndTheDeviceSeesTheDelta() throws Exception {
        String secret = iot.registry().issueCredential("esl-1").privateKey();
        String p = "$aws/things/esl-1/shadow/name/esl";
        try (MqttTestClient label = MqttTestClient.connect(iot, "esl-1", "esl-1", secret)) {
            assertTrue(label.subscribe(p + "/update/delta"));
            JsonNode accepted = json(data.updateThingShadow(b -> b.thingName("esl-1").shadowName("esl")
                    .payload(doc("{'state':{'desired':{'price':1299,'name':'Milk'}},'clientToken':'http-1'}"))).payload());
            assertEquals(1, accepted.get("version").asLong());
            assertEquals("http-1", accepted.get("clientToken").asText());
            assertNotNull(accepted.at("/metadata/desired/price/timestamp"));
            JsonNode delta = label.next(p + "/update/delta");
            assertEquals(1299, delta.at("/state/price").asLong());
            assertEquals("Milk", delta.at("/state/name").asText());
        }
        data.updateThingShadow(b -> b.thingName("esl-1").shadowName("esl")
                .payload(doc("{'state':{'reported':{'price':1299}}}")));
        JsonNode got = json(data.getThingShadow(b -> b.thingName("esl-1").shadowName("esl")).payload());
        assertEquals(2, got.get("version").asLong());
        assertEquals(json(doc("{'name':'Milk'}")), got.at("/state/delta"));
        assertEquals(1299, got.at("/state/reported/price").asLong());

        ConflictException conflict = assertThrows(ConflictException.class, () -> data.updateThingShadow(b -> b
                .thingName("esl-1").shadowName("esl").payload(doc("{'state':{'desired':{'price':1}},'version':1}"))));
        assertEquals(409, conflict.statusCode());
        assertTrue(conflict.getMessage().startsWith("Version conflict"), conflict.getMessage());

        JsonNode deleted = json(data.deleteThingShadow(b -> b.thingName("esl-1").shadowName("esl")).payload());
        assertEquals(2, deleted.get("version").asLong());
        ResourceNotFoundException missing = assertThrows(ResourceNotFoundException.class,
                () -> data.getThingShadow(b -> b.thingName("esl-1").shadowName("esl")));
        assertEquals(404, missing.statusCode());
        assertTrue(missing.getMessage().startsWith("No shadow exists with name: 'esl'"), missing.getMessage());
    }

    @Test
    void badDocumentsAreRefusedWithTheDocumentedErrors() {
        InvalidRequestException invalid = assertThrows(InvalidRequestException.class, () -> data.updateThingShadow(
                b -> b.thingName("esl-1").shadowName("bad").payload(SdkBytes.fromUtf8String("{nope"))));
        assertEquals(400, invalid.statusCode());
        assertTrue(invalid.getMessage().startsWith("Invalid JSON"), invalid.getMessage());
        assertTrue(assertThrows(InvalidRequestException.class, () -> data.updateThingShadow(b -> b.thingName("esl-1")
                .shadowName("bad").payload(doc("{'desired':{}}")))).getMessage().startsWith("Missing required node: state"));
        String big = "x".repeat(9000);
        assertEquals(413, assertThrows(RequestEntityTooLargeException.class, () -> data.updateThingShadow(b -> b
                .thingName("esl-1").shadowName("bad").payload(doc("{'state':{'desired':{'a':'" + big + "'}}}"))))
                .statusCode());
        assertEquals(400, assertThrows(InvalidRequestException.class, () -> data.getThingShadow(b -> b
                .thingName("esl-1").shadowName("bad name!"))).statusCode());
        // GetThingShadow (API reference): shadowName "[$a-zA-Z0-9:_-]+", length 1 to 64
        assertEquals(400, assertThrows(InvalidRequestException.class, () -> data.getThingShadow(b -> b
                .thingName("esl-1").shadowName("s".repeat(65)))).statusCode());
        assertEquals(404, assertThrows(ResourceNotFoundException.class, () -> data.getThingShadow(b -> b
                .thingName("esl-1").shadowName("s".repeat(64)))).statusCode());
        assertEquals(404, assertThrows(ResourceNotFoundException.class, () -> data.getThingShadow(b -> b
                .thingName("esl-1").shadowName("$package"))).statusCode());
    }

    @Test
    void listsNamedShadowsInPages() throws Exception {
        for (String name : List.of("a", "b", "c")) {
            data.updateThingShadow(b -> b.thingName("lister").shadowName(name).payload(doc("{'state':{}}")));
        }
        data.updateThingShadow(b -> b.thingName("lister").payload(doc("{'state':{}}")));
        ListNamedShadowsForThingResponse first = data.listNamedShadowsForThing(b -> b.thingName("lister").pageSize(2));
        assertEquals(List.of("a", "b"), first.results());
        assertNotNull(first.nextToken());
        ListNamedShadowsForThingResponse second = data.listNamedShadowsForThing(
                b -> b.thingName("lister").pageSize(2).nextToken(first.nextToken()));
        assertEquals(List.of("c"), second.results());
        assertNull(second.nextToken());
        assertTrue(second.timestamp() > 0);
        assertEquals(0, json(data.getThingShadow(b -> b.thingName("lister")).payload()).at("/state").size());
    }

    @Test
    void aRuleOnShadowDocumentsSeesEveryAcceptedUpdate() throws Exception {
        java.util.concurrent.BlockingQueue<byte[]> events = new java.util.concurrent.LinkedBlockingQueue<>();
        iot.rules().routeSql("SELECT *, topic(3) AS thingName, topic(6) AS shadowName "
                + "FROM '$aws/things/+/shadow/name/+/update/documents'", java.time.Clock.systemUTC(), events::add);
        data.updateThingShadow(b -> b.thingName("esl-9").shadowName("esl")
                .payload(doc("{'state':{'reported':{'price':500,'renderedHash':'ab'}},'clientToken':'r'}")));
        JsonNode event = ShadowJson.MAPPER.readTree(events.poll(10, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals("esl-9", event.get("thingName").asText());
        assertEquals("esl", event.get("shadowName").asText());
        assertEquals(500, event.at("/current/state/reported/price").asLong());
        assertEquals("ab", event.at("/current/state/reported/renderedHash").asText());
        assertEquals(1, event.at("/current/version").asLong());
        assertEquals("r", event.get("clientToken").asText());
    }

    @Test
    void publishReachesSubscribersAndRules() throws Exception {
        String secret = iot.registry().issueCredential("esl-1").privateKey();
        java.util.concurrent.BlockingQueue<String> routed = new java.util.concurrent.LinkedBlockingQueue<>();
        iot.rules().route("zhidian/t1/+/+/flash", m -> routed.add(m.topic()));
        try (MqttTestClient label = MqttTestClient.connect(iot, "esl-1", "esl-1", secret)) {
            assertTrue(label.subscribe("zhidian/t1/s1/d1/flash"));
            data.publish(b -> b.topic("zhidian/t1/s1/d1/flash").qos(1).payload(doc("{'seconds':30}")));
            assertEquals(30, label.next("zhidian/t1/s1/d1/flash").get("seconds").asInt());
            assertEquals("zhidian/t1/s1/d1/flash", routed.poll(10, java.util.concurrent.TimeUnit.SECONDS));
        }
    }

    /** Publish (IoT data plane API reference): retain=true keeps the message for the topic's later subscribers. */
    @Test
    void aRetainedPublishReachesALaterSubscriber() throws Exception {
        String secret = iot.registry().issueCredential("esl-1").privateKey();
        data.publish(b -> b.topic("zhidian/t1/s1/d1/config").qos(1).retain(true).payload(doc("{'brightness':7}")));
        data.publish(b -> b.topic("zhidian/t1/s1/d1/note").qos(1).payload(doc("{'once':true}")));
        try (MqttTestClient label = MqttTestClient.connect(iot, "esl-1", "esl-1", secret)) {
            assertTrue(label.subscribe("zhidian/t1/s1/d1/config"));
            assertTrue(label.subscribe("zhidian/t1/s1/d1/note"));
            assertEquals(7, label.next("zhidian/t1/s1/d1/config").get("brightness").asInt());
            assertNull(label.poll("zhidian/t1/s1/d1/note", 300), "a message published without retain is not kept");
        }
        // "Publishing an empty (null) payload with retain = true deletes the retained message"
        data.publish(b -> b.topic("zhidian/t1/s1/d1/config").qos(1).retain(true).payload(SdkBytes.fromByteArray(new byte[0])));
        try (MqttTestClient label = MqttTestClient.connect(iot, "esl-1", "esl-1", secret)) {
            assertTrue(label.subscribe("zhidian/t1/s1/d1/config"));
            assertNull(label.poll("zhidian/t1/s1/d1/config", 300));
        }
    }

    /** Publish (API reference): qos 0 or 1; IoT Core quotas: a message of at most 128 KB. */
    @Test
    void publishRefusesAQosAbove1AndAPayloadAbove128Kb() {
        assertEquals(400, assertThrows(InvalidRequestException.class, () -> data.publish(b -> b
                .topic("zhidian/t1/s1/d1/flash").qos(2).payload(doc("{}")))).statusCode());
        byte[] big = new byte[128 * 1024 + 1];
        assertEquals(413, assertThrows(RequestEntityTooLargeException.class, () -> data.publish(b -> b
                .topic("zhidian/t1/s1/d1/flash").payload(SdkBytes.fromByteArray(big)))).statusCode());
        data.publish(b -> b.topic("zhidian/t1/s1/d1/flash").payload(SdkBytes.fromByteArray(new byte[128 * 1024])));
    }
}
