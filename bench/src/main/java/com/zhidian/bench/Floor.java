package com.zhidian.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The floor of a route: the raw calls it must make, in order, made with the AWS SDK (the same
 * Apache HTTP client the functions use) against the same DynamoDB stand-in. Reads read the
 * route's real items (same sizes); writes write items of the same shape under the bench's own keys
 * ({@code BENCH#<run>#...}), so the floor never changes what the routes see.
 */
public final class Floor {
    /** One call of a floor. */
    public interface Op {
        void run(Clients c, Ctx ctx, int client, long seq);
        String label();
    }

    public record Clients(DynamoDbClient db, CognitoIdentityProviderClient cognito) {}

    private final List<Op> ops;

    private Floor(List<Op> ops) { this.ops = ops; }

    public static Floor of(Op... ops) { return new Floor(List.of(ops)); }

    public static Floor none() { return new Floor(List.of()); }

    public boolean isEmpty() { return ops.isEmpty(); }

    public String describe() {
        List<String> l = new ArrayList<>();
        ops.forEach(o -> l.add(o.label()));
        return String.join(" + ", l);
    }

    public void run(Clients c, Ctx ctx, int client, long seq) {
        for (Op op : ops) op.run(c, ctx, client, seq);
    }

    // ------------------------------------------------------------------------------------------ reads

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk));
    }

    /** GetItem of a real item; pk and sk may hold {names}. */
    public static Op get(String label, String pk, String sk) {
        return op("GetItem " + label, (c, x) -> {
            Ctx ctx = x.ctx;
            c.db().getItem(b -> b.tableName(ctx.tableName).key(key(ctx.fill(pk, x.seq), ctx.fill(sk, x.seq))));
        });
    }

    /** The rails' read of every tenant request: the tenant's standing (status, plan). */
    public static Op standing() {
        return op("GetItem standing", (c, x) -> {
            Ctx ctx = x.ctx;
            c.db().getItem(b -> b.tableName(ctx.tableName)
                    .key(key(ctx.fill("T#{tenantId}#TENANT", x.seq), "META"))
                    .projectionExpression("#s, #p, #tz")
                    .expressionAttributeNames(Map.of("#s", "status", "#p", "plan", "#tz", "timeZone")));
        });
    }

    /** The rails' read of the tenant's standing together with the route's first item (core ReadAhead): one BatchGetItem. */
    public static Op standingWith(String label, String pk, String sk) {
        return op("BatchGetItem standing+" + label + "(2)", (c, x) -> {
            Ctx ctx = x.ctx;
            c.db().batchGetItem(b -> b.requestItems(Map.of(ctx.tableName, KeysAndAttributes.builder().consistentRead(true)
                    .keys(List.of(key(ctx.fill("T#{tenantId}#TENANT", x.seq), "META"), key(ctx.fill(pk, x.seq), ctx.fill(sk, x.seq))))
                    .build())));
        });
    }

    /** Query of one partition of the table (or of a GSI when index is not null), up to limit items. */
    public static Op query(String label, String index, String pk, int limit, boolean forward) {
        String pkName = index == null ? "pk" : index + "pk";
        return op("Query " + label + "(" + limit + ")", (c, x) -> {
            Ctx ctx = x.ctx;
            c.db().query(b -> {
                b.tableName(ctx.tableName).keyConditionExpression(pkName + " = :pk")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(ctx.fill(pk, x.seq))))
                        .scanIndexForward(forward).limit(limit);
                if (index != null) b.indexName(index);
            });
        });
    }

    /** Query of the items of one partition whose sort key begins with a prefix (consistent, as the members context reads). */
    public static Op queryPrefix(String label, String pk, String skPrefix, int limit, boolean forward) {
        return op("Query " + label + "(" + limit + ")", (c, x) -> {
            Ctx ctx = x.ctx;
            c.db().query(b -> b.tableName(ctx.tableName)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :p)")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(ctx.fill(pk, x.seq)),
                            ":p", AttributeValue.fromS(ctx.fill(skPrefix, x.seq))))
                    .scanIndexForward(forward).limit(limit).consistentRead(true));
        });
    }

    // ------------------------------------------------------------------------------------------ writes

    private static final AtomicLong UNIQUE = new AtomicLong();

    private static Map<String, AttributeValue> item(Ctx ctx, String kind, int attributes) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS("BENCH#" + ctx.runId + "#" + kind));
        item.put("sk", AttributeValue.fromS(Long.toString(UNIQUE.incrementAndGet())));
        for (int i = 0; i < attributes; i++) item.put("a" + i, AttributeValue.fromS("value of attribute " + i + " 示范便利店"));
        return item;
    }

    /** PutItem of an item of that many attributes under a fresh bench key, conditional or not. */
    public static Op put(String label, int attributes, boolean conditional) {
        return op("PutItem " + label, (c, x) -> c.db().putItem(b -> {
            b.tableName(x.ctx.tableName).item(item(x.ctx, label, attributes));
            if (conditional) b.conditionExpression("attribute_not_exists(pk)");
        }));
    }

    /** One BatchWriteItem of unconditional puts, e.g. a request's stored answer and audit entry together. */
    public static Op batchPut(String label, int... attributes) {
        return op("BatchWriteItem " + label + "(" + attributes.length + ")", (c, x) -> {
            List<WriteRequest> puts = new ArrayList<>();
            for (int a : attributes) {
                puts.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item(x.ctx, label, a)).build()).build());
            }
            c.db().batchWriteItem(b -> b.requestItems(Map.of(x.ctx.tableName, puts)));
        });
    }

    /** TransactWriteItems of that many conditional puts (fresh bench keys; a condition check counts as one) and version-checked updates. */
    public static Op transact(String label, int puts, int updates) {
        return op("TransactWriteItems " + label + "(" + (puts + updates) + ")", (c, x) -> {
            Ctx ctx = x.ctx;
            List<TransactWriteItem> items = new ArrayList<>();
            for (int i = 0; i < puts; i++) {
                items.add(TransactWriteItem.builder().put(Put.builder().tableName(ctx.tableName)
                        .item(item(ctx, label, 8)).conditionExpression("attribute_not_exists(pk)").build()).build());
            }
            for (int i = 0; i < updates; i++) {
                items.add(TransactWriteItem.builder().update(Update.builder().tableName(ctx.tableName)
                        .key(key("BENCH#" + ctx.runId + "#ACCOUNT", x.client + "-" + i))
                        .updateExpression("SET balance = if_not_exists(balance, :z) + :d, version = if_not_exists(version, :z) + :one")
                        .expressionAttributeValues(Map.of(":z", AttributeValue.fromN("0"), ":d", AttributeValue.fromN("1"),
                                ":one", AttributeValue.fromN("1")))
                        .build()).build());
            }
            c.db().transactWriteItems(b -> b.transactItems(items));
        });
    }

    /** UpdateItem SET of that many attributes on one bench item, answering ALL_NEW. */
    public static Op update(String label, int attributes) {
        return op("UpdateItem " + label, (c, x) -> {
            Ctx ctx = x.ctx;
            StringBuilder expr = new StringBuilder("SET ");
            Map<String, AttributeValue> values = new HashMap<>();
            for (int i = 0; i < attributes; i++) {
                expr.append(i == 0 ? "" : ", ").append("a").append(i).append(" = :v").append(i);
                values.put(":v" + i, AttributeValue.fromS("changed " + x.seq));
            }
            c.db().updateItem(b -> b.tableName(ctx.tableName).key(key("BENCH#" + ctx.runId + "#UPDATE", Integer.toString(x.client)))
                    .updateExpression(expr.toString()).expressionAttributeValues(values).returnValues(ReturnValue.ALL_NEW));
        });
    }

    /** The Cognito call a route must make to create a login (AdminCreateUser with a temporary password). */
    public static Op createLogin() { return createLogin(false); }

    /** AdminCreateUser, and with permanent AdminSetUserPassword (a customer's login). */
    public static Op createLogin(boolean permanentPassword) {
        return op(permanentPassword ? "cognito AdminCreateUser + AdminSetUserPassword" : "cognito AdminCreateUser", (c, x) -> {
            String name = "floor-" + x.ctx.runId + "-" + UNIQUE.incrementAndGet() + "@bench.zhidian.local";
            c.cognito().adminCreateUser(b -> b.userPoolId(x.ctx.userPoolId).username(name)
                    .temporaryPassword("Floor-Temp-" + x.seq + "a")
                    .messageAction(MessageActionType.SUPPRESS)
                    .userAttributes(AttributeType.builder().name("email").value(name).build(),
                            AttributeType.builder().name("custom:role").value("staff").build(),
                            AttributeType.builder().name("custom:tenant_id").value(x.ctx.get("tenantId")).build()));
            if (permanentPassword) {
                c.cognito().adminSetUserPassword(b -> b.userPoolId(x.ctx.userPoolId).username(name)
                        .password("Floor-Pass-" + x.seq + "aA1").permanent(true));
            }
        });
    }

    private record Call(Ctx ctx, int client, long seq) {}

    private interface Body { void run(Clients c, Call x); }

    private static Op op(String label, Body body) {
        return new Op() {
            @Override public void run(Clients c, Ctx ctx, int client, long seq) { body.run(c, new Call(ctx, client, seq)); }
            @Override public String label() { return label; }
        };
    }
}
