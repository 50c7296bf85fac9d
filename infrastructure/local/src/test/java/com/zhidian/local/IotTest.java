package com.zhidian.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.local.aws.Json;
import com.zhidian.local.testfns.PresenceEvents;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.iotdataplane.IotDataPlaneClient;

/** The IoT Core stand-in as Zhidian Local starts it: the SDK's endpoint settings, IoTRule events, health, persistence. */
class IotTest {
    @Test
    void aNamedShadowRoundTripsThroughTheSdkClientTheFunctionsBuild() throws Exception {
        Path dir = Files.createTempDirectory("zhidian-iot");
        try (ZhidianLocal local = ZhidianLocal.start(LocalConfig.ephemeral().template(TestSupport.template()).dataDir(dir))) {
            assertNotNull(local.iot());
            assertEquals(local.iot().endpoints().dataPlane().toString(), System.getProperty(ZhidianLocal.IOT_DATA_ENDPOINT_PROPERTY));
            assertEquals(local.iot().endpoints().controlPlane().toString(), System.getProperty(ZhidianLocal.IOT_ENDPOINT_PROPERTY));
            local.iot().registry().createThing("zd-t1-d1", Map.of("tenantId", "t1", "storeId", "s1", "deviceId", "d1"));
            // no endpointOverride: the client reads the system properties, as a function's client does
            try (IotDataPlaneClient data = IotDataPlaneClient.builder().httpClient(UrlConnectionHttpClient.create()).build()) {
                data.updateThingShadow(b -> b.thingName("zd-t1-d1").shadowName("esl")
                        .payload(SdkBytes.fromUtf8String("{\"state\":{\"desired\":{\"price\":1299}}}")));
                JsonNode got = Json.parse(data.getThingShadow(b -> b.thingName("zd-t1-d1").shadowName("esl")).payload().asByteArray());
                assertEquals(1299, got.path("state").path("desired").path("price").asInt());
                assertEquals(1, got.path("version").asInt());
                assertEquals(1299, got.path("state").path("delta").path("price").asInt());
            }
            JsonNode health = TestSupport.get(local.gatewayUrl() + "/local/health").json().path("iot");
            assertEquals(local.iot().endpoints().mqttUri(), health.path("mqtt").asText());
            assertEquals(2, health.path("rules").asInt());
            assertTrue(Main.banner(local, LocalConfig.ephemeral()).contains(local.iot().endpoints().mqttUri()));
        }
        // the shadow is kept under the data directory, as DynamoDB's and Cognito's data are
        try (ZhidianLocal again = ZhidianLocal.start(LocalConfig.ephemeral().template(TestSupport.template()).dataDir(dir));
             IotDataPlaneClient data = IotDataPlaneClient.builder().httpClient(UrlConnectionHttpClient.create()).build()) {
            JsonNode got = Json.parse(data.getThingShadow(b -> b.thingName("zd-t1-d1").shadowName("esl")).payload().asByteArray());
            assertEquals(1299, got.path("state").path("desired").path("price").asInt());
        }
    }

    @Test
    void anIotRuleOfTheTemplateInvokesItsFunctionWithTheSelectResult() throws Exception {
        try (ZhidianLocal local = ZhidianLocal.start(LocalConfig.ephemeral().template(TestSupport.template()))) {
            PresenceEvents.EVENTS.clear();
            local.iot().publish("zhidian/t9/s1/d1/telemetry", "{\"celsius\":4.5}".getBytes());
            Map<String, Object> event = PresenceEvents.EVENTS.poll(10, TimeUnit.SECONDS);
            assertNotNull(event, "the telemetry rule did not invoke PresenceFunction");
            assertEquals("t9", event.get("tenantId"));
            assertEquals(4.5, ((Number) event.get("celsius")).doubleValue());
        }
    }

    @Test
    void withoutIotNothingIsStarted() {
        try (ZhidianLocal local = ZhidianLocal.start(LocalConfig.ephemeral().template(TestSupport.template()).withoutIot())) {
            assertEquals(null, local.iot());
            assertTrue(Main.banner(local, LocalConfig.ephemeral()).contains("off"));
        }
    }
}
