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
import com.zhidian.members.store.TestTables;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** API Gateway events from src/test/resources/events fed through the real entry point. */
class MembersHandlerTest {
    private static final DynamoDbClient DB = TestTables.client();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T02:00:00Z"));
    private final MembersHandler handler;

    MembersHandlerTest() {
        DB.putItem(b -> b.tableName(Env.tableName()).item(Map.of("pk", AttributeValue.fromS(TenantDirectory.pk("t_fixture")),
                "sk", AttributeValue.fromS(TenantDirectory.SK), "status", AttributeValue.fromS("active"),
                "plan", AttributeValue.fromS("premium"))));
        for (String store : new String[] {"st_a", "st_b"}) {   // the stores context's store items
            DB.putItem(b -> b.tableName(Env.tableName()).item(Map.of("pk", AttributeValue.fromS("T#t_fixture#STORE"),
                    "sk", AttributeValue.fromS(store))));
        }
        Platform platform = Platform.over(DB, clock, 262_144);
        DynamoPointsRepository points = new DynamoPointsRepository(DB);
        FakeSettings settings = new FakeSettings();
        PointsService ps = new PointsService(points, settings, clock);
        MemberService ms = new MemberService(new DynamoMemberRepository(DB, new com.zhidian.core.tenancy.Usage(DB, clock)), points, ps, new FakeLogins(), clock);
        handler = new MembersHandler(platform, new Members(ms, ps, settings, new CardQr("test"), clock));
    }

    private static APIGatewayV2HTTPEvent event(String name, String memberId) throws Exception {
        try (InputStream in = MembersHandlerTest.class.getResourceAsStream("/events/" + name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("MEMBER", memberId == null ? "" : memberId);
            return Json.MAPPER.readValue(text, APIGatewayV2HTTPEvent.class);
        }
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
        assertEquals(21, handler.routes().keys().size());
        assertTrue(handler.routes().keys().contains("PUT /me/consents/{purpose}"));
    }
}
