package com.zhidian.apitests.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zhidian.apitests.support.Fixtures;
import com.zhidian.apitests.support.Local;
import com.zhidian.apitests.support.TenantSessions;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The second wall (IAM {@code dynamodb:LeadingKeys} on {@code T#<tenant_id>#*}) as Zhidian Local enforces it: a client
 * holding tenant A's session of the tenant data role, obtained through the STS stand-in with the SDK, reaches A's
 * keys and nothing of B's, whatever the operation.
 */
class TenantDataRoleTest {
    private static TenantSessions sessions;
    private static DynamoDbClient admin, tenantA;
    private static String table, a, b;

    @BeforeAll
    static void seed() {
        sessions = new TenantSessions();
        admin = sessions.unscoped();
        table = sessions.tableName();
        a = "tn_wall_a" + UUID.randomUUID().toString().substring(0, 8);
        b = "tn_wall_b" + UUID.randomUUID().toString().substring(0, 8);
        for (String t : List.of(a, b)) {
            admin.putItem(r -> r.tableName(table).item(Map.of("pk", s("T#" + t + "#MEMBER"), "sk", s("1"),
                    "gsi1pk", s("T#" + t + "#MEMBERS"), "gsi1sk", s("1"), "name", s(t))));
        }
        tenantA = sessions.asTenant(a);
    }

    @AfterAll
    static void close() {
        tenantA.close();
        admin.close();
        sessions.close();
    }

    @Test
    void readsAndWritesItsOwnTenant() {
        assertEquals(a, tenantA.getItem(r -> r.tableName(table).key(key(a))).item().get("name").s());
        assertEquals(1, tenantA.query(r -> r.tableName(table).keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s("T#" + a + "#MEMBER")))).count());
        assertEquals(1, tenantA.query(r -> r.tableName(table).indexName("gsi1").keyConditionExpression("gsi1pk = :p")
                .expressionAttributeValues(Map.of(":p", s("T#" + a + "#MEMBERS")))).count());
        tenantA.updateItem(r -> r.tableName(table).key(key(a)).updateExpression("SET seen = :t")
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromBool(true))));
    }

    @Test
    void getOfAnotherTenantsItemIsAccessDenied() {
        denied("dynamodb:GetItem", () -> tenantA.getItem(r -> r.tableName(table).key(key(b))));
    }

    @Test
    void queryOfAnotherTenantsPartitionIsAccessDenied() {
        denied("dynamodb:Query", () -> tenantA.query(r -> r.tableName(table).keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s("T#" + b + "#MEMBER")))));
        denied("dynamodb:Query", () -> tenantA.query(r -> r.tableName(table).indexName("gsi1").keyConditionExpression("#k = :p")
                .expressionAttributeNames(Map.of("#k", "gsi1pk")).expressionAttributeValues(Map.of(":p", s("T#" + b + "#MEMBERS")))));
        // a prefix of another tenant's id is another tenant too
        denied("dynamodb:Query", () -> tenantA.query(r -> r.tableName(table).keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s("T#" + a + "x#MEMBER")))));
    }

    @Test
    void aTransactionThatTouchesAnotherTenantIsAccessDeniedAndWritesNothing() {
        Map<String, AttributeValue> mine = Map.of("pk", s("T#" + a + "#TX"), "sk", s("1"));
        denied("dynamodb:UpdateItem", () -> tenantA.transactWriteItems(r -> r.transactItems(
                TransactWriteItem.builder().put(Put.builder().tableName(table).item(mine).build()).build(),
                TransactWriteItem.builder().update(u -> u.tableName(table).key(key(b)).updateExpression("SET hacked = :t")
                        .expressionAttributeValues(Map.of(":t", AttributeValue.fromBool(true)))).build())));
        assertFalse(admin.getItem(r -> r.tableName(table).key(mine)).hasItem());
        assertFalse(admin.getItem(r -> r.tableName(table).key(key(b))).item().containsKey("hacked"));
    }

    @Test
    void aBatchWithAnotherTenantsKeyIsAccessDenied() {
        denied("dynamodb:BatchWriteItem", () -> tenantA.batchWriteItem(r -> r.requestItems(Map.of(table, List.of(
                WriteRequest.builder().putRequest(PutRequest.builder().item(Map.of("pk", s("T#" + a + "#B"), "sk", s("1"))).build()).build(),
                WriteRequest.builder().putRequest(PutRequest.builder().item(Map.of("pk", s("T#" + b + "#B"), "sk", s("1"))).build()).build())))));
    }

    @Test
    void scanIsNeverGrantedToATenant() {
        denied("dynamodb:Scan", () -> tenantA.scan(r -> r.tableName(table).limit(1)));
    }

    @Test
    void theFunctionsCallsRunUnderTheCallersTenantSession() {
        Fixtures.TenantFixture t = Fixtures.newTenant("basic", 1);
        assertEquals(200, t.owner().get("/stores").status());
        assertTrue(Local.instance().sts().sessions().stream().anyMatch(s -> s.roleArn().equals(sessions.roleArn())
                        && t.tenantId().equals(s.tags().get("tenant_id"))),
                "the stores function assumed the tenant data role for " + t.tenantId());
    }

    private static void denied(String action, Executable call) {
        DynamoDbException e = assertThrows(DynamoDbException.class, call);
        assertEquals(400, e.statusCode());
        assertEquals("AccessDeniedException", e.awsErrorDetails().errorCode());
        String m = e.awsErrorDetails().errorMessage();
        assertTrue(m.startsWith("User: arn:aws:sts::000000000000:assumed-role/") && m.contains("/tenant-" + a + " ")
                && m.contains("is not authorized to perform: " + action + " on resource: arn:aws:dynamodb:"), m);
    }

    private static Map<String, AttributeValue> key(String tenant) {
        return Map.of("pk", s("T#" + tenant + "#MEMBER"), "sk", s("1"));
    }

    private static AttributeValue s(String v) { return AttributeValue.fromS(v); }
}
