package com.zhidian.core.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zhidian.core.Env;
import com.zhidian.core.aws.ReadAhead;
import com.zhidian.core.scope.RequestScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/** The standing and a route's first item in one BatchGetItem; what the batch leaves unprocessed is read the usual way. */
class StandingReadAheadTest {
    private static final String TABLE = Env.tableName();
    private static final ReadAhead.Key ACCOUNT = new ReadAhead.Key("T#tn_1#M#mb_1", "POINTS");
    private static final Map<String, AttributeValue> TENANT_KEY = Map.of("pk", s("T#tn_1#TENANT"), "sk", s("META"));
    private static final Map<String, AttributeValue> TENANT = Map.of("pk", s("T#tn_1#TENANT"), "sk", s("META"),
            "status", s("active"), "plan", s("premium"), "timeZone", s("Asia/Shanghai"));
    private static final Map<String, AttributeValue> ACCOUNT_ITEM = Map.of("pk", s(ACCOUNT.pk()), "sk", s(ACCOUNT.sk()),
            "balance", AttributeValue.fromN("70"));

    /** Answers BatchGetItem with the items it holds, leaving the keys in {@code unprocessed} for later; counts calls. */
    record Table(List<Map<String, AttributeValue>> items, List<Map<String, AttributeValue>> unprocessed, List<String> calls)
            implements DynamoDbClient {
        @Override public String serviceName() { return "dynamodb"; }
        @Override public void close() {}

        @Override public BatchGetItemResponse batchGetItem(BatchGetItemRequest r) {
            calls.add("BatchGetItem consistent=" + r.requestItems().get(TABLE).consistentRead());
            List<Map<String, AttributeValue>> found = new ArrayList<>();
            for (Map<String, AttributeValue> k : r.requestItems().get(TABLE).keys()) {
                if (unprocessed.contains(k)) continue;
                items.stream().filter(i -> i.get("pk").equals(k.get("pk")) && i.get("sk").equals(k.get("sk"))).forEach(found::add);
            }
            var b = BatchGetItemResponse.builder().responses(Map.of(TABLE, found));
            if (!unprocessed.isEmpty()) b.unprocessedKeys(Map.of(TABLE, KeysAndAttributes.builder().keys(unprocessed).build()));
            return b.build();
        }

        @Override public GetItemResponse getItem(GetItemRequest r) {
            calls.add("GetItem " + r.key().get("pk").s());
            return GetItemResponse.builder().item(items.stream().filter(i -> i.get("pk").equals(r.key().get("pk"))).findFirst().orElse(null)).build();
        }
    }

    @AfterEach
    void exit() { scope.exit(); }

    private RequestScope scope;

    @BeforeEach
    void enter() { scope = RequestScope.enter("tn_1"); }

    @Test
    void bothRead_inOneConsistentCall_andTheItemIsTakenOnce() {
        List<String> calls = new ArrayList<>();
        var standing = new DynamoTenantDirectory(new Table(List.of(TENANT, ACCOUNT_ITEM), List.of(), calls)).standing("tn_1", ACCOUNT);
        assertEquals("premium", standing.plan());
        assertTrue(standing.active());
        assertEquals(List.of("BatchGetItem consistent=true"), calls);
        assertEquals(ACCOUNT_ITEM, ReadAhead.take(ACCOUNT.pk(), ACCOUNT.sk()).orElseThrow());
        assertTrue(ReadAhead.take(ACCOUNT.pk(), ACCOUNT.sk()).isEmpty(), "a second read (a retry) goes to DynamoDB");
    }

    @Test
    void aMissingItem_isReadAheadAsAbsent_andAMissingTenantHasNoStanding() {
        List<String> calls = new ArrayList<>();
        assertNull(new DynamoTenantDirectory(new Table(List.of(), List.of(), calls)).standing("tn_1", ACCOUNT));
        assertEquals(Map.of(), ReadAhead.take(ACCOUNT.pk(), ACCOUNT.sk()).orElseThrow());
    }

    @Test
    void unprocessedKeys_areNotReadAhead_andTheStandingIsReadAgain() {
        List<String> calls = new ArrayList<>();
        var standing = new DynamoTenantDirectory(new Table(List.of(TENANT, ACCOUNT_ITEM), List.of(TENANT_KEY, ACCOUNT.attributes()), calls))
                .standing("tn_1", ACCOUNT);
        assertEquals("active", standing.status());
        assertEquals(List.of("BatchGetItem consistent=true", "GetItem T#tn_1#TENANT"), calls);
        assertTrue(ReadAhead.take(ACCOUNT.pk(), ACCOUNT.sk()).isEmpty(), "the route reads the account itself");
    }

    private static AttributeValue s(String v) { return AttributeValue.fromS(v); }
}
