package com.zhidian.local.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

import static com.zhidian.local.dynamodb.Requests.*;

/** Query (a key condition on the table or an index) and Scan, paged by Limit and 1 MB, then filtered and projected. */
final class QueryScan {
    private final Engine db;
    static final int PAGE = 1024 * 1024;

    QueryScan(Engine db) {
        this.db = db;
    }

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
                // API Reference, Query: a key attribute value can never be empty, in a key condition as in an item
                if ((a.type == Av.Type.S && a.str().isEmpty()) || (a.type == Av.Type.B && a.bin().length() == 0))
                    throw new DynamoException.Validation("One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty "
                            + (a.type == Av.Type.S ? "string" : "binary") + " value. Key: " + attr);
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

    ObjectNode query(JsonNode req) {
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
        db.lock.readLock().lock();
        try {
            Table t = db.table(name);
            Table.Idx idx = index(t, req);
            KeyCond kc = keyCondition(kcond, idx);
            if (filter != null) checkFilterKeys(filter, idx, t);
            String select = select(req, idx, proj);
            int limit = limit(req);
            Map<String, Av> esk = startKey(t, idx, req.get("ExclusiveStartKey"));
            TreeMap<Table.Ck, Map<String, Av>> part = idx.partition(kc.hash());
            NavigableMap<Table.Ck, Map<String, Av>> view = part == null ? new TreeMap<>() : rangeView(part, kc, idx.rangeName != null);
            if (esk != null) {
                // the start key must lie inside the key condition, checked as DynamoDB checks it (dynalite's query.js mirrors it)
                boolean sameHash = esk.get(idx.hashName).equals(kc.hash());
                if (kc.rangeOp() == null) {
                    if (!sameHash) throw new DynamoException.Validation("The provided starting key is outside query boundaries based on provided conditions");
                } else {
                    if (!rangeMatches(kc, esk.get(idx.rangeName)))
                        throw new DynamoException.Validation("The provided starting key does not match the range key predicate");
                    if (!sameHash) throw new DynamoException.Validation("The query can return at most one row and cannot be restarted");
                }
                Table.Ck from = idx.ck(esk);
                try {
                    view = forward ? view.tailMap(from, false) : view.headMap(from, false);
                } catch (IllegalArgumentException outside) { // a sub-map refuses a bound beyond its own: never a 500
                    throw new DynamoException.Validation("The provided starting key is outside query boundaries based on provided conditions");
                }
            }
            if (!forward) view = view.descendingMap();
            Iterable<Map<String, Av>> items = view.values();
            boolean beginsWith = "begins_with".equals(kc.rangeOp());
            return page(items, it -> !beginsWith || rangeMatches(kc, it.get(idx.rangeName)), beginsWith && forward,
                    filter, proj, select, limit, idx, req, name);
        } finally { db.lock.readLock().unlock(); }
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
        // API Reference, ConsumedCapacity: a read of a secondary index is charged to that index, not to the table
        if (idx.name != null && out.has("ConsumedCapacity") && out.get("ConsumedCapacity").has("Table")) {
            ObjectNode c = (ObjectNode) out.get("ConsumedCapacity");
            c.putObject(idx.global ? "GlobalSecondaryIndexes" : "LocalSecondaryIndexes").putObject(idx.name).set("CapacityUnits", c.get("CapacityUnits"));
            ((ObjectNode) c.get("Table")).put("CapacityUnits", 0.0);
        }
        return out;
    }

    ObjectNode scan(JsonNode req) {
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
        db.lock.readLock().lock();
        try {
            Table t = db.table(name);
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
        } finally { db.lock.readLock().unlock(); }
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
}
