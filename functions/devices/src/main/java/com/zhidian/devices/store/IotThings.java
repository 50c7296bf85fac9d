package com.zhidian.devices.store;

import com.zhidian.core.Env;
import com.zhidian.devices.domain.ThingRegistry;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.CertificateStatus;
import software.amazon.awssdk.services.iot.model.CreateKeysAndCertificateResponse;
import software.amazon.awssdk.services.iot.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.iot.model.ResourceNotFoundException;

/**
 * Devices as AWS IoT things, through {@code IotClient} (endpoint from the SDK's settings: {@code aws.endpointUrlIot} in
 * Zhidian Local). A thing carries the attributes the thing policy names (tenantId, storeId, deviceId), sits in its
 * tenant's and its store's thing group, and gets one certificate with the device policy attached.
 */
public final class IotThings implements ThingRegistry {
    static final String POLICY = "zhidian-device";
    /** The thing policy: own shadows and own telemetry topics only (the IoT stand-in enforces the same). */
    static final String POLICY_DOCUMENT = """
            {"Version":"2012-10-17","Statement":[
             {"Effect":"Allow","Action":"iot:Connect","Resource":"arn:aws:iot:*:*:client/${iot:Connection.Thing.ThingName}"},
             {"Effect":"Allow","Action":["iot:Publish","iot:Receive"],"Resource":[
               "arn:aws:iot:*:*:topic/$aws/things/${iot:Connection.Thing.ThingName}/shadow/*",
               "arn:aws:iot:*:*:topic/zhidian/${iot:Connection.Thing.Attributes[tenantId]}/${iot:Connection.Thing.Attributes[storeId]}/${iot:Connection.Thing.Attributes[deviceId]}/*"]},
             {"Effect":"Allow","Action":"iot:Subscribe","Resource":[
               "arn:aws:iot:*:*:topicfilter/$aws/things/${iot:Connection.Thing.ThingName}/shadow/*",
               "arn:aws:iot:*:*:topicfilter/zhidian/${iot:Connection.Thing.Attributes[tenantId]}/${iot:Connection.Thing.Attributes[storeId]}/${iot:Connection.Thing.Attributes[deviceId]}/*"]}]}""";

    private final IotClient iot;
    private volatile String host;
    private volatile int port;
    private volatile boolean policyExists;

    public IotThings(IotClient iot, String mqttHost, int mqttPort) {
        this.iot = iot;
        this.host = mqttHost;
        this.port = mqttPort;
    }

    /** Zhidian Local names its broker in IOT_MQTT_HOST / IOT_MQTT_PORT; in AWS the account's ATS endpoint, port 8883. */
    public static IotThings fromEnvironment() {
        IotClient client = IotClient.builder().httpClient(ApacheHttpClient.create()).build();
        return new IotThings(client, Env.get("IOT_MQTT_HOST", null), (int) Env.getLong("IOT_MQTT_PORT", 8883));
    }

    @Override
    public Credential provision(String tenantId, String storeId, String deviceId, String thingName, String kind) {
        String tenantGroup = "zd-" + tenantId;
        String storeGroup = tenantGroup + "-" + storeId;
        ensureGroup(tenantGroup, null);
        ensureGroup(storeGroup, tenantGroup);
        iot.createThing(b -> b.thingName(thingName).attributePayload(a -> a.attributes(
                Map.of("tenantId", tenantId, "storeId", storeId, "deviceId", deviceId, "kind", kind))));
        iot.addThingToThingGroup(b -> b.thingName(thingName).thingGroupName(tenantGroup));
        iot.addThingToThingGroup(b -> b.thingName(thingName).thingGroupName(storeGroup));
        ensurePolicy();
        CreateKeysAndCertificateResponse cert = iot.createKeysAndCertificate(b -> b.setAsActive(true));
        iot.attachPolicy(b -> b.policyName(POLICY).target(cert.certificateArn()));
        iot.attachThingPrincipal(b -> b.thingName(thingName).principal(cert.certificateArn()));
        return new Credential(mqttHost(), port, thingName, cert.keyPair().privateKey());
    }

    /**
     * As AWS requires it (DeleteCertificate refuses a certificate that is ACTIVE or attached): each certificate of the
     * thing is detached from it and from the device policy, set INACTIVE (the broker drops a device connected with
     * it) and deleted; then the thing. Every step tolerates a retry after a partial run.
     */
    @Override
    public void decommission(String thingName) {
        List<String> principals;
        try {
            principals = iot.listThingPrincipals(b -> b.thingName(thingName)).principals();
        } catch (ResourceNotFoundException gone) {
            return; // already deleted (a retried decommission): the item goes next
        }
        for (String arn : principals) {
            String certificateId = arn.substring(arn.lastIndexOf('/') + 1);
            iot.detachThingPrincipal(b -> b.thingName(thingName).principal(arn));
            try {
                iot.detachPolicy(b -> b.policyName(POLICY).target(arn));
                iot.updateCertificate(b -> b.certificateId(certificateId).newStatus(CertificateStatus.INACTIVE));
                iot.deleteCertificate(b -> b.certificateId(certificateId));
            } catch (ResourceNotFoundException gone) {
                // deleted by an earlier try
            }
        }
        iot.deleteThing(b -> b.thingName(thingName));
    }

    private void ensureGroup(String name, String parent) {
        try {
            iot.describeThingGroup(b -> b.thingGroupName(name));
        } catch (ResourceNotFoundException absent) {
            try {
                iot.createThingGroup(b -> b.thingGroupName(name).parentGroupName(parent));
            } catch (ResourceAlreadyExistsException raced) {
                // another registration made it meanwhile
            }
        }
    }

    private void ensurePolicy() {
        if (policyExists) return;
        try {
            iot.createPolicy(b -> b.policyName(POLICY).policyDocument(POLICY_DOCUMENT));
        } catch (ResourceAlreadyExistsException exists) {
            // made by an earlier container
        }
        policyExists = true;
    }

    private String mqttHost() {
        if (host == null) host = iot.describeEndpoint(b -> b.endpointType("iot:Data-ATS")).endpointAddress();
        return host;
    }
}
