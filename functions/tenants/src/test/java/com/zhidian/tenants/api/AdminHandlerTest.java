package com.zhidian.tenants.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.core.Json;
import com.zhidian.core.http.Platform;
import com.zhidian.stores.application.StoresService;
import com.zhidian.stores.fakes.FakeLogins;
import com.zhidian.stores.fakes.InMemoryStores;
import com.zhidian.tenants.application.BillingService;
import com.zhidian.tenants.application.TenantsService;
import com.zhidian.tenants.fakes.FixedUsage;
import com.zhidian.tenants.fakes.InMemoryTenants;
import com.zhidian.core.testing.TestTables;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** API Gateway events from src/test/resources/events fed through the real entry point, over in-memory repositories. */
class AdminHandlerTest {
    private static final DynamoDbClient DB = TestTables.client();
    private final InMemoryTenants tenants = new InMemoryTenants();
    private final FakeLogins logins = new FakeLogins();
    private final AdminHandler handler;

    AdminHandlerTest() {
        Clock clock = Clock.systemUTC();
        Platform platform = Platform.over(DB, clock, 262_144);
        handler = new AdminHandler(new TenantsService(tenants, new StoresService(new InMemoryStores(), logins, clock), logins,
                new FixedUsage(), clock, new BillingService(tenants, null)), new StripeBillingEvents(new BillingService(tenants, null), "whsec_test"), platform);
    }

    private APIGatewayV2HTTPResponse call(String name, String tenantId) throws Exception {
        try (InputStream in = AdminHandlerTest.class.getResourceAsStream("/events/" + name + ".json")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("TENANT", tenantId);
            return handler.handleRequest(Json.MAPPER.readValue(text, APIGatewayV2HTTPEvent.class), null);
        }
    }

    @Test
    void theProviderOnboardsATenant_once_suspendsIt_andReadsItsUsage() throws Exception {
        APIGatewayV2HTTPResponse created = call("post-tenants", "");
        assertEquals(201, created.getStatusCode(), created.getBody());
        JsonNode t = Json.read(created.getBody());
        String id = t.get("tenantId").asText();
        assertEquals("owner@fruit.example.cn", t.get("owner").get("email").asText());
        assertEquals(1, t.get("stores").size());
        assertEquals(id, Json.read(call("post-tenants", "").getBody()).get("tenantId").asText(), "the same key replays");
        assertEquals(1, tenants.tenants.size());

        APIGatewayV2HTTPResponse patched = call("patch-tenant", id);
        assertEquals(200, patched.getStatusCode(), patched.getBody());
        assertEquals("suspended", Json.read(patched.getBody()).get("status").asText());
        assertEquals(7, Json.read(call("get-usage", id).getBody()).get("members").asInt());
    }

    @Test
    void anUnknownTenant_is404_inProblemJson_withItsCode() throws Exception {
        APIGatewayV2HTTPResponse r = call("patch-tenant", "tn_nobody");
        assertEquals(404, r.getStatusCode());
        assertEquals("application/problem+json", r.getHeaders().get("Content-Type"));
        assertEquals("tenant.not_found", Json.read(r.getBody()).get("code").asText());
    }

    @Test
    void everyRouteOfTheHandler_isDeclared() {
        assertEquals(7, handler.routes().keys().size()); // six for the provider, the billing webhook
    }
}
