package com.zhidian.core.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.zhidian.core.scope.RequestScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/** Each call goes to the current tenant's client (built once per tenant), or to the function role's client. */
class TenantScopedDynamoTest {
    /** A client that answers GetItem with its own name, or fails as told. */
    record Named(String name, List<String> calls) implements DynamoDbClient {
        @Override public String serviceName() { return "dynamodb"; }
        @Override public void close() { calls.add(name + " closed"); }
        @Override public GetItemResponse getItem(GetItemRequest r) {
            calls.add(name);
            if (r.tableName().equals("fail")) throw DynamoDbException.builder().message("refused by " + name).build();
            return GetItemResponse.builder().item(Map.of("by", AttributeValue.fromS(name))).build();
        }
    }

    private final List<String> calls = new ArrayList<>();
    private final List<String> built = new ArrayList<>();

    @AfterEach
    void clear() { RequestScope.enter(null).exit(); }

    private DynamoDbClient routing(String roleArn) {
        return TenantScopedDynamo.routing(new Named("function-role", calls), roleArn, tenant -> {
            built.add(tenant);
            return new Named("tenant " + tenant, calls);
        });
    }

    private static String by(DynamoDbClient c, String table) {
        return c.getItem(GetItemRequest.builder().tableName(table).build()).item().get("by").s();
    }

    @Test
    void withoutARoleItIsThePlainClient() {
        DynamoDbClient plain = new Named("function-role", calls);
        assertSame(plain, TenantScopedDynamo.routing(plain, null, t -> { throw new AssertionError(); }));
        assertSame(plain, TenantScopedDynamo.routing(plain, " ", t -> { throw new AssertionError(); }));
    }

    @Test
    void routesByTheCurrentTenantAndBuildsEachTenantsClientOnce() {
        DynamoDbClient db = routing("arn:aws:iam::1:role/tenant-data");
        assertEquals("function-role", by(db, "t"));
        RequestScope.enter("tn_a");
        assertEquals("tenant tn_a", by(db, "t"));
        assertEquals("tenant tn_a", by(db, "t"));
        RequestScope.enter("tn_b");
        assertEquals("tenant tn_b", by(db, "t"));
        RequestScope.enter(null);
        assertEquals("function-role", by(db, "t"));
        assertEquals(List.of("tn_a", "tn_b"), built);
        assertEquals("dynamodb", db.serviceName());
    }

    @Test
    void theServicesExceptionComesThroughUnwrapped() {
        DynamoDbClient db = routing("arn:aws:iam::1:role/tenant-data");
        RequestScope.enter("tn_a");
        DynamoDbException e = assertThrows(DynamoDbException.class, () -> by(db, "fail"));
        assertEquals("refused by tenant tn_a", e.getMessage());
    }

    @Test
    void keepsAtMost64TenantsAndClosesAll() {
        DynamoDbClient db = routing("arn:aws:iam::1:role/tenant-data");
        for (int i = 0; i <= TenantScopedDynamo.MAX_TENANTS; i++) {
            RequestScope.enter("tn_" + i);
            by(db, "t");
        }
        RequestScope.enter("tn_0"); // the least recently used, dropped: built again
        by(db, "t");
        assertEquals(TenantScopedDynamo.MAX_TENANTS + 2, built.size());
        db.close();
        assertEquals(TenantScopedDynamo.MAX_TENANTS + 1, calls.stream().filter(c -> c.endsWith("closed")).count());
    }

    @Test
    void sessionNamesFitStsRules() {
        assertEquals("tenant-tn_abc", TenantScopedDynamo.sessionName("tn_abc"));
        assertEquals("tenant-a_b", TenantScopedDynamo.sessionName("a/b"));
        assertEquals(64, TenantScopedDynamo.sessionName("x".repeat(100)).length());
    }
}
