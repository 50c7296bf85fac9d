package com.zhidian.local.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;

import static com.zhidian.local.dynamodb.Requests.*;

/** Tables: create, describe, list, update (indexes, streams, billing), delete, and time to live with its sweep. */
final class TableAdmin {
    private final Engine db;

    TableAdmin(Engine db) {
        this.db = db;
    }

    ObjectNode createTable(JsonNode req) {
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
        db.lock.writeLock().lock();
        try {
            if (db.tables.containsKey(name)) throw DynamoException.inUse("Table already exists: " + name);
            Table t = db.durability.newTable(def);
            db.tables.put(name, t);
            pos = db.durability.logMeta((ObjectNode) Codec.F.objectNode().set("ct", def));
            out.set("TableDescription", describe(t, "ACTIVE"));
        } finally { db.lock.writeLock().unlock(); }
        db.durability.durable(pos);
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
        String arn = "arn:aws:dynamodb:" + db.region + ":" + db.account + ":table/" + t.name;
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

    ObjectNode describeTable(JsonNode req) {
        String name = tableName(req);
        db.lock.readLock().lock();
        try {
            Table t = db.tables.get(name);
            if (t == null) throw DynamoException.notFound("Requested resource not found: Table: " + name + " not found");
            ObjectNode out = Codec.F.objectNode();
            out.set("Table", describe(t, "ACTIVE"));
            return out;
        } finally { db.lock.readLock().unlock(); }
    }

    ObjectNode listTables(JsonNode req) {
        int limit = req.has("Limit") ? req.get("Limit").asInt() : 100;
        if (limit < 1 || limit > 100)
            throw new DynamoException.Validation("1 validation error detected: Value '" + limit + "' at 'limit' failed to satisfy constraint: Member must have value "
                    + (limit < 1 ? "greater than or equal to 1" : "less than or equal to 100"));
        String start = text(req, "ExclusiveStartTableName");
        ObjectNode out = Codec.F.objectNode();
        ArrayNode names = out.putArray("TableNames");
        db.lock.readLock().lock();
        try {
            NavigableMap<String, Table> m = start == null ? db.tables : db.tables.tailMap(start, false);
            String last = null;
            for (String n : m.keySet()) {
                if (names.size() == limit) { out.put("LastEvaluatedTableName", last); break; }
                names.add(n);
                last = n;
            }
        } finally { db.lock.readLock().unlock(); }
        return out;
    }

    ObjectNode deleteTable(JsonNode req) {
        String name = tableName(req);
        ObjectNode out = Codec.F.objectNode();
        long pos;
        db.lock.writeLock().lock();
        try {
            Table t = db.tables.get(name);
            if (t == null) throw DynamoException.notFound("Requested resource not found: Table: " + name + " not found");
            out.set("TableDescription", describe(t, "DELETING"));
            db.tables.remove(name);
            pos = db.durability.logMeta((ObjectNode) Codec.F.objectNode().put("dt", name));
        } finally { db.lock.writeLock().unlock(); }
        db.durability.durable(pos);
        return out;
    }

    ObjectNode updateTable(JsonNode req) {
        String name = tableName(req);
        ObjectNode out = Codec.F.objectNode();
        long pos;
        db.lock.writeLock().lock();
        try {
            Table t = db.table(name);
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
            pos = db.durability.logMeta((ObjectNode) Codec.F.objectNode().set("ut", def));
            out.set("TableDescription", describe(t, "ACTIVE"));
        } finally { db.lock.writeLock().unlock(); }
        db.durability.durable(pos);
        return out;
    }

    ObjectNode updateTtl(JsonNode req) {
        String name = tableName(req);
        JsonNode spec = req.get("TimeToLiveSpecification");
        if (spec == null || !spec.has("AttributeName") || !spec.has("Enabled"))
            throw new DynamoException.Validation("1 validation error detected: Value null at 'timeToLiveSpecification' failed to satisfy constraint: Member must not be null");
        boolean on = spec.get("Enabled").asBoolean();
        String attr = text(spec, "AttributeName");
        long pos;
        db.lock.writeLock().lock();
        try {
            Table t = db.table(name);
            if (on && t.ttlEnabled) throw new DynamoException.Validation("TimeToLive is already enabled");
            if (!on && !t.ttlEnabled) throw new DynamoException.Validation("TimeToLive is already disabled");
            if (!on && !attr.equals(t.ttlAttribute))
                throw new DynamoException.Validation("The specified attribute name does not match the TTL attribute name");
            t.setTtl(attr, on);
            ObjectNode rec = Codec.F.objectNode();
            rec.putObject("ttl").put("t", name).put("on", on).put("a", attr);
            pos = db.durability.logMeta(rec);
        } finally { db.lock.writeLock().unlock(); }
        db.durability.durable(pos);
        ObjectNode out = Codec.F.objectNode();
        out.set("TimeToLiveSpecification", spec);
        return out;
    }

    ObjectNode describeTtl(JsonNode req) {
        String name = tableName(req);
        db.lock.readLock().lock();
        try {
            Table t = db.table(name);
            ObjectNode out = Codec.F.objectNode();
            ObjectNode d = out.putObject("TimeToLiveDescription");
            d.put("TimeToLiveStatus", t.ttlEnabled ? "ENABLED" : "DISABLED");
            if (t.ttlEnabled) d.put("AttributeName", t.ttlAttribute);
            return out;
        } finally { db.lock.readLock().unlock(); }
    }

    /** Deletes items whose TTL has passed (not those more than five years in the past, as AWS documents). */
    int sweepTtl() {
        long now = db.clock.millis() / 1000;
        BigDecimal nowSeconds = BigDecimal.valueOf(now), fiveYearsAgo = BigDecimal.valueOf(now - 5L * 366 * 24 * 3600);
        long pos = 0;
        int n = 0;
        db.lock.readLock().lock();
        List<Engine.Change> expired = new ArrayList<>();
        try {
            for (Table t : db.tables.values()) {
                if (!t.ttlEnabled || t.ttlAttribute == null) continue;
                for (Map<String, Av> key : t.expiringBetween(fiveYearsAgo, nowSeconds)) {
                    Map<String, Av> item = t.get(key);
                    if (item != null) expired.add(new Engine.Change(t, key, item, null));
                }
            }
        } finally { db.lock.readLock().unlock(); }
        if (expired.isEmpty()) return 0;
        db.lock.writeLock().lock();
        try {
            List<Engine.Change> still = new ArrayList<>();
            for (Engine.Change c : expired) {
                if (db.tables.get(c.table().name) != c.table()) continue;
                Map<String, Av> cur = c.table().get(c.key());
                if (cur == c.oldItem()) still.add(c); // unchanged since the scan
            }
            if (!still.isEmpty()) pos = db.durability.commit(still, true);
            n = still.size();
        } finally { db.lock.writeLock().unlock(); }
        db.durability.durable(pos);
        return n;
    }
}
