package com.zhidian.apitests.devices;

import static com.zhidian.apitests.support.Api.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import com.zhidian.apitests.support.Local;
import com.zhidian.local.iot.registry.ThingRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 20, cloud side: onboarding makes the tenant's thing group, each store's group under it and a provisioning claim
 * (fleet provisioning by claim); a store added later gets its group; a registered device sits in its store's group.
 * Checked over HTTP and in the IoT stand-in's registry, which the functions reach only through the AWS SDK.
 */
class ThingGroupsApiTest {
    private static final ThingRegistry IOT = Local.instance().iot().registry();

    @Test
    void onboardingMakesTheGroupsAndAClaim_aNewStoreItsGroup_andADeviceSitsInItsStoresGroup() throws Exception {
        String email = Fixtures.uniqueEmail("owner");
        Api.Res r = Fixtures.provider().post("/admin/tenants", Fixtures.onboardingBody("物联便利", "standard", email, 2));
        assertEquals(201, r.status(), r::toString);
        JsonNode body = r.json();
        String tenant = body.get("tenantId").asText();
        String s1 = body.at("/stores/0/storeId").asText(), s2 = body.at("/stores/1/storeId").asText();
        JsonNode iot = body.get("iot");
        assertEquals("ready", iot.get("state").asText(), iot::toString);
        assertEquals("zd-" + tenant, iot.get("tenantGroup").asText());
        assertEquals(List.of("zd-" + tenant + "-" + s1, "zd-" + tenant + "-" + s2),
                List.of(iot.at("/storeGroups/0").asText(), iot.at("/storeGroups/1").asText()));
        assertTrue(IOT.group("zd-" + tenant).isPresent());
        assertEquals("zd-" + tenant, IOT.group("zd-" + tenant + "-" + s1).orElseThrow().parent(), "a store's group is under its tenant's");
        assertEquals("zd-" + tenant, IOT.group("zd-" + tenant + "-" + s2).orElseThrow().parent());

        JsonNode claim = iot.get("provisioningClaim");
        assertEquals("zd-" + tenant, claim.get("templateName").asText());
        ThingRegistry.Template template = IOT.template("zd-" + tenant).orElseThrow();
        assertTrue(template.enabled());
        JsonNode templateBody = Api.JSON.readTree(template.body());
        assertEquals("zd-" + tenant, templateBody.at("/Resources/thing/Properties/ThingGroups/0").asText(), template.body());
        assertEquals("zhidian-device", templateBody.at("/Resources/policy/Properties/PolicyName").asText());
        assertTrue(claim.get("certificateId").asText().matches("[0-9a-f]{64}"));
        assertFalse(claim.get("privateKey").asText().isBlank());
        assertTrue(claim.get("certificatePem").asText().contains("BEGIN CERTIFICATE"));
        Instant expires = Instant.parse(claim.get("expiresAt").asText());
        assertTrue(expires.isAfter(Instant.now()) && expires.isBefore(Instant.now().plus(Duration.ofMinutes(6))), expires::toString);
        ThingRegistry.Claim held = IOT.claim(IOT.arn("cert", claim.get("certificateId").asText())).orElseThrow();
        assertEquals("zd-" + tenant, held.templateName(), "the claim may provision with its tenant's template only");

        // the tenant's owner adds a store: its group appears under the tenant's
        Api owner = new Api(Local.gatewayUrl(), Fixtures.firstLogin(email, body.at("/owner/temporaryPassword").asText()));
        Api.Res store = owner.post("/stores", map("name", "物联便利 新店", "format", "convenience", "address", "上海市静安区1号"));
        assertEquals(201, store.status(), store::toString);
        String s3 = store.json().get("storeId").asText();
        assertEquals("zd-" + tenant, IOT.group("zd-" + tenant + "-" + s3).orElseThrow().parent());

        // a device registered in that store sits in the store's group (and, through it, the tenant's)
        Api.Res device = owner.post("/stores/" + s3 + "/devices", map("kind", "env_sensor", "name", "温湿度 1"));
        assertEquals(201, device.status(), device::toString);
        String thing = device.json().get("thingName").asText();
        assertTrue(IOT.thingsInGroup("zd-" + tenant + "-" + s3, false).contains(thing));
        assertTrue(IOT.thingsInGroup("zd-" + tenant, true).contains(thing));
        assertFalse(IOT.thingsInGroup("zd-" + tenant + "-" + s1, false).contains(thing), "not in another store's group");
    }
}
