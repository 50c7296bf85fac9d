package com.zhidian.apitests.devices;

import static com.zhidian.apitests.support.Api.map;
import static com.zhidian.apitests.support.Problems.assertFieldErrors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.catalog.Catalog;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import com.zhidian.apitests.support.Local;
import com.zhidian.iot.ClaimProvisioning;
import com.zhidian.iot.Connections;
import com.zhidian.iot.DeviceConfig;
import com.zhidian.iot.ShelfLabel;
import com.zhidian.local.iot.registry.ThingRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * A device onboarded by claim (issue 20, fleet provisioning by claim): the owner registers a shelf label with
 * {@code "provisioning": "claim"} and gets the tenant's template and the parameters to pass, not a credential; the
 * device, holding the claim onboarding answered, provisions itself over MQTT (AWS IoT Device SDK v2,
 * {@code IotIdentityClient}), connects as its new thing, and the device list shows it online with its label synced.
 */
class ClaimOnboardingApiTest {
    @Test
    void aLabelRegisteredByClaimProvisionsItselfOverMqtt_andTheListShowsItOnlineAndSynced() throws Exception {
        String email = Fixtures.uniqueEmail("owner");
        Api.Res r = Fixtures.provider().post("/admin/tenants", Fixtures.onboardingBody("认领便利", "standard", email, 1));
        assertEquals(201, r.status(), r::toString);
        JsonNode onboarded = r.json();
        String tenant = onboarded.get("tenantId").asText();
        String store = onboarded.at("/stores/0/storeId").asText();
        JsonNode claim = onboarded.at("/iot/provisioningClaim");
        Api owner = new Api(Local.gatewayUrl(), Fixtures.firstLogin(email, onboarded.at("/owner/temporaryPassword").asText()));

        String gtin = Catalog.product(owner, Catalog.category(owner, "饮料"), "乌龙茶 500ml");
        assertEquals(200, owner.put("/stores/" + store + "/prices/" + gtin, map("price", 450)).status());
        Api.Res reg = owner.post("/stores/" + store + "/devices", map("kind", "esl", "name", "价签 认领", "gtin", gtin,
                "provisioning", "claim"));
        assertEquals(201, reg.status(), reg::toString);
        JsonNode d = reg.json();
        String deviceId = d.get("deviceId").asText();
        assertFalse(d.has("credentials"), "no credential: the device makes its own");
        assertEquals(claim.get("templateName").asText(), d.at("/claim/templateName").asText());
        assertEquals(deviceId, d.at("/claim/parameters/SerialNumber").asText());
        assertEquals(store, d.at("/claim/parameters/StoreId").asText());
        assertEquals("esl", d.at("/claim/parameters/Kind").asText());
        assertEquals("offline", d.get("status").asText());

        Map<String, String> parameters = new HashMap<>();
        d.get("claim").get("parameters").fields().forEachRemaining(e -> parameters.put(e.getKey(), e.getValue().asText()));
        String host = d.at("/mqtt/host").asText();
        int port = d.at("/mqtt/port").asInt();
        try (Connections connections = new Connections(1)) {
            DeviceConfig withClaim = DeviceConfig.local("esl", "factory-" + deviceId, tenant, store, deviceId, host, port,
                    claim.get("privateKey").asText());
            ClaimProvisioning.Provisioned p = ClaimProvisioning.provision(connections, withClaim, d.at("/claim/templateName").asText(), parameters);
            assertEquals(d.get("thingName").asText(), p.thingName(), "the template made the thing the registry names");
            ThingRegistry iot = Local.instance().iot().registry();
            assertTrue(iot.thingsInGroup("zd-" + tenant + "-" + store, false).contains(p.thingName()), "in its store's group");
            assertEquals("esl", iot.thing(p.thingName()).orElseThrow().attributes().get("kind"));

            try (ShelfLabel label = new ShelfLabel(ClaimProvisioning.asThing(withClaim, p, "esl", tenant, store, deviceId), connections)) {
                label.start();
                JsonNode listed = await(owner, store, deviceId, n -> "online".equals(n.path("status").asText())
                        && "synced".equals(n.path("sync").asText()) && n.path("shownPrice").asLong() == 450);
                assertTrue(listed.get("lastSeen").isTextual());
            }
        }
    }

    @Test
    void badProvisioningIsAFieldError() {
        Fixtures.TenantFixture t = Fixtures.newTenant("basic", 1);
        String path = "/stores/" + t.storeIds().get(0) + "/devices";
        assertFieldErrors(t.owner().post(path, map("kind", "env_sensor", "name", "温湿度", "provisioning", "usb")), "provisioning");
        assertFieldErrors(t.owner().post(path, map("kind", "env_sensor", "name", "温湿度", "provisioning", 1)), "provisioning");
    }

    private static JsonNode await(Api owner, String store, String deviceId, Predicate<JsonNode> until) throws InterruptedException {
        JsonNode last = null;
        for (int i = 0; i < 200; i++) {
            Api.Res list = owner.get("/stores/" + store + "/devices");
            assertEquals(200, list.status(), list::toString);
            for (JsonNode n : list.json().get("items")) {
                if (n.get("deviceId").asText().equals(deviceId)) last = n;
            }
            if (last != null && until.test(last)) return last;
            Thread.sleep(100);
        }
        throw new AssertionError("device " + deviceId + " never got there; last seen: " + last);
    }
}
