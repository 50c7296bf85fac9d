package com.zhidian.apitests.members;

import static com.zhidian.apitests.support.Api.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import com.zhidian.apitests.support.Local;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A points change, its Idempotency-Key's stored answer and its audit entry are written in one transaction:
 * the answer can never be lost apart from the effect (a failure leaves neither, see MembersFaultsTest), and a
 * retry replays it at once.
 */
class AnswerWithTheEffectTest {

    @Test
    void adjust_storesItsAnswerAndAuditWithTheChange_andARetryReplaysIt() throws Exception {
        Fixtures.TenantFixture t = Fixtures.newTenant("premium", 1);
        String memberId = Members.enrol(t, Fixtures.uniquePhone()).get("memberId").asText();
        String key = UUID.randomUUID().toString();
        Object body = map("delta", 30, "reason", "补偿");
        Api.Res first = t.owner().post("/members/" + memberId + "/points/adjust", body, key);
        assertEquals(200, first.status(), first.toString());

        Map<String, AttributeValue> stored = storedAnswer(t, key);
        assertEquals("COMPLETED", stored.get("state").s());
        assertEquals("200", stored.get("status").n());
        assertEquals(first.json(), Api.JSON.readTree(stored.get("body").s()), "the stored answer is the answer sent");
        long ttl = Long.parseLong(stored.get("ttl").n());
        long now = System.currentTimeMillis() / 1000;
        assertTrue(ttl > now + 23 * 3600 && ttl <= now + 24 * 3600 + 60, "kept for 24 hours, then expired by TTL: " + ttl);

        Api.Res retry = t.owner().post("/members/" + memberId + "/points/adjust", body, key);
        assertEquals(200, retry.status());
        assertEquals("true", retry.header("Idempotent-Replayed"));
        assertEquals(first.json(), retry.json());
        assertEquals(30, t.owner().get("/members/" + memberId + "/points").json().get("balance").asLong());

        List<String> adjusts = t.owner().get("/audit").json().get("items").findValuesAsText("action").stream()
                .filter(a -> a.equals("POST /members/{memberId}/points/adjust")).toList();
        assertEquals(1, adjusts.size(), "one audit entry for the change, none for the replay");
    }

    /** The key's record, read straight from the DynamoDB stand-in. */
    private static Map<String, AttributeValue> storedAnswer(Fixtures.TenantFixture t, String key) throws Exception {
        String payload = new String(Base64.getUrlDecoder().decode(t.owner().token().split("\\.")[1]), StandardCharsets.UTF_8);
        JsonNode claims = Api.JSON.readTree(payload);
        String scope = "T#" + t.tenantId() + "#U#" + claims.get("sub").asText();
        try (DynamoDbClient db = DynamoDbClient.builder().endpointOverride(Local.instance().dynamoEndpoint())
                .region(Region.of("cn-north-1"))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build()) {
            Map<String, AttributeValue> k = Map.of("pk", AttributeValue.fromS(scope + "#IDEM#" + key), "sk", AttributeValue.fromS("IDEM"));
            return db.getItem(b -> b.tableName("zhidian").key(k).consistentRead(true)).item();
        }
    }
}
