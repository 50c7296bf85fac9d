package com.zhidian.local.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.zhidian.local.dynamodb.Requests.*;

/** Single-item reads and writes: PutItem, GetItem, UpdateItem, DeleteItem, each with its condition. */
final class Items {
    private final Engine db;

    Items(Engine db) {
        this.db = db;
    }

    ObjectNode putItem(JsonNode req) {
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
        db.lock.writeLock().lock();
        try {
            Table t = db.table(name);
            checkItem(t, item, false);
            Map<String, Av> key = t.keyOf(item);
            old = t.get(key);
            if (cond != null && !Expr.test(cond, old)) throw conditionFailed(old, failItem);
            pos = db.durability.commit(List.of(new Engine.Change(t, key, old, item)), false);
        } finally { db.lock.writeLock().unlock(); }
        db.durability.durable(pos);
        ObjectNode out = Codec.F.objectNode();
        if (rv.equals("ALL_OLD") && old != null) out.set("Attributes", Codec.toJson(old));
        consumed(out, req, name, writeUnits(old, item));
        return out;
    }

    ObjectNode getItem(JsonNode req) {
        String name = tableName(req);
        Expr.Ctx c = ctx(req);
        noExpressionsCheck(req, c, "ProjectionExpression");
        List<Expr.Path> proj = projection(req, c);
        c.checkAllUsed();
        Map<String, Av> item;
        db.lock.readLock().lock();
        try {
            Table t = db.table(name);
            item = t.get(key(t, req.get("Key")));
        } finally { db.lock.readLock().unlock(); }
        ObjectNode out = Codec.F.objectNode();
        if (item != null) out.set("Item", Codec.toJson(proj == null ? item : Expr.project(item, proj)));
        consumed(out, req, name, readUnits(item == null ? 0 : Av.itemSize(item), req.path("ConsistentRead").asBoolean(false)));
        return out;
    }

    ObjectNode updateItem(JsonNode req) {
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
        db.lock.writeLock().lock();
        try {
            Table t = db.table(name);
            Map<String, Av> key = key(t, req.get("Key"));
            old = t.get(key);
            if (cond != null && !Expr.test(cond, old)) throw conditionFailed(old, failItem);
            item = upd == null ? (old == null ? new LinkedHashMap<>(key) : old) : Expr.applyUpdate(upd, old, key);
            checkItem(t, item, true);
            pos = item == old ? 0 : db.durability.commit(List.of(new Engine.Change(t, key, old, item)), false); // nothing to update: no log record, no stream record
        } finally { db.lock.writeLock().unlock(); }
        db.durability.durable(pos);
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

    static Map<String, Av> updated(Expr.Update u, Map<String, Av> item) {
        return Expr.project(item, u.allPaths());
    }

    ObjectNode deleteItem(JsonNode req) {
        String name = tableName(req);
        String rv = returnValues(req, "NONE", "ALL_OLD");
        boolean failItem = allOldOnFailure(req);
        Expr.Ctx c = ctx(req);
        noExpressionsCheck(req, c, "ConditionExpression");
        Expr.Cond cond = text(req, "ConditionExpression") == null ? null : Expr.parseCondition(text(req, "ConditionExpression"), "ConditionExpression", c);
        c.checkAllUsed();
        Map<String, Av> old;
        long pos = 0;
        db.lock.writeLock().lock();
        try {
            Table t = db.table(name);
            Map<String, Av> key = key(t, req.get("Key"));
            old = t.get(key);
            if (cond != null && !Expr.test(cond, old)) throw conditionFailed(old, failItem);
            if (old != null) pos = db.durability.commit(List.of(new Engine.Change(t, key, old, null)), false);
        } finally { db.lock.writeLock().unlock(); }
        db.durability.durable(pos);
        ObjectNode out = Codec.F.objectNode();
        if (rv.equals("ALL_OLD") && old != null) out.set("Attributes", Codec.toJson(old));
        consumed(out, req, name, writeUnits(old, null));
        return out;
    }
}
