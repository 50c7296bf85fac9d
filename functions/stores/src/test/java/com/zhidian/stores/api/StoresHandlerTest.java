package com.zhidian.stores.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.core.Env;
import com.zhidian.core.Json;
import com.zhidian.core.http.Platform;
import com.zhidian.core.tenancy.TenantDirectory;
import com.zhidian.stores.application.StoresService;
import com.zhidian.stores.fakes.FakeLogins;
import com.zhidian.stores.store.DynamoStoreRepository;
import com.zhidian.core.testing.TestTables;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** API Gateway events from src/test/resources/events fed through the real entry point. */
class StoresHandlerTest {
    private static final DynamoDbClient DB = TestTables.client();
    private final FakeLogins logins = new FakeLogins();
    private final StoresHandler handler;

    StoresHandlerTest() {
        DB.putItem(b -> b.tableName(Env.tableName()).item(Map.of("pk", AttributeValue.fromS(TenantDirectory.pk("t_fixture")),
                "sk", AttributeValue.fromS(TenantDirectory.SK), "status", AttributeValue.fromS("active"),
                "plan", AttributeValue.fromS("premium"))));
        Clock clock = Clock.systemUTC();
        Platform platform = Platform.over(DB, clock, 262_144);
        handler = new StoresHandler(new StoresService(new DynamoStoreRepository(DB), logins, clock), platform);
    }

    private APIGatewayV2HTTPResponse call(String name, String storeId) throws Exception {
        try (InputStream in = StoresHandlerTest.class.getResourceAsStream("/events/" + name + ".json")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("STORE", storeId);
            return handler.handleRequest(Json.MAPPER.readValue(text, APIGatewayV2HTTPEvent.class), null);
        }
    }

    @Test
    void anOwnerOpensAStore_staffOfItSeeIt_andAStaffLoginNamesIt() throws Exception {
        APIGatewayV2HTTPResponse created = call("post-stores", "");
        assertEquals(201, created.getStatusCode(), created.getBody());
        String id = Json.read(created.getBody()).get("storeId").asText();
        assertEquals("/stores/" + id, created.getHeaders().get("Location"));
        assertEquals(id, Json.read(call("post-stores", "").getBody()).get("storeId").asText(), "the same key replays");

        JsonNode list = Json.read(call("get-stores", id).getBody());
        assertEquals(1, list.get("items").size());
        assertEquals(200, call("get-store", id).getStatusCode());

        APIGatewayV2HTTPResponse user = call("post-users", id);
        assertEquals(201, user.getStatusCode(), user.getBody());
        assertTrue(logins.byEmail.containsKey("new@example.cn"));
    }

    @Test
    void aStoreTheStaffDoNotWorkIn_isNotFound_andALoginNamingAStoreOfNoOne_is400OnStoreIds() throws Exception {
        APIGatewayV2HTTPResponse other = call("get-store", "st_nowhere");
        assertEquals(404, other.getStatusCode());
        assertEquals("application/problem+json", other.getHeaders().get("Content-Type"));

        APIGatewayV2HTTPResponse unknown = call("post-users", "st_nowhere");
        assertEquals(400, unknown.getStatusCode(), unknown.getBody());
        JsonNode p = Json.read(unknown.getBody());
        assertEquals("store.unknown", p.get("code").asText());
        assertEquals("storeIds", p.get("errors").get(0).get("field").asText());
    }

    @Test
    void everyRouteOfTheHandler_isDeclared() {
        assertEquals(10, handler.routes().keys().size()); // 6 for stores and logins, 3 to change them, GET /me/stores
    }
}
