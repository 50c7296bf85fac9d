package com.zhidian.apitests.members;

import static com.zhidian.apitests.support.Api.map;
import static com.zhidian.apitests.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import com.zhidian.apitests.support.Local;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * When the stored answer of an Idempotency-Key is lost (DynamoDB failing between the effect and saving the
 * answer, then the lock expiring), a retry with the same key must not move points a second time: the key's
 * claim was written in the points transaction itself.
 */
class LostAnswerTest {

    @Test
    void retryAfterTheAnswerWasLost_is409_andPointsMoveOnce() throws Exception {
        Fixtures.TenantFixture t = Fixtures.newTenant("premium", 1);
        String memberId = Members.enrol(t, Fixtures.uniquePhone()).get("memberId").asText();
        String key = UUID.randomUUID().toString();
        Object body = map("delta", 30, "reason", "补偿");
        assertEquals(201, status(t.owner().post("/members/" + memberId + "/points/adjust", body, key)));

        loseTheStoredAnswer(t, key);

        Api.Res retry = t.owner().post("/members/" + memberId + "/points/adjust", body, key);
        assertProblem(retry, 409);
        assertEquals(30, t.owner().get("/members/" + memberId + "/points").json().get("balance").asLong());
        assertEquals(1, t.owner().get("/members/" + memberId + "/points/ledger").json().get("items").size());
    }

    private static int status(Api.Res r) {
        return r.status() == 200 ? 201 : r.status();
    }

    /** Deletes the key's stored answer, as if saving it had failed and its lock had run out. */
    private static void loseTheStoredAnswer(Fixtures.TenantFixture t, String key) throws Exception {
        String payload = new String(Base64.getUrlDecoder().decode(t.owner().token().split("\\.")[1]), StandardCharsets.UTF_8);
        JsonNode claims = Api.JSON.readTree(payload);
        String scope = "T#" + t.tenantId() + "#U#" + claims.get("sub").asText();
        try (DynamoDbClient db = DynamoDbClient.builder().endpointOverride(Local.instance().dynamoEndpoint())
                .region(Region.of("cn-north-1"))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build()) {
            Map<String, AttributeValue> k = Map.of("pk", AttributeValue.fromS(scope + "#IDEM#" + key), "sk", AttributeValue.fromS("IDEM"));
            assertEquals("COMPLETED", db.getItem(b -> b.tableName("zhidian").key(k)).item().get("state").s(), "the answer was stored");
            db.deleteItem(b -> b.tableName("zhidian").key(k));
        }
    }
}
