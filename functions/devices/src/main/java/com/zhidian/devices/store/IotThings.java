package com.zhidian.devices.store;

import com.zhidian.core.Env;
import com.zhidian.devices.domain.ThingRegistry;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.CertificateStatus;
import software.amazon.awssdk.services.iot.model.CreateKeysAndCertificateResponse;
import software.amazon.awssdk.services.iot.model.CreateProvisioningClaimResponse;
import software.amazon.awssdk.services.iot.model.TemplateType;
import software.amazon.awssdk.services.iot.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.iot.model.ResourceNotFoundException;

/**
 * Tenants, stores and devices in AWS IoT, through {@code IotClient} (endpoint from the SDK's settings: {@code aws.endpointUrlIot} in
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

    /** The role AWS IoT assumes to provision a device by claim (template.yaml: IOT_PROVISIONING_ROLE_ARN). */
    static final String LOCAL_PROVISIONING_ROLE = "arn:aws:iam::000000000000:role/zhidian-iot-provisioning";

    private final IotClient iot;
    private final String provisioningRole;
    private volatile String host;
    private volatile int port;
    private volatile boolean policyExists;

    public IotThings(IotClient iot, String mqttHost, int mqttPort) {
        this(iot, mqttHost, mqttPort, LOCAL_PROVISIONING_ROLE);
    }

    public IotThings(IotClient iot, String mqttHost, int mqttPort, String provisioningRole) {
        this.iot = iot;
        this.provisioningRole = provisioningRole;
        this.host = mqttHost;
        this.port = mqttPort;
    }

    /** Zhidian Local names its broker in IOT_MQTT_HOST / IOT_MQTT_PORT; in AWS the account's ATS endpoint, port 8883. */
    public static IotThings fromEnvironment() {
        IotClient client = IotClient.builder().httpClient(ApacheHttpClient.create()).build();
        return new IotThings(client, Env.get("IOT_MQTT_HOST", null), (int) Env.getLong("IOT_MQTT_PORT", 8883),
                Env.get("IOT_PROVISIONING_ROLE_ARN", LOCAL_PROVISIONING_ROLE));
    }

    /**
     * The tenant's fleet provisioning template: a device that presents the claim and its serial number and store gets
     * a thing {@code zd-<tenantId>-<serial>} with the attributes the thing policy names, in the tenant's group, with
     * its own certificate and the device policy (AWS "Provisioning devices that don't have device certificates using
     * fleet provisioning", provisioning by claim).
     */
    static String templateBody(String tenantId) {
        String group = ThingRegistry.tenantGroup(tenantId);
        return """
                {"Parameters":{"SerialNumber":{"Type":"String"},"StoreId":{"Type":"String"},"Kind":{"Type":"String","Default":"device"},
                  "AWS::IoT::Certificate::Id":{"Type":"String"}},
                 "Resources":{
                  "thing":{"Type":"AWS::IoT::Thing","OverrideSettings":{"AttributePayload":"MERGE","ThingGroups":"DO_NOTHING"},
                   "Properties":{"ThingName":{"Fn::Join":["",["zd-%s-",{"Ref":"SerialNumber"}]]},
                    "AttributePayload":{"tenantId":"%s","storeId":{"Ref":"StoreId"},"deviceId":{"Ref":"SerialNumber"},"kind":{"Ref":"Kind"}},
                    "ThingGroups":["%s",{"Fn::Join":["",["%s-",{"Ref":"StoreId"}]]}]}},
                  "certificate":{"Type":"AWS::IoT::Certificate","Properties":{"CertificateId":{"Ref":"AWS::IoT::Certificate::Id"},"Status":"ACTIVE"}},
                  "policy":{"Type":"AWS::IoT::Policy","Properties":{"PolicyName":"%s"}}}}""".formatted(tenantId, tenantId, group, group, POLICY);
    }

    @Override
    public Provisioning onboard(String tenantId, List<String> storeIds) {
        String tenantGroup = ThingRegistry.tenantGroup(tenantId);
        ensureGroup(tenantGroup, null);
        List<String> storeGroups = new java.util.ArrayList<>();
        for (String storeId : storeIds) {
            String g = ThingRegistry.storeGroup(tenantId, storeId);
            ensureGroup(g, tenantGroup);
            storeGroups.add(g);
        }
        ensurePolicy();
        String template = ThingRegistry.templateName(tenantId);
        try {
            iot.describeProvisioningTemplate(b -> b.templateName(template));
        } catch (ResourceNotFoundException absent) {
            try {
                iot.createProvisioningTemplate(b -> b.templateName(template).enabled(true).templateBody(templateBody(tenantId))
                        .provisioningRoleArn(provisioningRole).description("Zhidian devices of tenant " + tenantId)
                        .type(TemplateType.FLEET_PROVISIONING));
            } catch (ResourceAlreadyExistsException raced) {
                // a retried onboarding made it meanwhile
            }
        }
        CreateProvisioningClaimResponse c = iot.createProvisioningClaim(b -> b.templateName(template));
        return new Provisioning(tenantGroup, storeGroups, new Claim(template, c.certificateId(), c.certificatePem(),
                c.keyPair().privateKey(), c.expiration()));
    }

    @Override
    public void storeAdded(String tenantId, String storeId) {
        ensureGroup(ThingRegistry.tenantGroup(tenantId), null);
        ensureGroup(ThingRegistry.storeGroup(tenantId, storeId), ThingRegistry.tenantGroup(tenantId));
    }

    @Override
    public Credential provision(String tenantId, String storeId, String deviceId, String thingName, String kind) {
        String tenantGroup = ThingRegistry.tenantGroup(tenantId);
        String storeGroup = ThingRegistry.storeGroup(tenantId, storeId);
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

    @Override
    public ClaimPath claimPath(String tenantId, String storeId, String deviceId, String kind) {
        String tenantGroup = ThingRegistry.tenantGroup(tenantId);
        ensureGroup(tenantGroup, null);
        ensureGroup(ThingRegistry.storeGroup(tenantId, storeId), tenantGroup);
        return new ClaimPath(ThingRegistry.templateName(tenantId), Map.of("SerialNumber", deviceId, "StoreId", storeId, "Kind", kind),
                mqttHost(), port);
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
