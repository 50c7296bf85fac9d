package com.zhidian.local.dynamodb;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.*;

import java.math.BigDecimal;
import java.util.*;

/**
 * Random operation sequences for property tests: a small key space (so operations collide), the operations Zhidian
 * uses, and a canonical form of each outcome so two implementations can be compared.
 */
final class Ops {
    private Ops() {}

    enum Kind { PUT, GET, DELETE, UPDATE, QUERY, GQUERY, SCAN, BATCH, TX }

    record Op(Kind kind, String pk, String sk, int n, String s, List<String> tags, int cond, int action,
              int rangeOp, String sk2, Integer limit, boolean forward, boolean filter, List<Op> batch) {
        @Override public String toString() {
            return kind + "(" + pk + "," + sk + ",n=" + n + ",s=" + s + ",tags=" + tags + ",cond=" + cond + ",action=" + action
                    + ",rangeOp=" + rangeOp + ",sk2=" + sk2 + ",limit=" + limit + ",fwd=" + forward + ",filter=" + filter
                    + (batch == null ? "" : ",batch=" + batch) + ")";
        }
    }

    static final List<String> PKS = List.of("a", "b", "c");
    static final List<String> SKS = List.of("1", "2", "3", "4", "5");

    static Arbitrary<Op> single(boolean withTx) {
        Arbitrary<String> pk = Arbitraries.of(PKS);
        Arbitrary<String> sk = Arbitraries.of(SKS);
        Arbitrary<Integer> n = Arbitraries.integers().between(-3, 6);
        Arbitrary<String> s = Arbitraries.of("x", "y", "xy");
        Arbitrary<List<String>> tags = Arbitraries.of("r", "g", "b").set().ofMinSize(1).ofMaxSize(3).map(ArrayList::new);
        List<Kind> kinds = new ArrayList<>(List.of(Kind.PUT, Kind.PUT, Kind.GET, Kind.DELETE, Kind.UPDATE, Kind.UPDATE, Kind.UPDATE, Kind.QUERY, Kind.QUERY, Kind.GQUERY, Kind.SCAN, Kind.BATCH));
        if (withTx) { kinds.add(Kind.TX); kinds.add(Kind.TX); }
        Arbitrary<Kind> kind = Arbitraries.of(kinds);
        Arbitrary<Integer> limit = Arbitraries.integers().between(1, 4).injectNull(0.5);
        Arbitrary<Op> base = Combinators.combine(kind, pk, sk, n, s, tags, Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 5))
                .as((k, p, q, nn, ss, t, c, a) -> new Op(k, p, q, nn, ss, t, c, a, 0, null, null, true, false, null));
        return Combinators.combine(base, Arbitraries.integers().between(0, 7), sk, limit, Arbitraries.of(true, false), Arbitraries.of(true, false),
                        Arbitraries.lazy(() -> simple(pk, sk, n, s, tags)).list().ofMinSize(1).ofMaxSize(4))
                .as((o, r, sk2, l, f, fl, b) -> new Op(o.kind(), o.pk(), o.sk(), o.n(), o.s(), o.tags(), o.cond(), o.action(), r, sk2, l, f, fl,
                        o.kind() == Kind.BATCH || o.kind() == Kind.TX ? dedupe(b) : null));
    }

    private static Arbitrary<Op> simple(Arbitrary<String> pk, Arbitrary<String> sk, Arbitrary<Integer> n, Arbitrary<String> s, Arbitrary<List<String>> tags) {
        return Combinators.combine(Arbitraries.of(Kind.PUT, Kind.DELETE, Kind.UPDATE), pk, sk, n, s, tags, Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 5))
                .as((k, p, q, nn, ss, t, c, a) -> new Op(k, p, q, nn, ss, t, c, a, 0, null, null, true, false, null));
    }

    private static List<Op> dedupe(List<Op> ops) {
        Map<String, Op> m = new LinkedHashMap<>();
        for (Op o : ops) m.putIfAbsent(o.pk() + "/" + o.sk(), o);
        return new ArrayList<>(m.values());
    }

    // ------------------------------------------------------------------ running against a server

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk));
    }

    static Map<String, AttributeValue> fullItem(Op o) {
        Map<String, AttributeValue> m = new HashMap<>(key(o.pk(), o.sk()));
        m.put("n", AttributeValue.fromN(Integer.toString(o.n())));
        m.put("s", AttributeValue.fromS(o.s()));
        m.put("tags", AttributeValue.fromSs(o.tags()));
        return m;
    }

    static String condExpr(Kind k, int cond) {
        if (cond == 0) return null;
        switch (k) {
            case PUT: return cond == 1 ? "attribute_not_exists(pk)" : "n = :cv";
            case DELETE: return cond == 1 ? "attribute_exists(pk)" : "n < :cv";
            default: return cond == 1 ? "attribute_exists(pk)" : "n >= :cv";
        }
    }

    static final String[] UPDATES = {"ADD n :d", "SET s = :s", "REMOVE s", "ADD tags :t", "DELETE tags :t", "SET n = if_not_exists(n, :z) + :d"};

    static Map<String, AttributeValue> updateValues(Op o) {
        Map<String, AttributeValue> v = new HashMap<>();
        switch (o.action()) {
            case 0: v.put(":d", AttributeValue.fromN(Integer.toString(o.n()))); break;
            case 1: v.put(":s", AttributeValue.fromS(o.s())); break;
            case 3: case 4: v.put(":t", AttributeValue.fromSs(o.tags())); break;
            case 5: v.put(":z", AttributeValue.fromN("0")); v.put(":d", AttributeValue.fromN(Integer.toString(o.n()))); break;
            default:
        }
        return v;
    }

    static final String[] RANGE = {null, "sk = :r", "sk < :r", "sk <= :r", "sk > :r", "sk >= :r", "sk BETWEEN :r AND :r2", "begins_with(sk, :r)"};

    /** Runs one op; returns its canonical outcome. */
    static String run(DynamoDbClient c, String table, Op o) {
        try {
            switch (o.kind()) {
                case PUT: {
                    PutItemRequest.Builder b = PutItemRequest.builder().tableName(table).item(fullItem(o)).returnValues(ReturnValue.ALL_OLD);
                    String ce = condExpr(o.kind(), o.cond());
                    if (ce != null) { b.conditionExpression(ce); if (ce.contains(":cv")) b.expressionAttributeValues(Map.of(":cv", AttributeValue.fromN(Integer.toString(o.n())))); }
                    return "put " + canon(c.putItem(b.build()).attributes());
                }
                case GET:
                    return "get " + canon(c.getItem(b -> b.tableName(table).key(key(o.pk(), o.sk())).consistentRead(true)).item());
                case DELETE: {
                    DeleteItemRequest.Builder b = DeleteItemRequest.builder().tableName(table).key(key(o.pk(), o.sk())).returnValues(ReturnValue.ALL_OLD);
                    String ce = condExpr(o.kind(), o.cond());
                    if (ce != null) { b.conditionExpression(ce); if (ce.contains(":cv")) b.expressionAttributeValues(Map.of(":cv", AttributeValue.fromN(Integer.toString(o.n())))); }
                    return "delete " + canon(c.deleteItem(b.build()).attributes());
                }
                case UPDATE: {
                    Map<String, AttributeValue> vals = new HashMap<>(updateValues(o));
                    UpdateItemRequest.Builder b = UpdateItemRequest.builder().tableName(table).key(key(o.pk(), o.sk()))
                            .updateExpression(UPDATES[o.action()]).returnValues(ReturnValue.ALL_NEW);
                    String ce = condExpr(o.kind(), o.cond());
                    if (ce != null) { b.conditionExpression(ce); if (ce.contains(":cv")) vals.put(":cv", AttributeValue.fromN("1")); }
                    if (!vals.isEmpty()) b.expressionAttributeValues(vals);
                    return "update " + canon(c.updateItem(b.build()).attributes());
                }
                case QUERY: {
                    String kc = "pk = :p" + (RANGE[o.rangeOp()] == null ? "" : " AND " + RANGE[o.rangeOp()]);
                    Map<String, AttributeValue> vals = new HashMap<>();
                    vals.put(":p", AttributeValue.fromS(o.pk()));
                    String lo = o.sk().compareTo(o.sk2()) <= 0 ? o.sk() : o.sk2(), hi = o.sk().compareTo(o.sk2()) <= 0 ? o.sk2() : o.sk();
                    if (RANGE[o.rangeOp()] != null) vals.put(":r", AttributeValue.fromS(o.rangeOp() == 6 ? lo : o.sk()));
                    if (o.rangeOp() == 6) vals.put(":r2", AttributeValue.fromS(hi));
                    QueryRequest.Builder b = QueryRequest.builder().tableName(table).keyConditionExpression(kc).scanIndexForward(o.forward()).consistentRead(true);
                    if (o.limit() != null) b.limit(o.limit());
                    if (o.filter()) { b.filterExpression("n > :f"); vals.put(":f", AttributeValue.fromN("1")); }
                    b.expressionAttributeValues(vals);
                    QueryResponse r = c.query(b.build());
                    StringBuilder sb = new StringBuilder("query count=" + r.count() + " scanned=" + r.scannedCount() + " [");
                    for (Map<String, AttributeValue> i : r.items()) sb.append(canon(i)).append(';');
                    sb.append("] lek=").append(r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? canon(r.lastEvaluatedKey()) : "none");
                    return sb.toString();
                }
                case GQUERY: {
                    QueryResponse r = c.query(b -> b.tableName(table).indexName("byS").keyConditionExpression("#s = :s")
                            .expressionAttributeNames(Map.of("#s", "s")).expressionAttributeValues(Map.of(":s", AttributeValue.fromS(o.s())))
                            .scanIndexForward(o.forward()));
                    return gsiOutcome(r.items());
                }
                case SCAN: {
                    ScanRequest.Builder b = ScanRequest.builder().tableName(table).consistentRead(true);
                    if (o.filter()) b.filterExpression("contains(tags, :t)").expressionAttributeValues(Map.of(":t", AttributeValue.fromS(o.tags().get(0))));
                    ScanResponse r = c.scan(b.build());
                    TreeSet<String> items = new TreeSet<>();
                    for (Map<String, AttributeValue> i : r.items()) items.add(canon(i));
                    return "scan count=" + r.count() + " " + items;
                }
                case BATCH: {
                    List<WriteRequest> w = new ArrayList<>();
                    for (Op x : o.batch()) {
                        if (x.kind() == Kind.DELETE) w.add(WriteRequest.builder().deleteRequest(d -> d.key(key(x.pk(), x.sk()))).build());
                        else w.add(WriteRequest.builder().putRequest(p -> p.item(fullItem(x))).build());
                    }
                    BatchWriteItemResponse r = c.batchWriteItem(b -> b.requestItems(Map.of(table, w)));
                    return "batch unprocessed=" + r.unprocessedItems().size();
                }
                case TX: {
                    List<TransactWriteItem> w = new ArrayList<>();
                    for (Op x : o.batch()) {
                        String ce = condExpr(x.kind(), x.cond());
                        Map<String, AttributeValue> cv = ce != null && ce.contains(":cv") ? Map.of(":cv", AttributeValue.fromN(Integer.toString(x.n()))) : null;
                        switch (x.kind()) {
                            case PUT: w.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(fullItem(x)).conditionExpression(ce).expressionAttributeValues(cv).build()).build()); break;
                            case DELETE: w.add(TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(key(x.pk(), x.sk())).conditionExpression(ce).expressionAttributeValues(cv).build()).build()); break;
                            default: {
                                Map<String, AttributeValue> vals = new HashMap<>(updateValues(x));
                                if (ce != null && ce.contains(":cv")) vals.put(":cv", AttributeValue.fromN("1"));
                                w.add(TransactWriteItem.builder().update(Update.builder().tableName(table).key(key(x.pk(), x.sk())).updateExpression(UPDATES[x.action()])
                                        .conditionExpression(ce).expressionAttributeValues(vals.isEmpty() ? null : vals).build()).build());
                            }
                        }
                    }
                    c.transactWriteItems(b -> b.transactItems(w));
                    return "tx ok";
                }
                default: throw new IllegalStateException();
            }
        } catch (ConditionalCheckFailedException e) {
            return o.kind().name().toLowerCase() + " ConditionalCheckFailed";
        } catch (TransactionCanceledException e) {
            return "tx cancelled " + e.cancellationReasons().stream().map(CancellationReason::code).toList();
        } catch (DynamoDbException e) {
            return o.kind().name().toLowerCase() + " error " + e.awsErrorDetails().errorCode();
        }
    }

    /** GSI query outcome: the order of the index sort key, and the items as a set (ties in n have no defined order). */
    static String gsiOutcome(List<Map<String, AttributeValue>> items) {
        List<String> ns = new ArrayList<>();
        TreeSet<String> set = new TreeSet<>();
        for (Map<String, AttributeValue> i : items) { ns.add(canon(i.get("n"))); set.add(canon(i)); }
        return "gquery count=" + items.size() + " order=" + ns + " " + set;
    }

    /** Canonical text of an item: sorted attributes, sorted set members, normalised numbers. */
    static String canon(Map<String, AttributeValue> item) {
        if (item == null || item.isEmpty()) return "{}";
        StringBuilder sb = new StringBuilder("{");
        for (String k : new TreeSet<>(item.keySet())) sb.append(k).append('=').append(canon(item.get(k))).append(',');
        return sb.append('}').toString();
    }

    static String canon(AttributeValue v) {
        if (v.s() != null) return "S:" + v.s();
        if (v.n() != null) return "N:" + new BigDecimal(v.n()).stripTrailingZeros().toPlainString();
        if (v.hasSs()) return "SS:" + new TreeSet<>(v.ss());
        if (v.hasNs()) { TreeSet<String> t = new TreeSet<>(); v.ns().forEach(x -> t.add(new BigDecimal(x).stripTrailingZeros().toPlainString())); return "NS:" + t; }
        if (v.hasM()) return "M:" + canon(v.m());
        if (v.hasL()) { StringBuilder sb = new StringBuilder("L:["); v.l().forEach(x -> sb.append(canon(x)).append(',')); return sb.append(']').toString(); }
        if (v.bool() != null) return "BOOL:" + v.bool();
        if (Boolean.TRUE.equals(v.nul())) return "NULL";
        if (v.b() != null) return "B:" + Base64.getEncoder().encodeToString(v.b().asByteArray());
        return v.toString();
    }

    static void createTable(DynamoDbClient c, String name) {
        c.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(Clients.ad("pk"), Clients.ad("sk"), Clients.ad("s"), Clients.ad("n", ScalarAttributeType.N))
                .keySchema(Clients.ks("pk", KeyType.HASH), Clients.ks("sk", KeyType.RANGE))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byS")
                        .keySchema(Clients.ks("s", KeyType.HASH), Clients.ks("n", KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.ALL)).build()));
        // dynalite answers CREATING first; wait for ACTIVE as the SDK waiter would
        for (int i = 0; i < 200 && c.describeTable(b -> b.tableName(name)).table().tableStatus() != TableStatus.ACTIVE; i++) {
            try { Thread.sleep(10); } catch (InterruptedException e) { Thread.currentThread().interrupt(); return; }
        }
    }
}
