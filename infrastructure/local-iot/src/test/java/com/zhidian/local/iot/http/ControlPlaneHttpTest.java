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
import software.amazon.awssdk.services.iot.model.CreateKeysAndCertificateResponse;
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

        control.deleteThing(b -> b.thingName("t1-s1-d7"));
        for (int i = 0; i < 100 && device.isConnected(); i++) {
            Thread.sleep(50);
        }
        assertFalse(device.isConnected());
        device.close();
        assertThrows(MqttException.class,
                () -> MqttTestClient.connect(iot, "t1-s1-d7", "t1-s1-d7", key));
        assertEquals(404, assertThrows(ResourceNotFoundException.class,
                () -> control.describeThing(b -> b.thingName("t1-s1-d7"))).statusCode());
        control.deleteThing(b -> b.thingName("t1-s1-d7")); // deleting a missing thing succeeds
    }
}
