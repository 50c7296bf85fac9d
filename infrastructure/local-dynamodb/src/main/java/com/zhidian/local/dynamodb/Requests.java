package com.zhidian.local.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reading and checking what every DynamoDB operation's request carries: the table name, the key against the table's
 * key schema, the expression names and values, ReturnValues, and the consumed capacity to report.
 */
final class Requests {
    static final int MAX_ITEM = 400 * 1024;
    static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[a-zA-Z0-9_.-]+");

    private Requests() {}

    /** The pre-expression parameters AWS still accepts; refused by name, never silently ignored (README). */
    static final List<String> LEGACY = List.of("Expected", "KeyConditions", "QueryFilter", "ScanFilter", "AttributeUpdates");

    static void refuseLegacyParameters(JsonNode req) {
        for (String p : LEGACY) {
            if (req.has(p)) throw new DynamoException.Validation("The legacy parameter " + p
                    + " is not supported by this DynamoDB stand-in; use the expression parameters instead");
        }
    }

    static String text(JsonNode req, String field) {
        JsonNode n = req.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    static String tableName(JsonNode req) {
        String n = text(req, "TableName");
        if (n == null) throw new DynamoException.Validation("1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member must not be null");
        if (n.length() < 3 || n.length() > 255)
            throw new DynamoException.Validation("1 validation error detected: Value '" + n + "' at 'tableName' failed to satisfy constraint: Member must have length "
                    + (n.length() < 3 ? "greater than or equal to 3" : "less than or equal to 255"));
        if (!NAME.matcher(n).matches())
            throw new DynamoException.Validation("1 validation error detected: Value '" + n
                    + "' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
        return n;
    }

    static Expr.Ctx ctx(JsonNode req) {
        Map<String, String> names = null;
        Map<String, Av> values = null;
        JsonNode n = req.get("ExpressionAttributeNames");
        if (n != null && !n.isNull()) {
            if (n.size() == 0) throw new DynamoException.Validation("ExpressionAttributeNames must not be empty");
            names = new HashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = n.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getKey().startsWith("#") || e.getKey().length() < 2)
                    throw new DynamoException.Validation("ExpressionAttributeNames contains invalid key: Syntax error; key: \"" + e.getKey() + "\"");
                names.put(e.getKey(), e.getValue().asText());
            }
        }
        JsonNode v = req.get("ExpressionAttributeValues");
        if (v != null && !v.isNull()) {
            if (v.size() == 0) throw new DynamoException.Validation("ExpressionAttributeValues must not be empty");
            if (!v.isObject()) throw new DynamoException("SerializationException", 400, "Expected an object for ExpressionAttributeValues");
            Iterator<String> ks = v.fieldNames();
            while (ks.hasNext()) {
                String k = ks.next();
                if (!k.startsWith(":") || k.length() < 2)
                    throw new DynamoException.Validation("ExpressionAttributeValues contains invalid key: Syntax error; key: \"" + k + "\"");
            }
            values = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = v.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                try {
                    values.put(e.getKey(), Codec.value(e.getValue()));
                } catch (DynamoException.Validation bad) { // AWS names the placeholder whose value is invalid
                    throw new DynamoException.Validation("ExpressionAttributeValues contains invalid value: " + bad.getMessage() + " for key " + e.getKey());
                }
            }
        }
        return new Expr.Ctx(names, values);
    }

    static void noExpressionsCheck(JsonNode req, Expr.Ctx c, String... exprFields) {
        boolean any = false;
        for (String f : exprFields) if (text(req, f) != null) any = true;
        if (!any) {
            if (c.values != null) throw new DynamoException.Validation("ExpressionAttributeValues can only be specified when using expressions");
            if (c.names != null) throw new DynamoException.Validation("ExpressionAttributeNames can only be specified when using expressions");
        }
    }

    /** Key of a request, checked against the table's key schema. */
    static Map<String, Av> key(Table t, JsonNode keyNode) {
        if (keyNode == null || keyNode.isNull()) throw new DynamoException.Validation("1 validation error detected: Value null at 'key' failed to satisfy constraint: Member must not be null");
        Map<String, Av> k = Codec.item(keyNode);
        Table.Idx p = t.primary;
        int want = p.rangeName == null ? 1 : 2;
        Av h = k.get(p.hashName), r = p.rangeName == null ? null : k.get(p.rangeName);
        if (k.size() != want || h == null || (p.rangeName != null && r == null) || h.type != p.hashType || (r != null && r.type != p.rangeType))
            throw new DynamoException.Validation("The provided key element does not match the schema");
        checkKeyValue(p.hashName, h, 2048);
        if (r != null) checkKeyValue(p.rangeName, r, 1024);
        Map<String, Av> ordered = new LinkedHashMap<>(2);
        ordered.put(p.hashName, h);
        if (r != null) ordered.put(p.rangeName, r);
        return ordered;
    }

    static void checkKeyValue(String name, Av v, int max) {
        if ((v.type == Av.Type.S && v.str().isEmpty()) || (v.type == Av.Type.B && v.bin().length() == 0))
            throw new DynamoException.Validation("One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty "
                    + (v.type == Av.Type.S ? "string" : "binary") + " value. Key: " + name);
        if (v.size() > max)
            throw new DynamoException.Validation("One or more parameter values were invalid: Size of " + (max == 2048 ? "hashkey" : "rangekey")
                    + " has exceeded the maximum size limit of" + (max == 2048 ? "2048" : "1024") + " bytes");
    }

    /** Validates a whole item to be stored in t. */
    static void checkItem(Table t, Map<String, Av> item, boolean fromUpdate) {
        Table.Idx p = t.primary;
        for (String kn : p.rangeName == null ? new String[]{p.hashName} : new String[]{p.hashName, p.rangeName}) {
            Av v = item.get(kn);
            if (v == null) throw new DynamoException.Validation("One or more parameter values were invalid: Missing the key " + kn + " in the item");
            Av.Type want = kn.equals(p.hashName) ? p.hashType : p.rangeType;
            if (v.type != want)
                throw new DynamoException.Validation("One or more parameter values were invalid: Type mismatch for key " + kn + " expected: " + want + " actual: " + v.type);
            checkKeyValue(kn, v, kn.equals(p.hashName) ? 2048 : 1024);
        }
        for (Table.Idx i : t.indexes.values()) {
            for (String kn : i.rangeName == null ? new String[]{i.hashName} : new String[]{i.hashName, i.rangeName}) {
                Av v = item.get(kn);
                if (v == null) continue;
                Av.Type want = kn.equals(i.hashName) ? i.hashType : i.rangeType;
                if (v.type != want)
                    throw new DynamoException.Validation("One or more parameter values were invalid: Type mismatch for Index Key " + kn + " Expected: " + want
                            + " Actual: " + v.type + " IndexName: " + i.name);
                if ((v.type == Av.Type.S && v.str().isEmpty()) || (v.type == Av.Type.B && v.bin().length() == 0))
                    throw new DynamoException.Validation("One or more parameter values are not valid. A value specified for a secondary index key is not supported. The AttributeValue for a key attribute cannot contain an empty "
                            + (v.type == Av.Type.S ? "string" : "binary") + " value. IndexName: " + i.name + ", IndexKey: " + kn);
            }
        }
        if (Av.itemSize(item) > MAX_ITEM)
            throw new DynamoException.Validation(fromUpdate ? "Item size to update has exceeded the maximum allowed size" : "Item size has exceeded the maximum allowed size");
    }

    static String returnValues(JsonNode req, String... allowed) {
        String rv = text(req, "ReturnValues");
        if (rv == null) return "NONE";
        for (String a : allowed) if (a.equals(rv)) return rv;
        if (!List.of("ALL_NEW", "UPDATED_OLD", "ALL_OLD", "NONE", "UPDATED_NEW").contains(rv))
            throw new DynamoException.Validation("1 validation error detected: Value '" + rv
                    + "' at 'returnValues' failed to satisfy constraint: Member must satisfy enum value set: [ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]");
        throw new DynamoException.Validation("Return values set to invalid value");
    }

    static boolean allOldOnFailure(JsonNode req) {
        String v = text(req, "ReturnValuesOnConditionCheckFailure");
        if (v == null || v.equals("NONE")) return false;
        if (v.equals("ALL_OLD")) return true;
        throw new DynamoException.Validation("1 validation error detected: Value '" + v
                + "' at 'returnValuesOnConditionCheckFailure' failed to satisfy constraint: Member must satisfy enum value set: [ALL_OLD, NONE]");
    }

    static DynamoException conditionFailed(Map<String, Av> old, boolean withItem) {
        DynamoException e = DynamoException.conditionFailed();
        if (withItem && old != null) {
            e.extra = Codec.F.objectNode();
            e.extra.set("Item", Codec.toJson(old));
        }
        return e;
    }

    static void consumed(ObjectNode out, JsonNode req, String table, double units) {
        String rc = text(req, "ReturnConsumedCapacity");
        if (rc == null || rc.equals("NONE")) return;
        ObjectNode c = out.putObject("ConsumedCapacity");
        c.put("TableName", table);
        c.put("CapacityUnits", units);
        if (rc.equals("INDEXES")) c.putObject("Table").put("CapacityUnits", units);
    }

    /** API Reference, BatchGetItem/BatchWriteItem/TransactGetItems/TransactWriteItems: ConsumedCapacity is a list, one entry per table. */
    static void consumedPerTable(ObjectNode out, JsonNode req, Map<String, Double> units, String kind) {
        String rc = text(req, "ReturnConsumedCapacity");
        if (rc == null || rc.equals("NONE")) return;
        com.fasterxml.jackson.databind.node.ArrayNode list = out.putArray("ConsumedCapacity");
        units.forEach((table, u) -> {
            ObjectNode c = list.addObject();
            c.put("TableName", table);
            c.put("CapacityUnits", u);
            if (kind != null) c.put(kind, u);
            if (rc.equals("INDEXES")) {
                ObjectNode tc = c.putObject("Table").put("CapacityUnits", u);
                if (kind != null) tc.put(kind, u);
            }
        });
    }

    /** The two enums every item operation takes are checked before anything runs, so a bad one never follows a write. */
    static void checkReturnEnums(JsonNode req) {
        String rc = text(req, "ReturnConsumedCapacity");
        if (rc != null && !List.of("INDEXES", "TOTAL", "NONE").contains(rc))
            throw new DynamoException.Validation("1 validation error detected: Value '" + rc
                    + "' at 'returnConsumedCapacity' failed to satisfy constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE]");
        String rm = text(req, "ReturnItemCollectionMetrics");
        if (rm != null && !List.of("SIZE", "NONE").contains(rm))
            throw new DynamoException.Validation("1 validation error detected: Value '" + rm
                    + "' at 'returnItemCollectionMetrics' failed to satisfy constraint: Member must satisfy enum value set: [SIZE, NONE]");
    }

    static double writeUnits(Map<String, Av> a, Map<String, Av> b) {
        int s = Math.max(a == null ? 0 : Av.itemSize(a), b == null ? 0 : Av.itemSize(b));
        return Math.max(1, (s + 1023) / 1024);
    }

    static double readUnits(int size, boolean consistent) {
        double u = Math.max(1, (size + 4095) / 4096);
        return consistent ? u : u / 2;
    }

    static List<Expr.Path> projection(JsonNode req, Expr.Ctx c) {
        String p = text(req, "ProjectionExpression");
        if (p != null) {
            if (req.has("AttributesToGet"))
                throw new DynamoException.Validation("Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}");
            return Expr.parseProjection(p, c);
        }
        JsonNode atg = req.get("AttributesToGet");
        if (atg != null) {
            List<Expr.Path> l = new ArrayList<>();
            for (JsonNode a : atg) l.add(new Expr.Path(new Object[]{a.asText()}));
            return l;
        }
        return null;
    }
}
