package com.zhidian.local.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The DynamoDB operations over in-memory tables. One read/write lock makes every write (single item, batch,
 * transaction) atomic and serializable with respect to every other; reads share the lock. With a data directory
 * every write is appended to the {@link Wal} under the lock and forced to disk before it is answered.
 */
final class Engine implements AutoCloseable {
    static final int MAX_ITEM = 400 * 1024;
    static final int PAGE = 1024 * 1024;
    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[a-zA-Z0-9_.-]+");

    final String region;
    final String account = "000000000000";
    private final TreeMap<String, Table> tables = new TreeMap<>();
    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Wal wal;
    private final long checkpointBytes;
    /** ClientRequestTokens of the last 10 minutes, oldest first (the SDK sends one with every transaction). */
    private final Map<String, Token> tokens = Collections.synchronizedMap(new LinkedHashMap<>());
    volatile java.time.Clock clock = java.time.Clock.systemUTC();

    record Token(byte[] hash, long at, ObjectNode response) {}

    /** One item change of a write: old and new item (null = absent). */
    record Change(Table table, Map<String, Av> key, Map<String, Av> oldItem, Map<String, Av> newItem) {}

    Engine(Path dataDir, String region, long checkpointBytes) {
        this.region = region;
        this.checkpointBytes = checkpointBytes;
        if (dataDir != null) {
            wal = new Wal(dataDir);
            wal.recover(this::loadSnapshot, this::replay);
            if (wal.size() > 0) wal.checkpoint(snapshot());
        } else wal = null;
    }

    // =================================================================== dispatch

    /** The pre-expression parameters AWS still accepts; refused by name, never silently ignored (README). */
    private static final List<String> LEGACY = List.of("Expected", "KeyConditions", "QueryFilter", "ScanFilter", "AttributeUpdates");

    private static void refuseLegacyParameters(JsonNode req) {
        for (String p : LEGACY) {
            if (req.has(p)) throw new DynamoException.Validation("The legacy parameter " + p
                    + " is not supported by this DynamoDB stand-in; use the expression parameters instead");
        }
    }

    ObjectNode handle(String op, JsonNode req) {
        if (req == null || !req.isObject()) throw new DynamoException("SerializationException", 400, "Start of structure or map found where not expected.");
        refuseLegacyParameters(req);
        switch (op) {
            case "CreateTable": return createTable(req);
            case "DescribeTable": return describeTable(req);
            case "ListTables": return listTables(req);
            case "DeleteTable": return deleteTable(req);
            case "UpdateTable": return updateTable(req);
            case "UpdateTimeToLive": return updateTtl(req);
            case "DescribeTimeToLive": return describeTtl(req);
            case "PutItem": return putItem(req);
            case "GetItem": return getItem(req);
            case "UpdateItem": return updateItem(req);
            case "DeleteItem": return deleteItem(req);
            case "Query": return query(req);
            case "Scan": return scan(req);
            case "BatchGetItem": return batchGet(req);
            case "BatchWriteItem": return batchWrite(req);
            case "TransactWriteItems": return transactWrite(req);
            case "TransactGetItems": return transactGet(req);
            case "DescribeEndpoints": {
                ObjectNode o = Codec.F.objectNode();
                o.putArray("Endpoints").addObject().put("Address", "localhost").put("CachePeriodInMinutes", 1440);
                return o;
            }
            case "ListTagsOfResource": { ObjectNode o = Codec.F.objectNode(); o.putArray("Tags"); return o; }
            case "TagResource": case "UntagResource": return Codec.F.objectNode();
            case "DescribeLimits": {
                ObjectNode o = Codec.F.objectNode();
                o.put("AccountMaxReadCapacityUnits", 80000).put("AccountMaxWriteCapacityUnits", 80000)
                        .put("TableMaxReadCapacityUnits", 40000).put("TableMaxWriteCapacityUnits", 40000);
                return o;
            }
            default:
                throw new DynamoException("UnknownOperationException", 400, null);
        }
    }

    ObjectNode handleStreams(String op, JsonNode req) {
        switch (op) {
            case "ListStreams": {
                ObjectNode o = Codec.F.objectNode();
                ArrayNode a = o.putArray("Streams");
                lock.readLock().lock();
                try {
                    String only = text(req, "TableName");
                    for (Table t : tables.values()) {
                        if (t.stream == null || t.stream.viewType == null || (only != null && !only.equals(t.name))) continue;
                        a.addObject().put("StreamArn", t.stream.arn).put("TableName", t.name).put("StreamLabel", t.stream.label);
                    }
                } finally { lock.readLock().unlock(); }
                return o;
            }
            case "DescribeStream": {
                Table t = streamTable(text(req, "StreamArn"));
                return t.stream.describe(t.name, t.def.get("KeySchema"));
            }
            case "GetShardIterator": {
                Table t = streamTable(text(req, "StreamArn"));
                String type = text(req, "ShardIteratorType");
                long seq;
                if ("TRIM_HORIZON".equals(type)) seq = 0;
                else if ("LATEST".equals(type)) seq = t.stream.latest();
                else if ("AT_SEQUENCE_NUMBER".equals(type)) seq = Long.parseLong(text(req, "SequenceNumber"));
                else if ("AFTER_SEQUENCE_NUMBER".equals(type)) seq = Long.parseLong(text(req, "SequenceNumber")) + 1;
                else throw new DynamoException.Validation("Invalid ShardIteratorType: " + type);
                ObjectNode o = Codec.F.objectNode();
                o.put("ShardIterator", t.stream.iterator(seq));
                return o;
            }
            case "GetRecords": {
                String[] it = Streams.decode(text(req, "ShardIterator"));
                Table t = streamTable(it[0]);
                int limit = req.has("Limit") ? req.get("Limit").asInt() : 1000;
                return t.stream.getRecords(Long.parseLong(it[2]), Math.max(1, Math.min(1000, limit)));
            }
            default:
                throw new DynamoException("UnknownOperationException", 400, null);
        }
    }

    private Table streamTable(String arn) {
        lock.readLock().lock();
        try {
            for (Table t : tables.values()) if (t.stream != null && t.stream.arn.equals(arn)) return t;
        } finally { lock.readLock().unlock(); }
        throw DynamoException.notFound("Requested resource not found: Stream: " + arn + " not found");
    }

    // =================================================================== helpers

    static String text(JsonNode req, String field) {
        JsonNode n = req.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    private Table table(String name) {
        Table t = tables.get(name);
        if (t == null) throw DynamoException.notFound("Requested resource not found");
        return t;
    }

    private static String tableName(JsonNode req) {
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
            values = Codec.item(v);
            for (String k : values.keySet())
                if (!k.startsWith(":") || k.length() < 2)
                    throw new DynamoException.Validation("ExpressionAttributeValues contains invalid key: Syntax error; key: \"" + k + "\"");
        }
        return new Expr.Ctx(names, values);
    }

    private static void noExpressionsCheck(JsonNode req, Expr.Ctx c, String... exprFields) {
        boolean any = false;
        for (String f : exprFields) if (text(req, f) != null) any = true;
        if (!any) {
            if (c.values != null) throw new DynamoException.Validation("ExpressionAttributeValues can only be specified when using expressions");
            if (c.names != null) throw new DynamoException.Validation("ExpressionAttributeNames can only be specified when using expressions");
        }
    }

    /** Key of a request, checked against the table's key schema. */
    private static Map<String, Av> key(Table t, JsonNode keyNode) {
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

    private static void checkKeyValue(String name, Av v, int max) {
        if ((v.type == Av.Type.S && v.str().isEmpty()) || (v.type == Av.Type.B && v.bin().length() == 0))
            throw new DynamoException.Validation("One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty "
                    + (v.type == Av.Type.S ? "string" : "binary") + " value. Key: " + name);
        if (v.size() > max)
            throw new DynamoException.Validation("One or more parameter values were invalid: Size of " + (max == 2048 ? "hashkey" : "rangekey")
                    + " has exceeded the maximum size limit of" + (max == 2048 ? "2048" : "1024") + " bytes");
    }

    /** Validates a whole item to be stored in t. */
    private static void checkItem(Table t, Map<String, Av> item, boolean fromUpdate) {
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

    private static String returnValues(JsonNode req, String... allowed) {
        String rv = text(req, "ReturnValues");
        if (rv == null) return "NONE";
        for (String a : allowed) if (a.equals(rv)) return rv;
        throw new DynamoException.Validation("Return values set to invalid value");
    }

    private static boolean allOldOnFailure(JsonNode req) {
        String v = text(req, "ReturnValuesOnConditionCheckFailure");
        if (v == null || v.equals("NONE")) return false;
        if (v.equals("ALL_OLD")) return true;
        throw new DynamoException.Validation("1 validation error detected: Value '" + v
                + "' at 'returnValuesOnConditionCheckFailure' failed to satisfy constraint: Member must satisfy enum value set: [ALL_OLD, NONE]");
    }

    private static DynamoException conditionFailed(Map<String, Av> old, boolean withItem) {
        DynamoException e = DynamoException.conditionFailed();
        if (withItem && old != null) {
            e.extra = Codec.F.objectNode();
            e.extra.set("Item", Codec.toJson(old));
        }
        return e;
    }

    private void consumed(ObjectNode out, JsonNode req, String table, double units) {
        String rc = text(req, "ReturnConsumedCapacity");
        if (rc == null || rc.equals("NONE")) return;
        ObjectNode c = out.putObject("ConsumedCapacity");
        c.put("TableName", table);
        c.put("CapacityUnits", units);
        if (rc.equals("INDEXES")) c.putObject("Table").put("CapacityUnits", units);
    }

    private static double writeUnits(Map<String, Av> a, Map<String, Av> b) {
        int s = Math.max(a == null ? 0 : Av.itemSize(a), b == null ? 0 : Av.itemSize(b));
        return Math.max(1, (s + 1023) / 1024);
    }

    private static double readUnits(int size, boolean consistent) {
        double u = Math.max(1, (size + 4095) / 4096);
        return consistent ? u : u / 2;
    }

    // =================================================================== commit

    /** Applies changes (caller holds the write lock) and logs them as one record. Returns the log position. */
    private long commit(List<Change> changes, boolean ttl) {
        for (Change c : changes) {
            c.table().write(c.key(), c.oldItem(), c.newItem());
            if (c.table().stream != null) c.table().stream.add(region, c.key(), c.oldItem(), c.newItem(), ttl);
        }
        if (wal == null) return 0;
        ObjectNode rec = Codec.F.objectNode();
        ArrayNode arr = rec.putArray("c");
        for (Change c : changes) {
            ObjectNode o = arr.addObject();
            o.put("t", c.table().name);
            if (c.newItem() != null) o.set("i", Codec.toJson(c.newItem()));
            else o.set("k", Codec.toJson(c.key()));
        }
        return wal.append(rec);
    }

    private long logMeta(ObjectNode rec) {
        return wal == null ? 0 : wal.append(rec);
    }

    /** After releasing the write lock: make the write durable, checkpoint when the log is big. */
    private void durable(long pos) {
        if (wal == null) return;
        wal.sync(pos);
        if (wal.size() > checkpointBytes) {
            lock.writeLock().lock();
            try {
                if (wal.size() > checkpointBytes) wal.checkpoint(snapshot());
            } finally { lock.writeLock().unlock(); }
        }
    }

    private void replay(JsonNode rec) {
        if (rec.has("c")) {
            for (JsonNode c : rec.get("c")) {
                Table t = tables.get(c.get("t").textValue());
                if (t == null) continue;
                Map<String, Av> item = c.has("i") ? Codec.item(c.get("i")) : null;
                Map<String, Av> key = item != null ? t.keyOf(item) : Codec.item(c.get("k"));
                t.write(key, t.get(key), item);
            }
        } else if (rec.has("ct")) {
            ObjectNode def = (ObjectNode) rec.get("ct");
            tables.put(def.get("TableName").textValue(), newTable(def));
        } else if (rec.has("dt")) {
            tables.remove(rec.get("dt").textValue());
        } else if (rec.has("ut")) {
            Table t = tables.get(rec.get("ut").get("TableName").textValue());
            if (t != null) { t.def = (ObjectNode) rec.get("ut"); t.rebuildIndexDefs(); }
        } else if (rec.has("ttl")) {
            JsonNode x = rec.get("ttl");
            Table t = tables.get(x.get("t").textValue());
            if (t != null) t.setTtl(text(x, "a"), x.get("on").booleanValue());
        }
    }

    private Table newTable(ObjectNode def) {
        JsonNode ss = def.get("StreamSpecification");
        String view = ss != null && ss.path("StreamEnabled").asBoolean(false) ? text(ss, "StreamViewType") : null;
        String arn = "arn:aws:dynamodb:" + region + ":" + account + ":table/" + def.get("TableName").textValue();
        return new Table(def, new Streams.Log(arn, def.path("CreationDateTime").asLong(System.currentTimeMillis()), view));
    }

    private void loadSnapshot(JsonNode snap) {
        for (JsonNode tn : snap.get("tables")) {
            Table t = newTable((ObjectNode) tn.get("def"));
            t.setTtl(text(tn, "ttlAttribute"), tn.path("ttlEnabled").asBoolean(false));
            for (JsonNode i : tn.get("items")) {
                Map<String, Av> item = Codec.item(i);
                t.write(t.keyOf(item), null, item);
            }
            tables.put(t.name, t);
        }
    }

    private ObjectNode snapshot() {
        ObjectNode s = Codec.F.objectNode();
        ArrayNode arr = s.putArray("tables");
        for (Table t : tables.values()) {
            ObjectNode o = arr.addObject();
            o.set("def", t.def);
            o.put("ttlEnabled", t.ttlEnabled);
            if (t.ttlAttribute != null) o.put("ttlAttribute", t.ttlAttribute);
            ArrayNode items = o.putArray("items");
            for (TreeMap<Table.Ck, Map<String, Av>> p : t.primary.parts.values())
                for (Map<String, Av> item : p.values()) items.add(Codec.toJson(item));
        }
        return s;
    }

    @Override
    public void close() {
        if (wal != null) {
            lock.writeLock().lock();
            try {
                wal.checkpoint(snapshot());
                wal.close();
            } finally { lock.writeLock().unlock(); }
        }
    }

    // =================================================================== tables

    private ObjectNode createTable(JsonNode req) {
        String name = tableName(req);
        ObjectNode def = Codec.F.objectNode();
        def.put("TableName", name);
        JsonNode ks = req.get("KeySchema"), ad = req.get("AttributeDefinitions");
        if (ks == null || !ks.isArray() || ks.size() == 0)
            throw new DynamoException.Validation("1 validation error detected: Value null at 'keySchema' failed to satisfy constraint: Member must not be null");
        if (ad == null || !ad.isArray() || ad.size() == 0)
            throw new DynamoException.Validation("1 validation error detected: Value null at 'attributeDefinitions' failed to satisfy constraint: Member must not be null");
        Map<String, String> types = new LinkedHashMap<>();
        for (JsonNode a : ad) {
            String t = text(a, "AttributeType");
            if (!"S".equals(t) && !"N".equals(t) && !"B".equals(t))
                throw new DynamoException.Validation("1 validation error detected: Value '" + t
                        + "' at 'attributeDefinitions.1.member.attributeType' failed to satisfy constraint: Member must satisfy enum value set: [B, N, S]");
            if (types.put(text(a, "AttributeName"), t) != null)
                throw new DynamoException.Validation("Cannot have two attributes with the same name");
        }
        Set<String> used = new HashSet<>();
        checkKeySchema(ks, types, used, null);
        String billing = text(req, "BillingMode") == null ? "PROVISIONED" : text(req, "BillingMode");
        if (!billing.equals("PROVISIONED") && !billing.equals("PAY_PER_REQUEST"))
            throw new DynamoException.Validation("1 validation error detected: Value '" + billing + "' at 'billingMode' failed to satisfy constraint: Member must satisfy enum value set: [PROVISIONED, PAY_PER_REQUEST]");
        if (billing.equals("PROVISIONED") && req.get("ProvisionedThroughput") == null)
            throw new DynamoException.Validation("One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
        if (billing.equals("PAY_PER_REQUEST") && req.get("ProvisionedThroughput") != null)
            throw new DynamoException.Validation("One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
        String hash = null;
        for (JsonNode k : ks) if ("HASH".equals(text(k, "KeyType"))) hash = text(k, "AttributeName");
        Set<String> indexNames = new HashSet<>();
        ArrayNode lsis = null, gsis = null;
        if (req.has("LocalSecondaryIndexes")) {
            if (req.get("LocalSecondaryIndexes").size() > 5)
                throw new DynamoException.Validation("One or more parameter values were invalid: Number of LocalSecondaryIndexes exceeds per-table limit of 5");
            if (ks.size() != 2) throw new DynamoException.Validation("One or more parameter values were invalid: Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex");
            lsis = Codec.F.arrayNode();
            for (JsonNode l : req.get("LocalSecondaryIndexes")) lsis.add(indexDef(l, types, used, indexNames, hash, billing, false));
        }
        if (req.has("GlobalSecondaryIndexes")) {
            if (req.get("GlobalSecondaryIndexes").size() > 20)
                throw new DynamoException.Validation("One or more parameter values were invalid: GlobalSecondaryIndex count exceeds the per-table limit of 20");
            gsis = Codec.F.arrayNode();
            for (JsonNode g : req.get("GlobalSecondaryIndexes")) gsis.add(indexDef(g, types, used, indexNames, null, billing, true));
        }
        if (!used.equals(types.keySet()))
            throw new DynamoException.Validation("One or more parameter values were invalid: Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions");
        def.set("KeySchema", ks);
        def.set("AttributeDefinitions", ad);
        def.put("BillingMode", billing);
        if (req.has("ProvisionedThroughput")) def.set("ProvisionedThroughput", req.get("ProvisionedThroughput"));
        if (lsis != null) def.set("LocalSecondaryIndexes", lsis);
        if (gsis != null) def.set("GlobalSecondaryIndexes", gsis);
        JsonNode ss = req.get("StreamSpecification");
        if (ss != null && ss.path("StreamEnabled").asBoolean(false)) {
            String v = text(ss, "StreamViewType");
            if (!"NEW_IMAGE".equals(v) && !"OLD_IMAGE".equals(v) && !"NEW_AND_OLD_IMAGES".equals(v) && !"KEYS_ONLY".equals(v))
                throw new DynamoException.Validation("One or more parameter values were invalid: StreamViewType is required when StreamEnabled is true");
            def.set("StreamSpecification", ss);
        }
        def.put("CreationDateTime", System.currentTimeMillis());
        long pos;
        ObjectNode out = Codec.F.objectNode();
        lock.writeLock().lock();
        try {
            if (tables.containsKey(name)) throw DynamoException.inUse("Table already exists: " + name);
            Table t = newTable(def);
            tables.put(name, t);
            pos = logMeta((ObjectNode) Codec.F.objectNode().set("ct", def));
            out.set("TableDescription", describe(t, "ACTIVE"));
        } finally { lock.writeLock().unlock(); }
        durable(pos);
        return out;
    }

    private static void checkKeySchema(JsonNode ks, Map<String, String> types, Set<String> used, String index) {
        if (ks.size() > 2) throw new DynamoException.Validation("1 validation error detected: Value '" + ks + "' at 'keySchema' failed to satisfy constraint: Member must have length less than or equal to 2");
        if (!"HASH".equals(text(ks.get(0), "KeyType")) || (ks.size() == 2 && !"RANGE".equals(text(ks.get(1), "KeyType"))))
            throw new DynamoException.Validation(ks.size() == 2 && "HASH".equals(text(ks.get(1), "KeyType")) && "HASH".equals(text(ks.get(0), "KeyType"))
                    ? "Invalid KeySchema: Too many hash keys" : "Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
        if (ks.size() == 2 && text(ks.get(0), "AttributeName").equals(text(ks.get(1), "AttributeName")))
            throw new DynamoException.Validation("Both the Hash Key and the Range Key element in the KeySchema have the same name");
        for (JsonNode k : ks) {
            String n = text(k, "AttributeName");
            if (!types.containsKey(n))
                throw new DynamoException.Validation("One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions. Keys: ["
                        + n + "], AttributeDefinitions: " + types.keySet().toString().replace(" ", ""));
            used.add(n);
        }
    }

    private static ObjectNode indexDef(JsonNode g, Map<String, String> types, Set<String> used, Set<String> names, String lsiHash, String billing, boolean global) {
        String n = text(g, "IndexName");
        if (n == null || n.length() < 3 || n.length() > 255 || !n.matches("[a-zA-Z0-9_.-]+"))
            throw new DynamoException.Validation("1 validation error detected: Value '" + n + "' at 'indexName' failed to satisfy constraint: Member must have length greater than or equal to 3");
        if (!names.add(n)) throw new DynamoException.Validation("One or more parameter values were invalid: Duplicate index name: " + n);
        JsonNode ks = g.get("KeySchema");
        if (ks == null || ks.size() == 0) throw new DynamoException.Validation("1 validation error detected: Value null at 'keySchema' failed to satisfy constraint: Member must not be null");
        checkKeySchema(ks, types, used, n);
        if (lsiHash != null && !lsiHash.equals(text(ks.get(0), "AttributeName")))
            throw new DynamoException.Validation("One or more parameter values were invalid: Index KeySchema does not have the same leading hash key as table KeySchema for index: "
                    + n + ". index hash key: " + text(ks.get(0), "AttributeName") + ", table hash key: " + lsiHash);
        JsonNode proj = g.get("Projection");
        if (proj == null) throw new DynamoException.Validation("1 validation error detected: Value null at 'projection' failed to satisfy constraint: Member must not be null");
        String pt = text(proj, "ProjectionType");
        if (pt == null || !(pt.equals("ALL") || pt.equals("KEYS_ONLY") || pt.equals("INCLUDE")))
            throw new DynamoException.Validation("One or more parameter values were invalid: Unknown ProjectionType: " + pt);
        if (pt.equals("INCLUDE") && (proj.get("NonKeyAttributes") == null || proj.get("NonKeyAttributes").size() == 0))
            throw new DynamoException.Validation("One or more parameter values were invalid: ProjectionType is INCLUDE, but NonKeyAttributes is not specified");
        if (!pt.equals("INCLUDE") && proj.get("NonKeyAttributes") != null)
            throw new DynamoException.Validation("One or more parameter values were invalid: ProjectionType is " + pt + ", but NonKeyAttributes is specified");
        if (global && billing.equals("PROVISIONED") && g.get("ProvisionedThroughput") == null)
            throw new DynamoException.Validation("One or more parameter values were invalid: ProvisionedThroughput must be specified for index: " + n);
        ObjectNode o = Codec.F.objectNode();
        o.put("IndexName", n);
        o.set("KeySchema", ks);
        o.set("Projection", proj);
        if (g.has("ProvisionedThroughput")) o.set("ProvisionedThroughput", g.get("ProvisionedThroughput"));
        return o;
    }

    private ObjectNode describe(Table t, String status) {
        ObjectNode d = Codec.F.objectNode();
        ObjectNode def = t.def;
        String arn = "arn:aws:dynamodb:" + region + ":" + account + ":table/" + t.name;
        d.set("AttributeDefinitions", def.get("AttributeDefinitions"));
        d.put("TableName", t.name);
        d.set("KeySchema", def.get("KeySchema"));
        d.put("TableStatus", status);
        d.put("CreationDateTime", def.path("CreationDateTime").asLong() / 1000.0);
        ObjectNode pt = d.putObject("ProvisionedThroughput");
        JsonNode p = def.get("ProvisionedThroughput");
        pt.put("NumberOfDecreasesToday", 0);
        pt.put("ReadCapacityUnits", p == null ? 0 : p.path("ReadCapacityUnits").asLong());
        pt.put("WriteCapacityUnits", p == null ? 0 : p.path("WriteCapacityUnits").asLong());
        d.put("TableSizeBytes", t.sizeBytes);
        d.put("ItemCount", t.itemCount());
        d.put("TableArn", arn);
        d.put("TableId", java.util.UUID.nameUUIDFromBytes(arn.getBytes()).toString());
        if ("PAY_PER_REQUEST".equals(text(def, "BillingMode")))
            d.putObject("BillingModeSummary").put("BillingMode", "PAY_PER_REQUEST").put("LastUpdateToPayPerRequestDateTime", def.path("CreationDateTime").asLong() / 1000.0);
        for (String kind : new String[]{"LocalSecondaryIndexes", "GlobalSecondaryIndexes"}) {
            JsonNode arr = def.get(kind);
            if (arr == null || arr.size() == 0) continue;
            ArrayNode out = d.putArray(kind);
            for (JsonNode g : arr) {
                ObjectNode o = out.addObject();
                String n = text(g, "IndexName");
                Table.Idx idx = t.indexes.get(n);
                o.put("IndexName", n);
                o.set("KeySchema", g.get("KeySchema"));
                o.set("Projection", g.get("Projection"));
                if (kind.startsWith("Global")) {
                    o.put("IndexStatus", "ACTIVE");
                    ObjectNode ipt = o.putObject("ProvisionedThroughput");
                    JsonNode ip = g.get("ProvisionedThroughput");
                    ipt.put("NumberOfDecreasesToday", 0);
                    ipt.put("ReadCapacityUnits", ip == null ? 0 : ip.path("ReadCapacityUnits").asLong());
                    ipt.put("WriteCapacityUnits", ip == null ? 0 : ip.path("WriteCapacityUnits").asLong());
                }
                o.put("IndexSizeBytes", idx == null ? 0 : idx.bytes);
                o.put("ItemCount", idx == null ? 0 : idx.count);
                o.put("IndexArn", arn + "/index/" + n);
            }
        }
        JsonNode ss = def.get("StreamSpecification");
        if (ss != null && t.stream != null && t.stream.enabled) {
            d.set("StreamSpecification", ss);
            d.put("LatestStreamLabel", t.stream.label);
            d.put("LatestStreamArn", t.stream.arn);
        }
        return d;
    }

    private ObjectNode describeTable(JsonNode req) {
        String name = tableName(req);
        lock.readLock().lock();
        try {
            Table t = tables.get(name);
            if (t == null) throw DynamoException.notFound("Requested resource not found: Table: " + name + " not found");
            ObjectNode out = Codec.F.objectNode();
            out.set("Table", describe(t, "ACTIVE"));
            return out;
        } finally { lock.readLock().unlock(); }
    }

    private ObjectNode listTables(JsonNode req) {
        int limit = req.has("Limit") ? req.get("Limit").asInt() : 100;
        if (limit < 1 || limit > 100)
            throw new DynamoException.Validation("1 validation error detected: Value '" + limit + "' at 'limit' failed to satisfy constraint: Member must have value "
                    + (limit < 1 ? "greater than or equal to 1" : "less than or equal to 100"));
        String start = text(req, "ExclusiveStartTableName");
        ObjectNode out = Codec.F.objectNode();
        ArrayNode names = out.putArray("TableNames");
        lock.readLock().lock();
        try {
            NavigableMap<String, Table> m = start == null ? tables : tables.tailMap(start, false);
            String last = null;
            for (String n : m.keySet()) {
                if (names.size() == limit) { out.put("LastEvaluatedTableName", last); break; }
                names.add(n);
                last = n;
            }
        } finally { lock.readLock().unlock(); }
        return out;
    }

    private ObjectNode deleteTable(JsonNode req) {
        String name = tableName(req);
        ObjectNode out = Codec.F.objectNode();
        long pos;
        lock.writeLock().lock();
        try {
            Table t = tables.get(name);
            if (t == null) throw DynamoException.notFound("Requested resource not found: Table: " + name + " not found");
            out.set("TableDescription", describe(t, "DELETING"));
            tables.remove(name);
            pos = logMeta((ObjectNode) Codec.F.objectNode().put("dt", name));
        } finally { lock.writeLock().unlock(); }
        durable(pos);
        return out;
    }

    private ObjectNode updateTable(JsonNode req) {
        String name = tableName(req);
        ObjectNode out = Codec.F.objectNode();
        long pos;
        lock.writeLock().lock();
        try {
            Table t = table(name);
            ObjectNode def = t.def.deepCopy();
            boolean changed = false;
            Map<String, String> types = new LinkedHashMap<>();
            for (JsonNode a : def.withArray("AttributeDefinitions")) types.put(text(a, "AttributeName"), text(a, "AttributeType"));
            if (req.has("AttributeDefinitions"))
                for (JsonNode a : req.get("AttributeDefinitions")) {
                    String prev = types.get(text(a, "AttributeName"));
                    if (prev != null && !prev.equals(text(a, "AttributeType")))
                        throw new DynamoException.Validation("One or more parameter values were invalid: Attribute " + text(a, "AttributeName") + " is already defined with a different type");
                    types.put(text(a, "AttributeName"), text(a, "AttributeType"));
                }
            String billing = text(req, "BillingMode");
            if (billing != null) { def.put("BillingMode", billing); changed = true; if (billing.equals("PAY_PER_REQUEST")) def.remove("ProvisionedThroughput"); }
            if (req.has("ProvisionedThroughput")) { def.set("ProvisionedThroughput", req.get("ProvisionedThroughput")); changed = true; }
            JsonNode upd = req.get("GlobalSecondaryIndexUpdates");
            if (upd != null && upd.size() > 0) {
                int createsDeletes = 0;
                for (JsonNode u : upd) if (u.has("Create") || u.has("Delete")) createsDeletes++;
                if (createsDeletes > 1)
                    throw new DynamoException("LimitExceededException", 400, "Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table");
                ArrayNode gsis = def.has("GlobalSecondaryIndexes") ? (ArrayNode) def.get("GlobalSecondaryIndexes") : def.putArray("GlobalSecondaryIndexes");
                for (JsonNode u : upd) {
                    if (u.has("Create")) {
                        Set<String> names = new HashSet<>();
                        for (JsonNode g : gsis) names.add(text(g, "IndexName"));
                        if (def.has("LocalSecondaryIndexes")) for (JsonNode g : def.get("LocalSecondaryIndexes")) names.add(text(g, "IndexName"));
                        String n = text(u.get("Create"), "IndexName");
                        if (names.contains(n)) throw new DynamoException.Validation("One or more parameter values were invalid: Index already exists: " + n);
                        if (gsis.size() >= 20) throw new DynamoException("LimitExceededException", 400, "GlobalSecondaryIndex count exceeds the per-table limit of 20");
                        gsis.add(indexDef(u.get("Create"), types, new HashSet<>(), names, null, text(def, "BillingMode"), true));
                    } else if (u.has("Delete")) {
                        String n = text(u.get("Delete"), "IndexName");
                        boolean found = false;
                        for (int i = 0; i < gsis.size(); i++) if (n.equals(text(gsis.get(i), "IndexName"))) { gsis.remove(i); found = true; break; }
                        if (!found) throw DynamoException.notFound("Requested resource not found: Requested index " + n + " not found");
                    } else if (u.has("Update")) {
                        String n = text(u.get("Update"), "IndexName");
                        boolean found = false;
                        for (JsonNode g : gsis) if (n.equals(text(g, "IndexName"))) {
                            found = true;
                            if (u.get("Update").has("ProvisionedThroughput")) ((ObjectNode) g).set("ProvisionedThroughput", u.get("Update").get("ProvisionedThroughput"));
                        }
                        if (!found) throw DynamoException.notFound("Requested resource not found: Requested index " + n + " not found");
                    }
                }
                if (gsis.size() == 0) def.remove("GlobalSecondaryIndexes");
                changed = true;
            }
            // keep only attribute definitions that some key uses
            Set<String> used = new HashSet<>();
            for (JsonNode k : def.get("KeySchema")) used.add(text(k, "AttributeName"));
            for (String kind : new String[]{"LocalSecondaryIndexes", "GlobalSecondaryIndexes"})
                if (def.has(kind)) for (JsonNode g : def.get(kind)) for (JsonNode k : g.get("KeySchema")) used.add(text(k, "AttributeName"));
            ArrayNode ad = Codec.F.arrayNode();
            for (Map.Entry<String, String> e : types.entrySet())
                if (used.contains(e.getKey())) ad.addObject().put("AttributeName", e.getKey()).put("AttributeType", e.getValue());
            def.set("AttributeDefinitions", ad);
            JsonNode ss = req.get("StreamSpecification");
            if (ss != null) {
                boolean on = ss.path("StreamEnabled").asBoolean(false);
                if (on && t.stream.enabled) throw new DynamoException.Validation("Table already has an enabled stream: " + t.stream.arn);
                if (on) { def.set("StreamSpecification", ss); t.stream.viewType = text(ss, "StreamViewType"); t.stream.enabled = true; }
                else { def.remove("StreamSpecification"); t.stream.enabled = false; }
                changed = true;
            }
            if (!changed) throw new DynamoException.Validation("At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, GlobalSecondaryIndexUpdates or SSESpecification or ReplicaUpdates is required");
            t.def = def;
            t.rebuildIndexDefs(); // a new GSI is backfilled here; items whose key types do not match are not indexed
            pos = logMeta((ObjectNode) Codec.F.objectNode().set("ut", def));
            out.set("TableDescription", describe(t, "ACTIVE"));
        } finally { lock.writeLock().unlock(); }
        durable(pos);
        return out;
    }

    private ObjectNode updateTtl(JsonNode req) {
        String name = tableName(req);
        JsonNode spec = req.get("TimeToLiveSpecification");
        if (spec == null || !spec.has("AttributeName") || !spec.has("Enabled"))
            throw new DynamoException.Validation("1 validation error detected: Value null at 'timeToLiveSpecification' failed to satisfy constraint: Member must not be null");
        boolean on = spec.get("Enabled").asBoolean();
        String attr = text(spec, "AttributeName");
        long pos;
        lock.writeLock().lock();
        try {
            Table t = table(name);
            if (on && t.ttlEnabled) throw new DynamoException.Validation("TimeToLive is already enabled");
            if (!on && !t.ttlEnabled) throw new DynamoException.Validation("TimeToLive is already disabled");
            if (!on && !attr.equals(t.ttlAttribute))
                throw new DynamoException.Validation("The specified attribute name does not match the TTL attribute name");
            t.setTtl(attr, on);
            ObjectNode rec = Codec.F.objectNode();
            rec.putObject("ttl").put("t", name).put("on", on).put("a", attr);
            pos = logMeta(rec);
        } finally { lock.writeLock().unlock(); }
        durable(pos);
        ObjectNode out = Codec.F.objectNode();
        out.set("TimeToLiveSpecification", spec);
        return out;
    }

    private ObjectNode describeTtl(JsonNode req) {
        String name = tableName(req);
        lock.readLock().lock();
        try {
            Table t = table(name);
            ObjectNode out = Codec.F.objectNode();
            ObjectNode d = out.putObject("TimeToLiveDescription");
            d.put("TimeToLiveStatus", t.ttlEnabled ? "ENABLED" : "DISABLED");
            if (t.ttlEnabled) d.put("AttributeName", t.ttlAttribute);
            return out;
        } finally { lock.readLock().unlock(); }
    }

    /** Deletes items whose TTL has passed (not those more than five years in the past, as AWS documents). */
    int sweepTtl() {
        long now = clock.millis() / 1000;
        BigDecimal nowSeconds = BigDecimal.valueOf(now), fiveYearsAgo = BigDecimal.valueOf(now - 5L * 366 * 24 * 3600);
        long pos = 0;
        int n = 0;
        lock.readLock().lock();
        List<Change> expired = new ArrayList<>();
        try {
            for (Table t : tables.values()) {
                if (!t.ttlEnabled || t.ttlAttribute == null) continue;
                for (Map<String, Av> key : t.expiringBetween(fiveYearsAgo, nowSeconds)) {
                    Map<String, Av> item = t.get(key);
                    if (item != null) expired.add(new Change(t, key, item, null));
                }
            }
        } finally { lock.readLock().unlock(); }
        if (expired.isEmpty()) return 0;
        lock.writeLock().lock();
        try {
            List<Change> still = new ArrayList<>();
            for (Change c : expired) {
                if (tables.get(c.table().name) != c.table()) continue;
                Map<String, Av> cur = c.table().get(c.key());
                if (cur == c.oldItem()) still.add(c); // unchanged since the scan
            }
            if (!still.isEmpty()) pos = commit(still, true);
            n = still.size();
        } finally { lock.writeLock().unlock(); }
        durable(pos);
        return n;
    }

    // =================================================================== items

    private ObjectNode putItem(JsonNode req) {
        String name = tableName(req);
        String rv = returnValues(req, "NONE", "ALL_OLD");
        boolean failItem = allOldOnFailure(req);
        JsonNode itemNode = req.get("Item");
        if (itemNode == null || itemNode.isNull())
            throw new DynamoException.Validation("1 validation error detected: Value null at 'item' failed to satisfy constraint: Member must not be null");
        Map<String, Av> item = Codec.item(itemNode);
        Expr.Ctx c = ctx(req);
        noExpressionsCheck(req, c, "ConditionExpression");
        Expr.Cond cond = text(req, "ConditionExpression") == null ? null : Expr.parseCondition(text(req, "ConditionExpression"), "ConditionExpression", c);
        c.checkAllUsed();
        Map<String, Av> old;
        long pos;
        lock.writeLock().lock();
        try {
            Table t = table(name);
            checkItem(t, item, false);
            Map<String, Av> key = t.keyOf(item);
            old = t.get(key);
            if (cond != null && !Expr.test(cond, old)) throw conditionFailed(old, failItem);
            pos = commit(List.of(new Change(t, key, old, item)), false);
        } finally { lock.writeLock().unlock(); }
        durable(pos);
        ObjectNode out = Codec.F.objectNode();
        if (rv.equals("ALL_OLD") && old != null) out.set("Attributes", Codec.toJson(old));
        consumed(out, req, name, writeUnits(old, item));
        return out;
    }

    private List<Expr.Path> projection(JsonNode req, Expr.Ctx c) {
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

    private ObjectNode getItem(JsonNode req) {
        String name = tableName(req);
        Expr.Ctx c = ctx(req);
        noExpressionsCheck(req, c, "ProjectionExpression");
        List<Expr.Path> proj = projection(req, c);
        c.checkAllUsed();
        Map<String, Av> item;
        lock.readLock().lock();
        try {
            Table t = table(name);
            item = t.get(key(t, req.get("Key")));
        } finally { lock.readLock().unlock(); }
        ObjectNode out = Codec.F.objectNode();
        if (item != null) out.set("Item", Codec.toJson(proj == null ? item : Expr.project(item, proj)));
        consumed(out, req, name, readUnits(item == null ? 0 : Av.itemSize(item), req.path("ConsistentRead").asBoolean(false)));
        return out;
    }

    private ObjectNode updateItem(JsonNode req) {
        String name = tableName(req);
        String rv = returnValues(req, "NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW");
        boolean failItem = allOldOnFailure(req);
        Expr.Ctx c = ctx(req);
        noExpressionsCheck(req, c, "ConditionExpression", "UpdateExpression");
        if (req.has("AttributeUpdates") && text(req, "UpdateExpression") != null)
            throw new DynamoException.Validation("Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {AttributeUpdates} Expression parameters: {UpdateExpression}");
        Expr.Update upd = text(req, "UpdateExpression") == null ? null : Expr.parseUpdate(text(req, "UpdateExpression"), c);
        Expr.Cond cond = text(req, "ConditionExpression") == null ? null : Expr.parseCondition(text(req, "ConditionExpression"), "ConditionExpression", c);
        c.checkAllUsed();
        Map<String, Av> old, item;
        long pos;
        lock.writeLock().lock();
        try {
            Table t = table(name);
            Map<String, Av> key = key(t, req.get("Key"));
            old = t.get(key);
            if (cond != null && !Expr.test(cond, old)) throw conditionFailed(old, failItem);
            item = upd == null ? (old == null ? new LinkedHashMap<>(key) : old) : Expr.applyUpdate(upd, old, key);
            checkItem(t, item, true);
            pos = item == old ? 0 : commit(List.of(new Change(t, key, old, item)), false); // nothing to update: no log record, no stream record
        } finally { lock.writeLock().unlock(); }
        durable(pos);
        ObjectNode out = Codec.F.objectNode();
        Map<String, Av> attrs = null;
        switch (rv) {
            case "ALL_OLD": attrs = old; break;
            case "ALL_NEW": attrs = item; break;
            case "UPDATED_OLD": attrs = old == null || upd == null ? null : updated(upd, old); break;
            case "UPDATED_NEW": attrs = upd == null ? null : updated(upd, item); break;
            default:
        }
        if (attrs != null && !attrs.isEmpty()) out.set("Attributes", Codec.toJson(attrs));
        consumed(out, req, name, writeUnits(old, item));
        return out;
    }

    private static Map<String, Av> updated(Expr.Update u, Map<String, Av> item) {
        return Expr.project(item, u.allPaths());
    }

    private ObjectNode deleteItem(JsonNode req) {
        String name = tableName(req);
        String rv = returnValues(req, "NONE", "ALL_OLD");
        boolean failItem = allOldOnFailure(req);
        Expr.Ctx c = ctx(req);
        noExpressionsCheck(req, c, "ConditionExpression");
        Expr.Cond cond = text(req, "ConditionExpression") == null ? null : Expr.parseCondition(text(req, "ConditionExpression"), "ConditionExpression", c);
        c.checkAllUsed();
        Map<String, Av> old;
        long pos = 0;
        lock.writeLock().lock();
        try {
            Table t = table(name);
            Map<String, Av> key = key(t, req.get("Key"));
            old = t.get(key);
            if (cond != null && !Expr.test(cond, old)) throw conditionFailed(old, failItem);
            if (old != null) pos = commit(List.of(new Change(t, key, old, null)), false);
        } finally { lock.writeLock().unlock(); }
        durable(pos);
        ObjectNode out = Codec.F.objectNode();
        if (rv.equals("ALL_OLD") && old != null) out.set("Attributes", Codec.toJson(old));
        consumed(out, req, name, writeUnits(old, null));
        return out;
    }

    // =================================================================== query & scan

    private record KeyCond(Av hash, String rangeOp, Av r1, Av r2) {}

    private static KeyCond keyCondition(Expr.Cond cond, Table.Idx idx) {
        List<Expr.Cond> terms = new ArrayList<>();
        flattenAnd(cond, terms);
        if (terms.size() > 2) throw new DynamoException.Validation("Conditions can be of length 1 or 2 only");
        Av hash = null;
        String op = null;
        Av r1 = null, r2 = null;
        for (Expr.Cond t : terms) {
            String attr;
            String o;
            Av a, b = null;
            if (t instanceof Expr.Compare) {
                Expr.Compare k = (Expr.Compare) t;
                o = k.op();
                if (o.equals("<>")) throw new DynamoException.Validation("Invalid KeyConditionExpression: Unsupported operator in KeyConditionExpression: <>");
                Expr.Operand x = k.a(), y = k.b();
                if (x instanceof Expr.ValOp && y instanceof Expr.PathOp) {
                    Expr.Operand s = x; x = y; y = s;
                    o = o.equals("<") ? ">" : o.equals(">") ? "<" : o.equals("<=") ? ">=" : o.equals(">=") ? "<=" : o;
                }
                if (!(x instanceof Expr.PathOp) || !(y instanceof Expr.ValOp))
                    throw new DynamoException.Validation("Invalid KeyConditionExpression: KeyConditionExpressions must only contain one condition per key");
                attr = keyAttr(((Expr.PathOp) x).path());
                a = ((Expr.ValOp) y).value();
            } else if (t instanceof Expr.Between) {
                Expr.Between k = (Expr.Between) t;
                if (!(k.a() instanceof Expr.PathOp) || !(k.lo() instanceof Expr.ValOp) || !(k.hi() instanceof Expr.ValOp))
                    throw new DynamoException.Validation("Invalid KeyConditionExpression: KeyConditionExpressions must only contain one condition per key");
                o = "BETWEEN";
                attr = keyAttr(((Expr.PathOp) k.a()).path());
                a = ((Expr.ValOp) k.lo()).value();
                b = ((Expr.ValOp) k.hi()).value();
            } else if (t instanceof Expr.Fn && ((Expr.Fn) t).name().equals("begins_with")) {
                Expr.Fn f = (Expr.Fn) t;
                if (!(f.args().get(0) instanceof Expr.PathOp) || !(f.args().get(1) instanceof Expr.ValOp))
                    throw new DynamoException.Validation("Invalid KeyConditionExpression: KeyConditionExpressions must only contain one condition per key");
                o = "begins_with";
                attr = keyAttr(((Expr.PathOp) f.args().get(0)).path());
                a = ((Expr.ValOp) f.args().get(1)).value();
            } else if (t instanceof Expr.Fn) {
                throw new DynamoException.Validation("Invalid KeyConditionExpression: Invalid operator used in KeyConditionExpression: " + ((Expr.Fn) t).name());
            } else if (t instanceof Expr.Or) {
                throw new DynamoException.Validation("Invalid KeyConditionExpression: Invalid operator used in KeyConditionExpression: OR");
            } else if (t instanceof Expr.Not) {
                throw new DynamoException.Validation("Invalid KeyConditionExpression: Invalid operator used in KeyConditionExpression: NOT");
            } else {
                throw new DynamoException.Validation("Invalid KeyConditionExpression: Invalid operator used in KeyConditionExpression: IN");
            }
            if (attr.equals(idx.hashName)) {
                if (!o.equals("=")) throw new DynamoException.Validation("Query key condition not supported");
                if (hash != null) throw new DynamoException.Validation("KeyConditionExpressions must only contain one condition per key");
                if (a.type != idx.hashType)
                    throw new DynamoException.Validation("One or more parameter values were invalid: Condition parameter type does not match schema type");
                hash = a;
            } else if (attr.equals(idx.rangeName)) {
                if (op != null) throw new DynamoException.Validation("KeyConditionExpressions must only contain one condition per key");
                if (a.type != idx.rangeType || (b != null && b.type != idx.rangeType))
                    throw new DynamoException.Validation("One or more parameter values were invalid: Condition parameter type does not match schema type");
                if (o.equals("begins_with") && idx.rangeType == Av.Type.N)
                    throw new DynamoException.Validation("Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N");
                op = o;
                r1 = a;
                r2 = b;
            } else {
                throw new DynamoException.Validation("Query condition missed key schema element: " + (hash == null ? idx.hashName : idx.rangeName));
            }
        }
        if (hash == null) throw new DynamoException.Validation("Query condition missed key schema element: " + idx.hashName);
        return new KeyCond(hash, op, r1, r2);
    }

    private static String keyAttr(Expr.Path p) {
        if (p.parts.length != 1) throw new DynamoException.Validation("Invalid KeyConditionExpression: Key condition expression cannot contain nested attributes");
        return p.top();
    }

    private static void flattenAnd(Expr.Cond c, List<Expr.Cond> out) {
        if (c instanceof Expr.And) { flattenAnd(((Expr.And) c).a(), out); flattenAnd(((Expr.And) c).b(), out); }
        else out.add(c);
    }

    private static boolean rangeMatches(KeyCond kc, Av r) {
        if (kc.rangeOp() == null) return true;
        int c = r.compareTo(kc.r1());
        switch (kc.rangeOp()) {
            case "=": return c == 0;
            case "<": return c < 0;
            case "<=": return c <= 0;
            case ">": return c > 0;
            case ">=": return c >= 0;
            case "BETWEEN": return c >= 0 && r.compareTo(kc.r2()) <= 0;
            case "begins_with":
                return r.type == Av.Type.S ? r.str().startsWith(kc.r1().str()) : r.bin().startsWith(kc.r1().bin());
            default: return false;
        }
    }

    private static NavigableMap<Table.Ck, Map<String, Av>> rangeView(TreeMap<Table.Ck, Map<String, Av>> part, KeyCond kc, boolean hasRange) {
        if (!hasRange || kc.rangeOp() == null) return part;
        Table.Ck lo = new Table.Ck(kc.r1()), loTop = new Table.Ck(kc.r1(), Table.Ck.TOP);
        switch (kc.rangeOp()) {
            case "=": return part.subMap(lo, true, loTop, false);
            case "<": return part.headMap(lo, false);
            case "<=": return part.headMap(loTop, false);
            case ">": return part.tailMap(loTop, false);
            case ">=": case "begins_with": return part.tailMap(lo, true);
            case "BETWEEN": return part.subMap(lo, true, new Table.Ck(kc.r2(), Table.Ck.TOP), false);
            default: return part;
        }
    }

    private ObjectNode query(JsonNode req) {
        String name = tableName(req);
        Expr.Ctx c = ctx(req);
        if (text(req, "KeyConditionExpression") == null) {
            if (req.has("KeyConditions")) throw new DynamoException.Validation("KeyConditions is not supported by this stand-in; use KeyConditionExpression");
            throw new DynamoException.Validation("Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
        }
        Expr.Cond kcond = Expr.parseCondition(text(req, "KeyConditionExpression"), "KeyConditionExpression", c);
        Expr.Cond filter = text(req, "FilterExpression") == null ? null : Expr.parseCondition(text(req, "FilterExpression"), "FilterExpression", c);
        List<Expr.Path> proj = projection(req, c);
        c.checkAllUsed();
        boolean forward = req.path("ScanIndexForward").asBoolean(true);
        lock.readLock().lock();
        try {
            Table t = table(name);
            Table.Idx idx = index(t, req);
            KeyCond kc = keyCondition(kcond, idx);
            if (filter != null) checkFilterKeys(filter, idx, t);
            String select = select(req, idx, proj);
            int limit = limit(req);
            Map<String, Av> esk = startKey(t, idx, req.get("ExclusiveStartKey"));
            TreeMap<Table.Ck, Map<String, Av>> part = idx.partition(kc.hash());
            NavigableMap<Table.Ck, Map<String, Av>> view = part == null ? new TreeMap<>() : rangeView(part, kc, idx.rangeName != null);
            if (esk != null) {
                if (!esk.get(idx.hashName).equals(kc.hash()))
                    throw new DynamoException.Validation("The provided starting key is invalid: The provided key element does not match the schema");
                Table.Ck from = idx.ck(esk);
                view = forward ? view.tailMap(from, false) : view.headMap(from, false);
            }
            if (!forward) view = view.descendingMap();
            Iterable<Map<String, Av>> items = view.values();
            boolean beginsWith = "begins_with".equals(kc.rangeOp());
            return page(items, it -> !beginsWith || rangeMatches(kc, it.get(idx.rangeName)), beginsWith && forward,
                    filter, proj, select, limit, idx, req, name);
        } finally { lock.readLock().unlock(); }
    }

    private static void checkFilterKeys(Expr.Cond f, Table.Idx idx, Table t) {
        Set<String> keys = new HashSet<>();
        keys.add(idx.hashName);
        if (idx.rangeName != null) keys.add(idx.rangeName);
        List<String> paths = new ArrayList<>();
        collectTops(f, paths);
        for (String p : paths) if (keys.contains(p))
            throw new DynamoException.Validation("Filter Expression can only contain non-primary key attributes: Primary key attribute: " + p);
    }

    private static void collectTops(Object o, List<String> out) {
        if (o instanceof Expr.PathOp) out.add(((Expr.PathOp) o).path().top());
        else if (o instanceof Expr.SizeOp) out.add(((Expr.SizeOp) o).path().top());
        else if (o instanceof Expr.Compare) { collectTops(((Expr.Compare) o).a(), out); collectTops(((Expr.Compare) o).b(), out); }
        else if (o instanceof Expr.Between) { Expr.Between b = (Expr.Between) o; collectTops(b.a(), out); collectTops(b.lo(), out); collectTops(b.hi(), out); }
        else if (o instanceof Expr.In) { collectTops(((Expr.In) o).a(), out); for (Expr.Operand x : ((Expr.In) o).list()) collectTops(x, out); }
        else if (o instanceof Expr.And) { collectTops(((Expr.And) o).a(), out); collectTops(((Expr.And) o).b(), out); }
        else if (o instanceof Expr.Or) { collectTops(((Expr.Or) o).a(), out); collectTops(((Expr.Or) o).b(), out); }
        else if (o instanceof Expr.Not) collectTops(((Expr.Not) o).a(), out);
        else if (o instanceof Expr.Fn) for (Expr.Operand x : ((Expr.Fn) o).args()) collectTops(x, out);
    }

    private Table.Idx index(Table t, JsonNode req) {
        String in = text(req, "IndexName");
        if (in == null) return t.primary;
        Table.Idx idx = t.indexes.get(in);
        if (idx == null)
            throw new DynamoException.Validation("The table does not have the specified index: " + in);
        if (idx.global && req.path("ConsistentRead").asBoolean(false))
            throw new DynamoException.Validation("Consistent reads are not supported on global secondary indexes");
        return idx;
    }

    private static String select(JsonNode req, Table.Idx idx, List<Expr.Path> proj) {
        String s = text(req, "Select");
        if (s == null) return proj != null ? "SPECIFIC_ATTRIBUTES" : idx.isPrimary() ? "ALL_ATTRIBUTES" : "ALL_PROJECTED_ATTRIBUTES";
        switch (s) {
            case "ALL_ATTRIBUTES":
                if (!idx.isPrimary() && !"ALL".equals(idx.projectionType) && idx.global)
                    throw new DynamoException.Validation("One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported for global secondary index "
                            + idx.name + " because its projection type is not ALL");
                // fall through
            case "ALL_PROJECTED_ATTRIBUTES":
                if (s.equals("ALL_PROJECTED_ATTRIBUTES") && idx.isPrimary())
                    throw new DynamoException.Validation("One or more parameter values were invalid: Select type ALL_PROJECTED_ATTRIBUTES is supported only for Query and Scan operations on indexes");
            case "COUNT":
                if (proj != null)
                    throw new DynamoException.Validation("One or more parameter values were invalid: Cannot specify the AttributesToGet when choosing to get " + s);
                return s;
            case "SPECIFIC_ATTRIBUTES":
                if (proj == null)
                    throw new DynamoException.Validation("One or more parameter values were invalid: Must specify the AttributesToGet when choosing to get SPECIFIC_ATTRIBUTES");
                return s;
            default:
                throw new DynamoException.Validation("1 validation error detected: Value '" + s
                        + "' at 'select' failed to satisfy constraint: Member must satisfy enum value set: [SPECIFIC_ATTRIBUTES, COUNT, ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES]");
        }
    }

    private static int limit(JsonNode req) {
        if (!req.has("Limit")) return Integer.MAX_VALUE;
        int l = req.get("Limit").asInt();
        if (l < 1) throw new DynamoException.Validation("1 validation error detected: Value '" + l + "' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1");
        return l;
    }

    private static Map<String, Av> startKey(Table t, Table.Idx idx, JsonNode n) {
        if (n == null || n.isNull()) return null;
        Map<String, Av> k = Codec.item(n);
        Set<String> want = new HashSet<>();
        want.add(t.primary.hashName);
        if (t.primary.rangeName != null) want.add(t.primary.rangeName);
        if (!idx.isPrimary()) { want.add(idx.hashName); if (idx.rangeName != null) want.add(idx.rangeName); }
        if (!k.keySet().equals(want))
            throw new DynamoException.Validation("The provided starting key is invalid: The provided key element does not match the schema");
        for (Map.Entry<String, Av> e : k.entrySet()) {
            Av.Type ty = t.attrTypes.get(e.getKey());
            if (ty != null && e.getValue().type != ty)
                throw new DynamoException.Validation("The provided starting key is invalid: The provided key element does not match the schema");
        }
        return k;
    }

    interface Pred { boolean test(Map<String, Av> item); }

    /** Reads items in order up to Limit and 1 MB, then filters and projects them. */
    private ObjectNode page(Iterable<Map<String, Av>> items, Pred keyPred, boolean stopOnKeyMiss, Expr.Cond filter, List<Expr.Path> proj,
                            String select, int limit, Table.Idx idx, JsonNode req, String tableName) {
        ObjectNode out = Codec.F.objectNode();
        ArrayNode arr = select.equals("COUNT") ? null : Codec.F.arrayNode();
        int scanned = 0, count = 0, bytes = 0;
        Map<String, Av> last = null;
        boolean more = false;
        for (Map<String, Av> raw : items) {
            if (!keyPred.test(raw)) {
                if (stopOnKeyMiss) break;
                continue;
            }
            if (scanned >= limit || bytes >= PAGE) { more = true; break; }
            Map<String, Av> item = idx.projectItem(raw);
            int size = Av.itemSize(item);
            scanned++;
            bytes += size;
            last = raw;
            if (filter != null && !Expr.test(filter, item)) continue;
            count++;
            if (arr != null) arr.add(Codec.toJson(proj != null ? Expr.project(item, proj) : item));
        }
        // AWS answers a LastEvaluatedKey whenever the page stopped at Limit, even if nothing follows
        if (last != null && scanned >= limit) more = true;
        if (arr != null) out.set("Items", arr);
        out.put("Count", count);
        out.put("ScannedCount", scanned);
        if (more && last != null) out.set("LastEvaluatedKey", Codec.toJson(idx.lastKey(last)));
        consumed(out, req, tableName, readUnits(bytes, req.path("ConsistentRead").asBoolean(false)));
        return out;
    }

    private ObjectNode scan(JsonNode req) {
        String name = tableName(req);
        Expr.Ctx c = ctx(req);
        noExpressionsCheck(req, c, "FilterExpression", "ProjectionExpression");
        Expr.Cond filter = text(req, "FilterExpression") == null ? null : Expr.parseCondition(text(req, "FilterExpression"), "FilterExpression", c);
        List<Expr.Path> proj = projection(req, c);
        c.checkAllUsed();
        Integer segment = req.has("Segment") ? req.get("Segment").asInt() : null;
        Integer total = req.has("TotalSegments") ? req.get("TotalSegments").asInt() : null;
        if ((segment == null) != (total == null))
            throw new DynamoException.Validation("The TotalSegments parameter is required but was not present in the request when Segment parameter is present");
        if (total != null) {
            if (total < 1 || total > 1000000)
                throw new DynamoException.Validation("1 validation error detected: Value '" + total + "' at 'totalSegments' failed to satisfy constraint: Member must have value less than or equal to 1000000");
            if (segment < 0 || segment >= total)
                throw new DynamoException.Validation("The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: " + segment
                        + " is not less than TotalSegments: " + total);
        }
        lock.readLock().lock();
        try {
            Table t = table(name);
            Table.Idx idx = index(t, req);
            String select = select(req, idx, proj);
            int limit = limit(req);
            Map<String, Av> esk = startKey(t, idx, req.get("ExclusiveStartKey"));
            NavigableMap<Av, TreeMap<Table.Ck, Map<String, Av>>> parts = idx.parts;
            Iterable<Map<String, Av>> items;
            if (esk != null) {
                Av h = esk.get(idx.hashName);
                Table.Ck ck = idx.ck(esk);
                TreeMap<Table.Ck, Map<String, Av>> first = parts.get(h);
                NavigableMap<Av, TreeMap<Table.Ck, Map<String, Av>>> rest = parts.tailMap(h, false);
                Iterable<Map<String, Av>> head = first == null ? List.of() : first.tailMap(ck, false).values();
                items = concat(head, flatten(rest));
            } else items = flatten(parts);
            final Integer seg = segment, tot = total;
            Pred inSegment = seg == null ? it -> true : it -> Math.floorMod(it.get(idx.hashName).hashCode(), tot) == seg;
            return page(items, inSegment, false, filter, proj, select, limit, idx, req, name);
        } finally { lock.readLock().unlock(); }
    }

    private static Iterable<Map<String, Av>> flatten(NavigableMap<Av, TreeMap<Table.Ck, Map<String, Av>>> parts) {
        return () -> new Iterator<>() {
            final Iterator<TreeMap<Table.Ck, Map<String, Av>>> outer = parts.values().iterator();
            Iterator<Map<String, Av>> inner = java.util.Collections.emptyIterator();
            public boolean hasNext() {
                while (!inner.hasNext() && outer.hasNext()) inner = outer.next().values().iterator();
                return inner.hasNext();
            }
            public Map<String, Av> next() { hasNext(); return inner.next(); }
        };
    }

    private static Iterable<Map<String, Av>> concat(Iterable<Map<String, Av>> a, Iterable<Map<String, Av>> b) {
        return () -> new Iterator<>() {
            final Iterator<Map<String, Av>> x = a.iterator(), y = b.iterator();
            public boolean hasNext() { return x.hasNext() || y.hasNext(); }
            public Map<String, Av> next() { return x.hasNext() ? x.next() : y.next(); }
        };
    }

    // =================================================================== batches

    private ObjectNode batchGet(JsonNode req) {
        JsonNode ri = req.get("RequestItems");
        if (ri == null || ri.size() == 0)
            throw new DynamoException.Validation("1 validation error detected: Value null at 'requestItems' failed to satisfy constraint: Member must have length greater than or equal to 1");
        int total = 0;
        for (JsonNode v : ri) total += v.path("Keys").size();
        if (total > 100) throw new DynamoException.Validation("Too many items requested for the BatchGetItem call");
        ObjectNode out = Codec.F.objectNode();
        ObjectNode responses = out.putObject("Responses");
        ObjectNode unprocessed = out.putObject("UnprocessedKeys");
        long bytes = 0;
        lock.readLock().lock();
        try {
            Iterator<Map.Entry<String, JsonNode>> it = ri.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String name = e.getKey();
                JsonNode tr = e.getValue();
                Table t = table(name);
                Expr.Ctx c = ctx(tr);
                noExpressionsCheck(tr, c, "ProjectionExpression");
                List<Expr.Path> proj = projection(tr, c);
                c.checkAllUsed();
                JsonNode keys = tr.get("Keys");
                if (keys == null || keys.size() == 0)
                    throw new DynamoException.Validation("1 validation error detected: Value null at 'requestItems." + name + ".member.keys' failed to satisfy constraint: Member must have length greater than or equal to 1");
                Set<Map<String, Av>> seen = new HashSet<>();
                ArrayNode arr = responses.putArray(name);
                for (JsonNode kn : keys) {
                    Map<String, Av> k = key(t, kn);
                    if (!seen.add(k)) throw new DynamoException.Validation("Provided list of item keys contains duplicates");
                }
                for (JsonNode kn : keys) {
                    Map<String, Av> k = key(t, kn);
                    if (bytes > 16L * 1024 * 1024) {
                        ObjectNode u = unprocessed.has(name) ? (ObjectNode) unprocessed.get(name) : unprocessedEntry(unprocessed, name, tr);
                        ((ArrayNode) u.get("Keys")).add(kn);
                        continue;
                    }
                    Map<String, Av> item = t.get(k);
                    if (item == null) continue;
                    bytes += Av.itemSize(item);
                    arr.add(Codec.toJson(proj == null ? item : Expr.project(item, proj)));
                }
            }
        } finally { lock.readLock().unlock(); }
        return out;
    }

    private static ObjectNode unprocessedEntry(ObjectNode unprocessed, String name, JsonNode tr) {
        ObjectNode u = unprocessed.putObject(name);
        u.putArray("Keys");
        for (String f : new String[]{"ProjectionExpression", "ExpressionAttributeNames", "ConsistentRead", "AttributesToGet"})
            if (tr.has(f)) u.set(f, tr.get(f));
        return u;
    }

    private ObjectNode batchWrite(JsonNode req) {
        JsonNode ri = req.get("RequestItems");
        if (ri == null || ri.size() == 0)
            throw new DynamoException.Validation("1 validation error detected: Value null at 'requestItems' failed to satisfy constraint: Member must have length greater than or equal to 1");
        int total = 0;
        for (JsonNode v : ri) total += v.size();
        if (total > 25) throw new DynamoException.Validation("Too many items requested for the BatchWriteItem call");
        long pos;
        lock.writeLock().lock();
        try {
            List<Change> changes = new ArrayList<>();
            Iterator<Map.Entry<String, JsonNode>> it = ri.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                Table t = table(e.getKey());
                Set<Map<String, Av>> seen = new HashSet<>();
                if (e.getValue().size() == 0)
                    throw new DynamoException.Validation("1 validation error detected: Value '[]' at 'requestItems." + e.getKey() + ".member' failed to satisfy constraint: Member must have length greater than or equal to 1");
                for (JsonNode w : e.getValue()) {
                    Map<String, Av> key, item = null;
                    if (w.has("PutRequest") == w.has("DeleteRequest"))
                        throw new DynamoException.Validation("Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
                    if (w.has("PutRequest")) {
                        item = Codec.item(w.get("PutRequest").get("Item"));
                        if (item == null) throw new DynamoException.Validation("1 validation error detected: Value null at 'item' failed to satisfy constraint: Member must not be null");
                        checkItem(t, item, false);
                        key = t.keyOf(item);
                    } else key = key(t, w.get("DeleteRequest").get("Key"));
                    if (!seen.add(key)) throw new DynamoException.Validation("Provided list of item keys contains duplicates");
                    changes.add(new Change(t, key, null, item));
                }
            }
            List<Change> real = new ArrayList<>();
            for (Change ch : changes) {
                Map<String, Av> old = ch.table().get(ch.key());
                if (old == null && ch.newItem() == null) continue;
                real.add(new Change(ch.table(), ch.key(), old, ch.newItem()));
            }
            pos = real.isEmpty() ? 0 : commit(real, false);
        } finally { lock.writeLock().unlock(); }
        durable(pos);
        ObjectNode out = Codec.F.objectNode();
        out.putObject("UnprocessedItems");
        return out;
    }

    // =================================================================== transactions

    private record TxAction(String kind, Table table, Map<String, Av> key, Map<String, Av> item, Expr.Update update,
                            Expr.Cond cond, boolean failItem, String tableName, JsonNode raw) {}

    private ObjectNode transactWrite(JsonNode req) {
        JsonNode items = req.get("TransactItems");
        if (items == null || !items.isArray() || items.size() == 0)
            throw new DynamoException.Validation("1 validation error detected: Value null at 'transactItems' failed to satisfy constraint: Member must not be null");
        if (items.size() > 100)
            throw new DynamoException.Validation("1 validation error detected: Value '[...]' at 'transactItems' failed to satisfy constraint: Member must have length less than or equal to 100");
        String token = text(req, "ClientRequestToken");
        byte[] hash = null;
        if (token != null) {
            if (token.length() < 1 || token.length() > 36)
                throw new DynamoException.Validation("1 validation error detected: Value '" + token + "' at 'clientRequestToken' failed to satisfy constraint: Member must have length less than or equal to 36");
            hash = parametersHash(req);
            Token prev = tokens.get(token);
            long now = System.currentTimeMillis();
            if (prev != null && now - prev.at() < 10 * 60 * 1000) {
                if (!java.util.Arrays.equals(prev.hash(), hash))
                    throw new DynamoException("IdempotentParameterMismatchException", 400,
                            "Request parameters do not match the original request with the same client request token");
                return prev.response().deepCopy();
            }
        }
        // parse everything before taking the lock
        List<TxAction> actions = new ArrayList<>();
        long totalSize = 0;
        for (JsonNode ti : items) {
            int kinds = 0;
            String kind = null;
            for (String k : new String[]{"ConditionCheck", "Put", "Delete", "Update"}) if (ti.has(k)) { kinds++; kind = k; }
            if (kinds != 1)
                throw new DynamoException.Validation("TransactItems can only contain one of Check, Put, Update or Delete");
            JsonNode a = ti.get(kind);
            String tn = tableName(a);
            Expr.Ctx c = ctx(a);
            Expr.Cond cond = text(a, "ConditionExpression") == null ? null : Expr.parseCondition(text(a, "ConditionExpression"), "ConditionExpression", c);
            Expr.Update upd = null;
            Map<String, Av> item = null;
            if (kind.equals("ConditionCheck") && cond == null)
                throw new DynamoException.Validation("1 validation error detected: Value null at 'transactItems.1.member.conditionCheck.conditionExpression' failed to satisfy constraint: Member must not be null");
            if (kind.equals("Update")) {
                if (text(a, "UpdateExpression") == null)
                    throw new DynamoException.Validation("1 validation error detected: Value null at 'transactItems.1.member.update.updateExpression' failed to satisfy constraint: Member must not be null");
                upd = Expr.parseUpdate(text(a, "UpdateExpression"), c);
            }
            if (kind.equals("Put")) {
                item = Codec.item(a.get("Item"));
                if (item == null) throw new DynamoException.Validation("1 validation error detected: Value null at 'transactItems.1.member.put.item' failed to satisfy constraint: Member must not be null");
                totalSize += Av.itemSize(item);
            }
            noExpressionsCheck(a, c, "ConditionExpression", "UpdateExpression");
            c.checkAllUsed();
            actions.add(new TxAction(kind, null, null, item, upd, cond, allOldOnFailure(a), tn, a));
        }
        if (totalSize > 4L * 1024 * 1024) throw new DynamoException.Validation("Transaction request size exceeds the maximum allowed size of 4 MB");
        ObjectNode out = Codec.F.objectNode();
        long pos;
        lock.writeLock().lock();
        try {
            // resolve tables and keys; one action per item
            List<TxAction> resolved = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (TxAction a : actions) {
                Table t = table(a.tableName());
                Map<String, Av> key;
                if (a.kind().equals("Put")) { checkItem(t, a.item(), false); key = t.keyOf(a.item()); }
                else key = key(t, a.raw().get("Key"));
                if (!seen.add(t.name + "\u0000" + key))
                    throw new DynamoException.Validation("Transaction request cannot include multiple operations on one item");
                resolved.add(new TxAction(a.kind(), t, key, a.item(), a.update(), a.cond(), a.failItem(), a.tableName(), a.raw()));
            }
            List<Change> changes = new ArrayList<>();
            ArrayNode reasons = Codec.F.arrayNode();
            boolean failed = false;
            List<String> codes = new ArrayList<>();
            for (TxAction a : resolved) {
                Map<String, Av> old = a.table().get(a.key());
                ObjectNode reason = Codec.F.objectNode();
                try {
                    if (a.cond() != null && !Expr.test(a.cond(), old)) {
                        reason.put("Code", "ConditionalCheckFailed");
                        reason.put("Message", "The conditional request failed");
                        if (a.failItem() && old != null) reason.set("Item", Codec.toJson(old));
                        failed = true;
                    } else {
                        reason.put("Code", "None");
                        switch (a.kind()) {
                            case "Put": changes.add(new Change(a.table(), a.key(), old, a.item())); break;
                            case "Delete": if (old != null) changes.add(new Change(a.table(), a.key(), old, null)); break;
                            case "Update": {
                                Map<String, Av> n = Expr.applyUpdate(a.update(), old, a.key());
                                checkItem(a.table(), n, true);
                                changes.add(new Change(a.table(), a.key(), old, n));
                                break;
                            }
                            default:
                        }
                    }
                } catch (DynamoException.Validation v) {
                    reason.removeAll();
                    reason.put("Code", "ValidationError");
                    reason.put("Message", v.getMessage());
                    failed = true;
                }
                codes.add(reason.get("Code").textValue());
                reasons.add(reason);
            }
            if (failed) {
                DynamoException e = new DynamoException("TransactionCanceledException", 400,
                        "Transaction cancelled, please refer cancellation reasons for specific reasons " + codes.toString());
                e.extra = Codec.F.objectNode();
                e.extra.set("CancellationReasons", reasons);
                throw e;
            }
            pos = changes.isEmpty() ? 0 : commit(changes, false);
            if (token != null) {
                tokens.remove(token);   // a token reused after its 10 minutes goes to the young end
                tokens.put(token, new Token(hash, System.currentTimeMillis(), out));
            }
        } finally { lock.writeLock().unlock(); }
        durable(pos);
        forgetOldTokens();
        return out;
    }

    /** Drops tokens past their 10 minutes from the oldest end: the cost of a sweep is what it removes. */
    private void forgetOldTokens() {
        long cutoff = System.currentTimeMillis() - 10 * 60 * 1000;
        synchronized (tokens) {
            var it = tokens.values().iterator();
            while (it.hasNext() && it.next().at() < cutoff) it.remove();
        }
    }

    /** Members that do not make a transaction another one: the token itself and what the answer reports. */
    private static final Set<String> NOT_PARAMETERS = Set.of("ClientRequestToken", "ReturnConsumedCapacity", "ReturnItemCollectionMetrics");

    /** SHA-256 of the request's members other than those, written straight into the digest (no copy, no string). */
    private static byte[] parametersHash(JsonNode req) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (var g = Codec.MAPPER.getFactory().createGenerator(new java.security.DigestOutputStream(java.io.OutputStream.nullOutputStream(), md))) {
            g.writeStartObject();
            for (Iterator<Map.Entry<String, JsonNode>> it = req.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (NOT_PARAMETERS.contains(e.getKey())) continue;
                g.writeFieldName(e.getKey());
                Codec.MAPPER.writeTree(g, e.getValue());
            }
            g.writeEndObject();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return md.digest();
    }

    private ObjectNode transactGet(JsonNode req) {
        JsonNode items = req.get("TransactItems");
        if (items == null || !items.isArray() || items.size() == 0)
            throw new DynamoException.Validation("1 validation error detected: Value null at 'transactItems' failed to satisfy constraint: Member must not be null");
        if (items.size() > 100)
            throw new DynamoException.Validation("1 validation error detected: Value '[...]' at 'transactItems' failed to satisfy constraint: Member must have length less than or equal to 100");
        List<Expr.Ctx> ctxs = new ArrayList<>();
        List<List<Expr.Path>> projs = new ArrayList<>();
        for (JsonNode ti : items) {
            JsonNode g = ti.get("Get");
            if (g == null) throw new DynamoException.Validation("1 validation error detected: Value null at 'transactItems.1.member.get' failed to satisfy constraint: Member must not be null");
            Expr.Ctx c = ctx(g);
            projs.add(projection(g, c));
            c.checkAllUsed();
            ctxs.add(c);
        }
        ObjectNode out = Codec.F.objectNode();
        ArrayNode resp = out.putArray("Responses");
        lock.readLock().lock();
        try {
            Set<String> seen = new HashSet<>();
            List<Map<String, Av>> found = new ArrayList<>();
            int i = 0;
            for (JsonNode ti : items) {
                JsonNode g = ti.get("Get");
                Table t = table(tableName(g));
                Map<String, Av> k = key(t, g.get("Key"));
                if (!seen.add(t.name + "\u0000" + k))
                    throw new DynamoException.Validation("Transaction request cannot include multiple operations on one item");
                found.add(t.get(k));
                i++;
            }
            for (i = 0; i < found.size(); i++) {
                ObjectNode r = resp.addObject();
                Map<String, Av> item = found.get(i);
                if (item != null) r.set("Item", Codec.toJson(projs.get(i) == null ? item : Expr.project(item, projs.get(i))));
            }
        } finally { lock.readLock().unlock(); }
        return out;
    }
}
