package com.zhidian.local.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.zhidian.local.dynamodb.Requests.*;

/** TransactWriteItems and TransactGetItems: all or nothing under the write lock, idempotent by ClientRequestToken for 10 minutes. */
final class Transactions {
    private final Engine db;
    /** ClientRequestTokens of the last 10 minutes, oldest first (the SDK sends one with every transaction). */
    private final Map<String, Token> tokens = Collections.synchronizedMap(new LinkedHashMap<>());

    record Token(byte[] hash, long at, ObjectNode response) {}

    Transactions(Engine db) {
        this.db = db;
    }

    private record TxAction(String kind, Table table, Map<String, Av> key, Map<String, Av> item, Expr.Update update,
                            Expr.Cond cond, boolean failItem, String tableName, JsonNode raw) {}

    ObjectNode transactWrite(JsonNode req) {
        JsonNode items = req.get("TransactItems");
        checkItemCount(items);
        if (items.size() > 100)
            throw new DynamoException.Validation("1 validation error detected: Value '[...]' at 'transactItems' failed to satisfy constraint: Member must have length less than or equal to 100");
        String token = text(req, "ClientRequestToken");
        byte[] hash = null;
        if (token != null) {
            if (token.isEmpty())
                throw new DynamoException.Validation("1 validation error detected: Value '' at 'clientRequestToken' failed to satisfy constraint: Member must have length greater than or equal to 1");
            if (token.length() > 36)
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
        db.lock.writeLock().lock();
        try {
            // resolve db.tables and keys; one action per item
            List<TxAction> resolved = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (TxAction a : actions) {
                Table t = db.table(a.tableName());
                Map<String, Av> key;
                if (a.kind().equals("Put")) { checkItem(t, a.item(), false); key = t.keyOf(a.item()); }
                else key = key(t, a.raw().get("Key"));
                if (!seen.add(t.name + "\u0000" + key))
                    throw new DynamoException.Validation("Transaction request cannot include multiple operations on one item");
                resolved.add(new TxAction(a.kind(), t, key, a.item(), a.update(), a.cond(), a.failItem(), a.tableName(), a.raw()));
            }
            List<Engine.Change> changes = new ArrayList<>();
            ArrayNode reasons = Codec.F.arrayNode();
            boolean failed = false;
            List<String> codes = new ArrayList<>();
            Map<String, Double> units = new java.util.LinkedHashMap<>();
            for (TxAction a : resolved) {
                Map<String, Av> old = a.table().get(a.key());
                Map<String, Av> after = a.item();
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
                            case "Put": changes.add(new Engine.Change(a.table(), a.key(), old, a.item())); break;
                            case "Delete": if (old != null) changes.add(new Engine.Change(a.table(), a.key(), old, null)); break;
                            case "Update": {
                                Map<String, Av> n = Expr.applyUpdate(a.update(), old, a.key());
                                checkItem(a.table(), n, true);
                                after = n;
                                changes.add(new Engine.Change(a.table(), a.key(), old, n));
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
                // Developer Guide, "Capacity management for transactions": two writes per item, prepare and commit
                units.merge(a.tableName(), 2 * writeUnits(old, after), Double::sum);
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
            pos = changes.isEmpty() ? 0 : db.durability.commit(changes, false);
            if (token != null) {
                tokens.remove(token);   // a token reused after its 10 minutes goes to the young end
                tokens.put(token, new Token(hash, System.currentTimeMillis(), out));
            }
            out = out.deepCopy(); // the capacity belongs to this answer, not to a replay under the same token
            consumedPerTable(out, req, units, "WriteCapacityUnits");
        } finally { db.lock.writeLock().unlock(); }
        db.durability.durable(pos);
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

    ObjectNode transactGet(JsonNode req) {
        JsonNode items = req.get("TransactItems");
        checkItemCount(items);
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
        db.lock.readLock().lock();
        try {
            Set<String> seen = new HashSet<>();
            Map<String, Double> units = new java.util.LinkedHashMap<>();
            List<Map<String, Av>> found = new ArrayList<>();
            int i = 0;
            for (JsonNode ti : items) {
                JsonNode g = ti.get("Get");
                Table t = db.table(tableName(g));
                Map<String, Av> k = key(t, g.get("Key"));
                if (!seen.add(t.name + "\u0000" + k))
                    throw new DynamoException.Validation("Transaction request cannot include multiple operations on one item");
                found.add(t.get(k));
                units.merge(t.name, 2 * readUnits(found.get(i) == null ? 0 : Av.itemSize(found.get(i)), true), Double::sum);
                i++;
            }
            for (i = 0; i < found.size(); i++) {
                ObjectNode r = resp.addObject();
                Map<String, Av> item = found.get(i);
                if (item != null) r.set("Item", Codec.toJson(projs.get(i) == null ? item : Expr.project(item, projs.get(i))));
            }
            consumedPerTable(out, req, units, "ReadCapacityUnits");
        } finally { db.lock.readLock().unlock(); }
        return out;
    }

    /** An empty list breaks the length constraint (the API Reference's TransactItems: 1 to 100 items), not the null one. */
    private static void checkItemCount(JsonNode items) {
        if (items == null || !items.isArray())
            throw new DynamoException.Validation("1 validation error detected: Value null at 'transactItems' failed to satisfy constraint: Member must not be null");
        if (items.size() == 0)
            throw new DynamoException.Validation("1 validation error detected: Value '[]' at 'transactItems' failed to satisfy constraint: Member must have length greater than or equal to 1");
    }
}
