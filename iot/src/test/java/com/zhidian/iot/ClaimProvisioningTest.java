package com.zhidian.iot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zhidian.local.iot.IotLocal;
import com.zhidian.local.iot.registry.ThingRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iotdataplane.IotDataPlaneClient;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fleet provisioning by claim over MQTT against the IoT stand-in, with the AWS IoT Device SDK v2's
 * {@code IotIdentityClient} ({@link ClaimProvisioning}): the device with the claim gets its own certificate, registers
 * with the tenant's template (the thing with its attributes in its groups, the certificate active with the policy),
 * then connects as its thing and follows its shadow as a label. Refusals come on {@code /rejected} with the documented
 * error response. Waits are bounded; nothing asserts speed.
 */
class ClaimProvisioningTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String TEMPLATE = "zd-t9";
    static IotLocal iot;
    static IotDataPlaneClient data;
    static Connections connections;

    /** The tenant's template as functions/devices IotThings makes it at onboarding (thing in the tenant's and store's groups). */
    static final String BODY = """
            {"Parameters":{"SerialNumber":{"Type":"String"},"StoreId":{"Type":"String"},"AWS::IoT::Certificate::Id":{"Type":"String"}},
             "Resources":{
              "thing":{"Type":"AWS::IoT::Thing","OverrideSettings":{"AttributePayload":"MERGE","ThingGroups":"DO_NOTHING"},
               "Properties":{"ThingName":{"Fn::Join":["",["zd-t9-",{"Ref":"SerialNumber"}]]},
                "AttributePayload":{"tenantId":"t9","storeId":{"Ref":"StoreId"},"deviceId":{"Ref":"SerialNumber"}},
                "ThingGroups":["zd-t9",{"Fn::Join":["",["zd-t9-",{"Ref":"StoreId"}]]}]}},
              "certificate":{"Type":"AWS::IoT::Certificate","Properties":{"CertificateId":{"Ref":"AWS::IoT::Certificate::Id"},"Status":"ACTIVE"}},
              "policy":{"Type":"AWS::IoT::Policy","Properties":{"PolicyName":"zhidian-device"}}},
             "DeviceConfiguration":{"storeId":{"Ref":"StoreId"}}}""";

    @BeforeAll
    static void start() {
        iot = IotLocal.start(IotLocal.Config.defaults());
        data = IotDataPlaneClient.builder().endpointOverride(iot.endpoints().dataPlane())
                .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
        connections = new Connections(1);
        ThingRegistry r = iot.registry();
        r.createPolicy("zhidian-device", "{}");
        r.createGroup("zd-t9", null);
        r.createGroup("zd-t9-s1", "zd-t9");
        r.createTemplate(TEMPLATE, "t9's devices", BODY, "arn:aws:iam::000000000000:role/p", true, "FLEET_PROVISIONING",
                System.currentTimeMillis() / 1000);
    }

    @AfterAll
    static void stop() {
        connections.close();
        data.close();
        iot.close();
    }

    static DeviceConfig claim(String clientId) {
        ThingRegistry.Claim c = iot.registry().createClaim(TEMPLATE, System.currentTimeMillis() / 1000).orElseThrow();
        return DeviceConfig.local("esl", clientId, "t9", "s1", clientId, iot.endpoints().mqttHost(), iot.endpoints().mqttPort(),
                c.certificate().privateKey());
    }

    @Test
    void aDeviceWithTheClaimGetsItsCertificate_registersItself_andWorksAsItsThing() throws Exception {
        DeviceConfig claim = claim("factory-0001");
        ClaimProvisioning.Provisioned p = ClaimProvisioning.provision(connections, claim, TEMPLATE,
                Map.of("SerialNumber", "dv_serial1", "StoreId", "s1"));
        assertEquals("zd-t9-dv_serial1", p.thingName());
        assertEquals(Map.of("storeId", "s1"), p.deviceConfiguration());
        assertTrue(p.certificatePem().startsWith("-----BEGIN CERTIFICATE-----"), p.certificatePem());
        assertFalse(p.privateKey().isBlank());

        ThingRegistry r = iot.registry();
        ThingRegistry.Thing thing = r.thing("zd-t9-dv_serial1").orElseThrow();
        assertEquals(Map.of("tenantId", "t9", "storeId", "s1", "deviceId", "dv_serial1"), thing.attributes());
        assertTrue(r.thingsInGroup("zd-t9", false).contains(thing.name()), "in the tenant's group");
        assertTrue(r.thingsInGroup("zd-t9-s1", false).contains(thing.name()), "in the store's group");
        String certArn = r.certificate(p.certificateId()).orElseThrow().arn();
        assertEquals(List.of(certArn), r.principals(thing.name()));
        assertTrue(r.active(certArn), "the template made the certificate ACTIVE");
        assertTrue(r.policy("zhidian-device").orElseThrow().targets().contains(certArn), "the policy is attached to it");

        // the device connects again as its thing, with its new key, and works as a shelf label
        DeviceConfig device = ClaimProvisioning.asThing(claim, p, "esl", "t9", "s1", "dv_serial1");
        try (ShelfLabel label = new ShelfLabel(device, connections)) {
            label.start();
            data.updateThingShadow(b -> b.thingName(thing.name()).shadowName("esl")
                    .payload(SdkBytes.fromUtf8String("{\"state\":{\"desired\":{\"name\":\"Tea\",\"price\":500}}}")));
            JsonNode shadow = null;
            for (int i = 0; i < 200; i++) {
                shadow = JSON.readTree(data.getThingShadow(b -> b.thingName(thing.name()).shadowName("esl")).payload().asByteArray());
                if (shadow.at("/state/delta").isMissingNode() && shadow.at("/state/reported/price").asLong() == 500) break;
                Thread.sleep(100);
            }
            assertEquals(500, shadow.at("/state/reported/price").asLong(), String.valueOf(shadow));
        }
    }

    @Test
    void refusalsComeOnRejectedWithTheDocumentedErrorShape_andLeaveNothingBehind() throws Exception {
        DeviceConfig claim = claim("factory-0002");
        ClaimProvisioning.Rejected missing = assertThrows(ClaimProvisioning.Rejected.class, () -> ClaimProvisioning.provision(
                connections, claim, TEMPLATE, Map.of("SerialNumber", "dv_serial2")));
        assertEquals(400, missing.statusCode);
        assertEquals("InvalidParameters", missing.errorCode);
        assertTrue(iot.registry().thing("zd-t9-dv_serial2").isEmpty(), "nothing made");

        ClaimProvisioning.Rejected group = assertThrows(ClaimProvisioning.Rejected.class, () -> ClaimProvisioning.provision(
                connections, claim, TEMPLATE, Map.of("SerialNumber", "dv_serial3", "StoreId", "nostore")));
        assertEquals(400, group.statusCode, group.getMessage());
        assertTrue(iot.registry().thing("zd-t9-dv_serial3").isEmpty(), "nothing made when a group is missing");

        ClaimProvisioning.provision(connections, claim, TEMPLATE, Map.of("SerialNumber", "dv_serial4", "StoreId", "s1"));
        ClaimProvisioning.Rejected again = assertThrows(ClaimProvisioning.Rejected.class, () -> ClaimProvisioning.provision(
                connections, claim, TEMPLATE, Map.of("SerialNumber", "dv_serial4", "StoreId", "s1")));
        assertEquals(409, again.statusCode, "a claim cannot take over a thing that exists: " + again.getMessage());
        assertEquals(1, iot.registry().principals("zd-t9-dv_serial4").size());
    }

    @Test
    void anExpiredOrUnknownClaimCannotConnect() throws Exception {
        ThingRegistry.Claim old = iot.registry().createClaim(TEMPLATE, System.currentTimeMillis() / 1000 - 301).orElseThrow();
        DeviceConfig expired = DeviceConfig.local("esl", "factory-0003", "t9", "s1", "x", iot.endpoints().mqttHost(),
                iot.endpoints().mqttPort(), old.certificate().privateKey());
        var connection = connections.open(expired);
        try {
            assertThrows(Exception.class, () -> connection.connect().get(15, TimeUnit.SECONDS), "the claim is valid for five minutes");
        } finally {
            connection.close();
        }
        DeviceConfig unknown = DeviceConfig.local("esl", "factory-0004", "t9", "s1", "x", iot.endpoints().mqttHost(),
                iot.endpoints().mqttPort(), "not-a-claim-key");
        var c2 = connections.open(unknown);
        try {
            assertThrows(Exception.class, () -> c2.connect().get(15, TimeUnit.SECONDS));
        } finally {
            c2.close();
        }
    }
}
