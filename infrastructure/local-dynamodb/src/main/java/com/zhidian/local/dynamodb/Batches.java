package com.zhidian.local.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.zhidian.local.dynamodb.Requests.*;

/** BatchGetItem and BatchWriteItem: many items at once, each write atomic on its own, as DynamoDB's are. */
final class Batches {
    private final Engine db;

    Batches(Engine db) {
        this.db = db;
    }

    ObjectNode batchGet(JsonNode req) {
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
        Map<String, Double> units = new java.util.LinkedHashMap<>();
        db.lock.readLock().lock();
        try {
            Iterator<Map.Entry<String, JsonNode>> it = ri.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String name = e.getKey();
                JsonNode tr = e.getValue();
                Table t = db.table(name);
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
                    units.merge(name, readUnits(item == null ? 0 : Av.itemSize(item), tr.path("ConsistentRead").asBoolean(false)), Double::sum);
                    if (item == null) continue;
                    bytes += Av.itemSize(item);
                    arr.add(Codec.toJson(proj == null ? item : Expr.project(item, proj)));
                }
            }
        } finally { db.lock.readLock().unlock(); }
        consumedPerTable(out, req, units, null);
        return out;
    }

    private static ObjectNode unprocessedEntry(ObjectNode unprocessed, String name, JsonNode tr) {
        ObjectNode u = unprocessed.putObject(name);
        u.putArray("Keys");
        for (String f : new String[]{"ProjectionExpression", "ExpressionAttributeNames", "ConsistentRead", "AttributesToGet"})
            if (tr.has(f)) u.set(f, tr.get(f));
        return u;
    }

    ObjectNode batchWrite(JsonNode req) {
        JsonNode ri = req.get("RequestItems");
        if (ri == null || ri.size() == 0)
            throw new DynamoException.Validation("1 validation error detected: Value null at 'requestItems' failed to satisfy constraint: Member must have length greater than or equal to 1");
        int total = 0;
        for (JsonNode v : ri) total += v.size();
        if (total > 25) throw new DynamoException.Validation("Too many items requested for the BatchWriteItem call");
        long pos;
        Map<String, Double> units = new java.util.LinkedHashMap<>();
        db.lock.writeLock().lock();
        try {
            List<Engine.Change> changes = new ArrayList<>();
            Iterator<Map.Entry<String, JsonNode>> it = ri.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                Table t = db.table(e.getKey());
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
                    changes.add(new Engine.Change(t, key, null, item));
                }
            }
            List<Engine.Change> real = new ArrayList<>();
            for (Engine.Change ch : changes) {
                Map<String, Av> old = ch.table().get(ch.key());
                units.merge(ch.table().name, writeUnits(old, ch.newItem()), Double::sum);
                if (old == null && ch.newItem() == null) continue;
                real.add(new Engine.Change(ch.table(), ch.key(), old, ch.newItem()));
            }
            pos = real.isEmpty() ? 0 : db.durability.commit(real, false);
        } finally { db.lock.writeLock().unlock(); }
        db.durability.durable(pos);
        ObjectNode out = Codec.F.objectNode();
        out.putObject("UnprocessedItems");
        consumedPerTable(out, req, units, null);
        return out;
    }
}
