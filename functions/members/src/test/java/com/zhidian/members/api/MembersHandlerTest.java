package com.zhidian.members.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.core.Env;
import com.zhidian.core.Json;
import com.zhidian.core.http.Platform;
import com.zhidian.core.tenancy.TenantDirectory;
import com.zhidian.members.application.MemberService;
import com.zhidian.members.application.Members;
import com.zhidian.members.application.PointsService;
import com.zhidian.members.domain.CardQr;
import com.zhidian.members.fakes.FakeLogins;
import com.zhidian.members.fakes.FakeSettings;
import com.zhidian.members.fakes.MutableClock;
import com.zhidian.members.store.DynamoMemberRepository;
import com.zhidian.members.store.DynamoPointsRepository;
import com.zhidian.core.testing.TestTables;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** API Gateway events from src/test/resources/events fed through the real entry point. */
class MembersHandlerTest {
    private static final DynamoDbClient DB = TestTables.client();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T02:00:00Z"));
    private final MembersHandler handler;
    /** The DynamoDB operations the handler calls, in order. */
    private final List<String> calls = new CopyOnWriteArrayList<>();

    MembersHandlerTest() {
        DB.putItem(b -> b.tableName(Env.tableName()).item(Map.of("pk", AttributeValue.fromS(TenantDirectory.pk("t_fixture")),
                "sk", AttributeValue.fromS(TenantDirectory.SK), "status", AttributeValue.fromS("active"),
                "plan", AttributeValue.fromS("premium"))));
        for (String store : new String[] {"st_a", "st_b"}) {   // the stores context's store items
            DB.putItem(b -> b.tableName(Env.tableName()).item(Map.of("pk", AttributeValue.fromS("T#t_fixture#STORE"),
                    "sk", AttributeValue.fromS(store))));
        }
        DynamoDbClient db = counted(DB, calls);
        Platform platform = Platform.over(db, clock, 262_144);
        DynamoPointsRepository points = new DynamoPointsRepository(db);
        FakeSettings settings = new FakeSettings();
        PointsService ps = new PointsService(points, settings, clock);
        MemberService ms = new MemberService(new DynamoMemberRepository(db, new com.zhidian.core.tenancy.Usage(db, clock)), points, ps, new FakeLogins(), clock);
        handler = new MembersHandler(platform, new Members(ms, ps, settings, new CardQr("test"), clock));
    }

    private static APIGatewayV2HTTPEvent event(String name, String memberId) throws Exception {
        return event(name, memberId, Map.of());
    }

    /** The fixture, with MEMBER and each of {@code replace}'s texts replaced. */
    private static APIGatewayV2HTTPEvent event(String name, String memberId, Map<String, String> replace) throws Exception {
        try (InputStream in = MembersHandlerTest.class.getResourceAsStream("/events/" + name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("MEMBER", memberId == null ? "" : memberId);
            for (Map.Entry<String, String> r : replace.entrySet()) text = text.replace(r.getKey(), r.getValue());
            return Json.MAPPER.readValue(text, APIGatewayV2HTTPEvent.class);
        }
    }

    /** The client, recording the name of every operation called through it. */
    private static DynamoDbClient counted(DynamoDbClient target, List<String> calls) {
        return (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(), new Class<?>[] {DynamoDbClient.class},
                (proxy, method, args) -> {
                    if (method.getParameterCount() == 1 && !method.getName().equals("equals")) calls.add(method.getName());
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /**
     * A points write costs two DynamoDB calls (bench/README.md): the tenant's standing read with the account in one
     * BatchGetItem, then one TransactWriteItems with the change, the Idempotency-Key's answer and the audit entry.
     */
    @Test
    void aPointsWrite_isTwoDynamoDbCalls() throws Exception {
        Map<String, String> own = Map.of("fixture-enrol-1", "fixture-enrol-calls", "13911112222", "13911113333",
                "fixture-redeem-1", "fixture-redeem-calls");
        APIGatewayV2HTTPResponse created = handler.handleRequest(event("post-members.json", null, own), null);
        assertEquals(201, created.getStatusCode(), created.getBody());
        String id = Json.read(created.getBody()).get("memberId").asText();

        calls.clear();
        APIGatewayV2HTTPResponse adjusted = handler.handleRequest(event("adjust.json", id), null);
        assertEquals(200, adjusted.getStatusCode(), adjusted.getBody());
        assertEquals(List.of("batchGetItem", "transactWriteItems"), calls);

        calls.clear();
        Map<String, String> atTheSameStore = new java.util.HashMap<>(own);
        atTheSameStore.put("st_b", "st_a");
        APIGatewayV2HTTPResponse redeemed = handler.handleRequest(event("redeem.json", id, atTheSameStore), null);
        assertEquals(200, redeemed.getStatusCode(), redeemed.getBody());
        assertEquals(List.of("batchGetItem", "transactWriteItems"), calls, "the store check is cached since the enrolment");
        assertEquals(70, Json.read(redeemed.getBody()).get("balanceAfter").asLong());
    }

    @Test
    void enrol_redeem_andTheCustomerReadsThemself_throughTheEntryPoint() throws Exception {
        APIGatewayV2HTTPResponse created = handler.handleRequest(event("post-members.json", null), null);
        assertEquals(201, created.getStatusCode(), created.getBody());
        JsonNode m = Json.read(created.getBody());
        String id = m.get("memberId").asText();
        assertEquals("pos", m.get("consents").get(0).get("channel").asText(), "a cashier's enrolment records the POS channel");
        APIGatewayV2HTTPResponse replay = handler.handleRequest(event("post-members.json", null), null);
        assertEquals(id, Json.read(replay.getBody()).get("memberId").asText());

        APIGatewayV2HTTPResponse shortOfPoints = handler.handleRequest(event("redeem.json", id), null);
        assertEquals(422, shortOfPoints.getStatusCode());
        assertEquals("application/problem+json", shortOfPoints.getHeaders().get("Content-Type"));

        APIGatewayV2HTTPResponse me = handler.handleRequest(event("get-me.json", id), null);
        assertEquals(200, me.getStatusCode(), me.getBody());
        assertEquals("13911112222", Json.read(me.getBody()).get("phone").asText());
        APIGatewayV2HTTPResponse nobody = handler.handleRequest(event("get-me.json", "mb_nobody"), null);
        assertEquals(404, nobody.getStatusCode());
    }

    @Test
    void everyRouteOfTheHandler_isDeclared() {
        assertEquals(22, handler.routes().keys().size());
        assertTrue(handler.routes().keys().contains("PUT /me/consents/{purpose}"));
        assertTrue(handler.routes().keys().contains("POST /members/{memberId}/reveal"));
    }
}
