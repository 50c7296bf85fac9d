package com.zhidian.local.dynamodb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asks an {@link AccessPolicy} about each action a request needs, with the partition-key values it touches, and
 * answers a refusal as DynamoDB does: HTTP 400 {@code com.amazon.coral.service#AccessDeniedException}.
 */
final class AccessCheck {
    private static final Pattern CREDENTIAL = Pattern.compile("Credential=([^/,\\s]+)/");
    /** {@code name = :value} in a KeyConditionExpression (name possibly {@code #alias}). */
    private static final Pattern EQUALS = Pattern.compile("(#?[\\w.\\-]+)\\s*=\\s*(:[\\w\\-]+)");

    private final AccessPolicy policy;
    private final Function<String, JsonNode> describeTable;
    /** Key schemas never change after creation here; a table not found is not cached. */
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    /** A table's ARN, its partition key and its indexes' partition keys. */
    private record Schema(String arn, String partitionKey, Map<String, String> indexPartitionKeys) {}

    /** {@code describeTable}: the {@code Table} member of a DescribeTable answer, or null when there is no such table. */
    AccessCheck(AccessPolicy policy, Function<String, JsonNode> describeTable) {
        this.policy = policy;
        this.describeTable = describeTable;
    }

    /** Null when allowed; otherwise the error answer. */
    HttpFront.Answer check(String authorization, String operation, JsonNode req) {
        String key = accessKeyId(authorization);
        for (Need n : needs(operation, req)) {
            String principal = policy.refuse(key, n.action, n.resource, n.leadingKeys);
            if (principal != null) return denied(principal, n.action, n.resource);
        }
        return null;
    }

    static String accessKeyId(String authorization) {
        if (authorization == null) return null;
        Matcher m = CREDENTIAL.matcher(authorization);
        return m.find() ? m.group(1) : null;
    }

    private record Need(String action, String resource, List<String> leadingKeys) {}

    private List<Need> needs(String op, JsonNode req) {
        List<Need> out = new ArrayList<>();
        switch (op) {
            case "GetItem", "DeleteItem", "UpdateItem" -> out.add(item("dynamodb:" + op, req, "Key"));
            case "PutItem" -> out.add(item("dynamodb:PutItem", req, "Item"));
            case "Query" -> out.add(query(req));
            case "TransactWriteItems", "TransactGetItems" -> {
                for (JsonNode t : req.path("TransactItems")) {
                    if (t.has("Put")) out.add(item("dynamodb:PutItem", t.get("Put"), "Item"));
                    if (t.has("Update")) out.add(item("dynamodb:UpdateItem", t.get("Update"), "Key"));
                    if (t.has("Delete")) out.add(item("dynamodb:DeleteItem", t.get("Delete"), "Key"));
                    if (t.has("ConditionCheck")) out.add(item("dynamodb:ConditionCheckItem", t.get("ConditionCheck"), "Key"));
                    if (t.has("Get")) out.add(item("dynamodb:GetItem", t.get("Get"), "Key"));
                }
            }
            case "BatchGetItem", "BatchWriteItem" -> req.path("RequestItems").fields().forEachRemaining(e -> {
                Schema s = schema(e.getKey());
                List<String> keys = new ArrayList<>();
                JsonNode requests = op.equals("BatchGetItem") ? e.getValue().path("Keys") : e.getValue();
                for (JsonNode r : requests) {
                    JsonNode k = op.equals("BatchGetItem") ? r
                            : r.has("PutRequest") ? r.path("PutRequest").path("Item") : r.path("DeleteRequest").path("Key");
                    addValue(keys, k.get(s.partitionKey));
                }
                out.add(new Need("dynamodb:" + op, s.arn, keys));
            });
            // Scan, table and stream operations touch no single partition: only the action decides
            default -> out.add(new Need("dynamodb:" + op, schema(req.path("TableName").asText("*")).arn, List.of()));
        }
        return out;
    }

    private Need item(String action, JsonNode req, String member) {
        Schema s = schema(req.path("TableName").asText(""));
        List<String> keys = new ArrayList<>(1);
        addValue(keys, req.path(member).get(s.partitionKey));
        return new Need(action, s.arn, keys);
    }

    /** A Query's partition key value, from KeyConditionExpression (or the legacy KeyConditions). */
    private Need query(JsonNode req) {
        Schema s = schema(req.path("TableName").asText(""));
        String index = req.path("IndexName").asText(null);
        String pkName = index == null ? s.partitionKey : s.indexPartitionKeys.get(index);
        String resource = index == null ? s.arn : s.arn + "/index/" + index;
        List<String> keys = new ArrayList<>(1);
        String expr = req.path("KeyConditionExpression").asText(null);
        if (expr != null) {
            Matcher m = EQUALS.matcher(expr);
            while (m.find()) {
                String name = m.group(1).startsWith("#") ? req.path("ExpressionAttributeNames").path(m.group(1)).asText(null) : m.group(1);
                if (name != null && name.equals(pkName)) addValue(keys, req.path("ExpressionAttributeValues").get(m.group(2)));
            }
        } else if (pkName != null) {
            JsonNode values = req.path("KeyConditions").path(pkName).path("AttributeValueList");
            if (values.size() > 0) addValue(keys, values.get(0));
        }
        return new Need("dynamodb:Query", resource, keys);
    }

    /** The text of a key value: S, N, or B (base64, as sent). */
    private static void addValue(List<String> keys, JsonNode av) {
        if (av == null || !av.isObject() || av.size() != 1) return;
        keys.add(av.elements().next().asText());
    }

    private Schema schema(String table) {
        Schema known = schemas.get(table);
        if (known != null) return known;
        JsonNode t = describeTable.apply(table);
        if (t == null) return new Schema("arn:aws:dynamodb:*:000000000000:table/" + table, null, Map.of());
        Map<String, String> indexes = new java.util.HashMap<>();
        for (JsonNode g : t.path("GlobalSecondaryIndexes")) indexes.put(g.path("IndexName").asText(), hashKey(g));
        for (JsonNode l : t.path("LocalSecondaryIndexes")) indexes.put(l.path("IndexName").asText(), hashKey(l));
        Schema s = new Schema(t.path("TableArn").asText(), hashKey(t), Map.copyOf(indexes));
        schemas.put(table, s);
        return s;
    }

    private static String hashKey(JsonNode tableOrIndex) {
        for (JsonNode k : tableOrIndex.path("KeySchema")) if ("HASH".equals(k.path("KeyType").asText())) return k.path("AttributeName").asText();
        return null;
    }

    /** DynamoDB's own wording (IAM's implicit deny). */
    private static HttpFront.Answer denied(String principal, String action, String resource) {
        ObjectNode body = Codec.F.objectNode();
        body.put("__type", "com.amazon.coral.service#AccessDeniedException");
        body.put("Message", "User: " + principal + " is not authorized to perform: " + action + " on resource: " + resource
                + " because no identity-based policy allows the " + action + " action");
        try {
            return new HttpFront.Answer(400, "application/x-amz-json-1.0", Codec.MAPPER.writeValueAsBytes(body), false);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
