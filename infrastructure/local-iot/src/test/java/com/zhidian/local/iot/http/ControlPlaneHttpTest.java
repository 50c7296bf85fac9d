package com.zhidian.local.iot.http;

import com.zhidian.local.iot.IotLocal;
import com.zhidian.local.iot.MqttTestClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.CertificateStateException;
import software.amazon.awssdk.services.iot.model.CertificateStatus;
import software.amazon.awssdk.services.iot.model.CreateKeysAndCertificateResponse;
import software.amazon.awssdk.services.iot.model.DeleteConflictException;
import software.amazon.awssdk.services.iot.model.InvalidRequestException;
import software.amazon.awssdk.services.iot.model.CreateThingResponse;
import software.amazon.awssdk.services.iot.model.DescribeThingResponse;
import software.amazon.awssdk.services.iot.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.iot.model.ResourceNotFoundException;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The control-plane subset through the real IotClient: the calls onboarding and the device registry make. */
class ControlPlaneHttpTest {
    static IotLocal iot;
    static IotClient control;

    @BeforeAll
    static void start() {
        iot = IotLocal.start(IotLocal.Config.defaults());
        control = IotClient.builder().endpointOverride(iot.endpoints().controlPlane())
                .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
    }

    @AfterAll
    static void stop() {
        control.close();
        iot.close();
    }

    @Test
    void onboardsAThingInItsGroupsWithACredentialThatConnects() throws Exception {
        control.createThingGroup(b -> b.thingGroupName("tenant-t1"));
        control.createThingGroup(b -> b.thingGroupName("store-t1-s1").parentGroupName("tenant-t1"));
        Map<String, String> attrs = Map.of("tenantId", "t1", "storeId", "s1", "deviceId", "d7");
        CreateThingResponse created = control.createThing(b -> b.thingName("t1-s1-d7")
                .attributePayload(a -> a.attributes(attrs)));
        assertEquals("t1-s1-d7", created.thingName());
        assertTrue(created.thingArn().endsWith(":thing/t1-s1-d7"), created.thingArn());
        assertEquals(created.thingId(), control.createThing(b -> b.thingName("t1-s1-d7")
                .attributePayload(a -> a.attributes(attrs))).thingId());
        assertEquals(409, assertThrows(ResourceAlreadyExistsException.class, () -> control.createThing(b -> b
                .thingName("t1-s1-d7").attributePayload(a -> a.attributes(Map.of("tenantId", "t2"))))).statusCode());

        DescribeThingResponse described = control.describeThing(b -> b.thingName("t1-s1-d7"));
        assertEquals(attrs, described.attributes());
        assertEquals("t1-s1-d7", described.defaultClientId());

        control.addThingToThingGroup(b -> b.thingGroupName("store-t1-s1").thingName("t1-s1-d7"));
        assertEquals(List.of("t1-s1-d7"), control.listThingsInThingGroup(b -> b.thingGroupName("store-t1-s1")).things());
        assertEquals(List.of(), control.listThingsInThingGroup(b -> b.thingGroupName("tenant-t1")).things());
        assertEquals(List.of("t1-s1-d7"),
                control.listThingsInThingGroup(b -> b.thingGroupName("tenant-t1").recursive(true)).things());
        assertThrows(ResourceNotFoundException.class,
                () -> control.addThingToThingGroup(b -> b.thingGroupName("store-t1-s1").thingName("nobody")));

        control.createPolicy(b -> b.policyName("zhidian-device").policyDocument("{\"Version\":\"2012-10-17\"}"));
        CreateKeysAndCertificateResponse cert = control.createKeysAndCertificate(b -> b.setAsActive(true));
        control.attachPolicy(b -> b.policyName("zhidian-device").target(cert.certificateArn()));
        control.attachThingPrincipal(b -> b.thingName("t1-s1-d7").principal(cert.certificateArn()));

        String key = cert.keyPair().privateKey();
        MqttTestClient device = MqttTestClient.connect(iot, "t1-s1-d7", "t1-s1-d7", key);
        assertTrue(device.subscribe("zhidian/t1/s1/d7/cmd"));
        MqttTestClient watcher = MqttTestClient.connect(iot, "watcher-d7", iot.config().serviceUser(),
                iot.config().serviceSecret());
        assertTrue(watcher.subscribe("$aws/events/presence/disconnected/t1-s1-d7"));

        control.deleteThing(b -> b.thingName("t1-s1-d7"));
        for (int i = 0; i < 100 && device.isConnected(); i++) {
            Thread.sleep(50);
        }
        assertFalse(device.isConnected());
        // life-cycle-events.html: the server dropped it, "for operational reasons"
        var dropped = watcher.next("$aws/events/presence/disconnected/t1-s1-d7");
        assertEquals("SERVER_INITIATED_DISCONNECT", dropped.get("disconnectReason").asText());
        assertFalse(dropped.get("clientInitiatedDisconnect").asBoolean());
        watcher.close();
        device.close();
        assertThrows(MqttException.class,
                () -> MqttTestClient.connect(iot, "t1-s1-d7", "t1-s1-d7", key));
        assertEquals(404, assertThrows(ResourceNotFoundException.class,
                () -> control.describeThing(b -> b.thingName("t1-s1-d7"))).statusCode());
        control.deleteThing(b -> b.thingName("t1-s1-d7")); // deleting a missing thing succeeds
    }

    /**
     * Decommissioning as AWS requires it (AWS IoT API Reference, DeleteCertificate: "A certificate cannot be deleted if
     * it has a policy or IoT thing attached to it or if its status is set to ACTIVE"): list and detach the thing's
     * principals, detach the policy, set the certificate INACTIVE, delete it, delete the thing. Each refusal on the
     * way has the documented error type and status.
     */
    @Test
    void decommissionDetachesDeactivatesAndDeletesTheCertificate() throws Exception {
        control.createThing(b -> b.thingName("t9-s1-d1").attributePayload(a -> a.attributes(Map.of("tenantId", "t9", "storeId", "s1", "deviceId", "d1"))));
        try {
            control.createPolicy(b -> b.policyName("decommission-test").policyDocument("{\"Version\":\"2012-10-17\"}"));
        } catch (ResourceAlreadyExistsException again) {
            // one policy per account
        }
        CreateKeysAndCertificateResponse cert = control.createKeysAndCertificate(b -> b.setAsActive(true));
        control.attachPolicy(b -> b.policyName("decommission-test").target(cert.certificateArn()));
        control.attachThingPrincipal(b -> b.thingName("t9-s1-d1").principal(cert.certificateArn()));
        assertEquals(List.of(cert.certificateArn()), control.listThingPrincipals(b -> b.thingName("t9-s1-d1")).principals());
        MqttTestClient device = MqttTestClient.connect(iot, "t9-s1-d1", "t9-s1-d1", cert.keyPair().privateKey());

        assertEquals(406, assertThrows(CertificateStateException.class,
                () -> control.deleteCertificate(b -> b.certificateId(cert.certificateId()))).statusCode(), "still ACTIVE");
        control.updateCertificate(b -> b.certificateId(cert.certificateId()).newStatus(CertificateStatus.INACTIVE));
        for (int i = 0; i < 100 && device.isConnected(); i++) {
            Thread.sleep(50);
        }
        assertFalse(device.isConnected(), "an inactive certificate's device is dropped");
        device.close();
        assertThrows(MqttException.class, () -> MqttTestClient.connect(iot, "t9-s1-d1", "t9-s1-d1", cert.keyPair().privateKey()),
                "and cannot connect again");
        assertEquals(409, assertThrows(DeleteConflictException.class,
                () -> control.deleteCertificate(b -> b.certificateId(cert.certificateId()))).statusCode(), "attached to a thing");

        control.detachThingPrincipal(b -> b.thingName("t9-s1-d1").principal(cert.certificateArn()));
        assertEquals(List.of(), control.listThingPrincipals(b -> b.thingName("t9-s1-d1")).principals());
        assertEquals(409, assertThrows(DeleteConflictException.class,
                () -> control.deleteCertificate(b -> b.certificateId(cert.certificateId()))).statusCode(), "a policy is attached");
        control.detachPolicy(b -> b.policyName("decommission-test").target(cert.certificateArn()));
        control.deleteCertificate(b -> b.certificateId(cert.certificateId()));
        assertEquals(404, assertThrows(ResourceNotFoundException.class,
                () -> control.deleteCertificate(b -> b.certificateId(cert.certificateId()))).statusCode());
        assertEquals(404, assertThrows(ResourceNotFoundException.class,
                () -> control.updateCertificate(b -> b.certificateId(cert.certificateId()).newStatus(CertificateStatus.ACTIVE))).statusCode());
        assertEquals(400, assertThrows(InvalidRequestException.class,
                () -> control.deleteCertificate(b -> b.certificateId("not-hex"))).statusCode());
        control.deleteThing(b -> b.thingName("t9-s1-d1"));
        assertEquals(404, assertThrows(ResourceNotFoundException.class,
                () -> control.listThingPrincipals(b -> b.thingName("t9-s1-d1"))).statusCode());
    }

    /** forceDelete deletes an inactive certificate that still has a policy, never one attached to a thing. */
    @Test
    void forceDeleteIgnoresPoliciesButNotThings() {
        control.createThing(b -> b.thingName("t9-s1-d2"));
        try {
            control.createPolicy(b -> b.policyName("decommission-test").policyDocument("{\"Version\":\"2012-10-17\"}"));
        } catch (ResourceAlreadyExistsException again) {
            // made by the other test
        }
        CreateKeysAndCertificateResponse cert = control.createKeysAndCertificate(b -> b.setAsActive(true));
        control.attachPolicy(b -> b.policyName("decommission-test").target(cert.certificateArn()));
        control.attachThingPrincipal(b -> b.thingName("t9-s1-d2").principal(cert.certificateArn()));
        control.updateCertificate(b -> b.certificateId(cert.certificateId()).newStatus(CertificateStatus.INACTIVE));
        assertEquals(409, assertThrows(DeleteConflictException.class,
                () -> control.deleteCertificate(b -> b.certificateId(cert.certificateId()).forceDelete(true))).statusCode());
        control.detachThingPrincipal(b -> b.thingName("t9-s1-d2").principal(cert.certificateArn()));
        control.deleteCertificate(b -> b.certificateId(cert.certificateId()).forceDelete(true));
        assertTrue(iot.registry().certificate(cert.certificateId()).isEmpty());
        control.deleteThing(b -> b.thingName("t9-s1-d2"));
    }

    /**
     * Fleet provisioning by claim, as onboarding uses it, against the API Reference: CreateProvisioningTemplate answers
     * templateArn, templateName and defaultVersionId; a second one of the name is 409 ResourceAlreadyExistsException;
     * DescribeProvisioningTemplate gives back what was sent; CreateProvisioningClaim answers certificateId (64 hex),
     * certificatePem, keyPair and an expiration five minutes ahead; an unknown template is 404; a bad name 400.
     */
    @Test
    void provisioningTemplatesAndClaimsAsTheApiReferenceShapesThem() {
        String body = "{\"Parameters\":{\"SerialNumber\":{\"Type\":\"String\"}},\"Resources\":{}}";
        var created = control.createProvisioningTemplate(b -> b.templateName("zd-tn_claims").templateBody(body).enabled(true)
                .provisioningRoleArn("arn:aws:iam::000000000000:role/provisioning").description("tenant devices"));
        assertEquals("zd-tn_claims", created.templateName());
        assertTrue(created.templateArn().endsWith(":provisioningtemplate/zd-tn_claims"), created.templateArn());
        assertEquals(1, created.defaultVersionId());
        assertEquals(409, assertThrows(ResourceAlreadyExistsException.class, () -> control.createProvisioningTemplate(b -> b
                .templateName("zd-tn_claims").templateBody(body).provisioningRoleArn("arn:aws:iam::000000000000:role/provisioning")))
                .statusCode());

        var described = control.describeProvisioningTemplate(b -> b.templateName("zd-tn_claims"));
        assertEquals(body, described.templateBody());
        assertTrue(described.enabled());
        assertEquals("tenant devices", described.description());
        assertEquals("FLEET_PROVISIONING", described.typeAsString());
        assertEquals("arn:aws:iam::000000000000:role/provisioning", described.provisioningRoleArn());

        long before = java.time.Instant.now().getEpochSecond();
        var claim = control.createProvisioningClaim(b -> b.templateName("zd-tn_claims"));
        assertTrue(claim.certificateId().matches("[0-9a-f]{64}"), claim.certificateId());
        assertTrue(claim.certificatePem().startsWith("-----BEGIN CERTIFICATE-----"));
        assertFalse(claim.keyPair().privateKey().isBlank());
        long expires = claim.expiration().getEpochSecond();
        assertTrue(expires >= before + 299 && expires <= before + 301 + 5, "five minutes: " + claim.expiration());
        assertTrue(iot.registry().claim(iot.registry().arn("cert", claim.certificateId())).isPresent());

        assertEquals(404, assertThrows(ResourceNotFoundException.class,
                () -> control.createProvisioningClaim(b -> b.templateName("zd-nobody"))).statusCode());
        assertEquals(404, assertThrows(ResourceNotFoundException.class,
                () -> control.describeProvisioningTemplate(b -> b.templateName("zd-nobody"))).statusCode());
        assertEquals(400, assertThrows(InvalidRequestException.class, () -> control.createProvisioningTemplate(b -> b
                .templateName("no spaces allowed").templateBody(body).provisioningRoleArn("arn:aws:iam::000000000000:role/provisioning")))
                .statusCode());
        assertEquals(400, assertThrows(InvalidRequestException.class, () -> control.createProvisioningTemplate(b -> b
                .templateName("zd-bad-body").templateBody("not json").provisioningRoleArn("arn:aws:iam::000000000000:role/provisioning")))
                .statusCode());
    }
}
