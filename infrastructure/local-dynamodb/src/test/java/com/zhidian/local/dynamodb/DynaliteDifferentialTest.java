package com.zhidian.local.dynamodb;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.*;

import java.util.*;

import static com.zhidian.local.dynamodb.Clients.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Differential: a table of condition and update expressions, and key orderings, evaluated on the stand-in and on
 * dynalite 4.0.0 must agree. Skipped (JUnit assumption, reported with the reason) when node/npm are absent.
 */
class DynaliteDifferentialTest {
    static LocalDynamoDb db;
    static Dynalite dynalite;
    static DynamoDbClient ours, theirs;

    @BeforeAll
    static void up() throws Exception {
        String why = Dynalite.unavailableReason();
        Assumptions.assumeTrue(why == null, () -> "dynalite differential tests skipped: " + why);
        db = LocalDynamoDb.start(LocalDynamoDb.Options.inMemory().port(0));
        dynalite = Dynalite.start();
        ours = client(db.endpoint());
        theirs = client(dynalite.endpoint);
        for (DynamoDbClient c : List.of(ours, theirs)) {
            Ops.createTable(c, "diffexpr");
            for (ScalarAttributeType t : List.of(ScalarAttributeType.N, ScalarAttributeType.B, ScalarAttributeType.S)) {
                String name = "order" + t;
                c.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(ad("pk"), ad("sk", t)).keySchema(ks("pk", KeyType.HASH), ks("sk", KeyType.RANGE)));
                for (int i = 0; i < 100 && c.describeTable(b -> b.tableName(name)).table().tableStatus() != TableStatus.ACTIVE; i++) Thread.sleep(10);
            }
        }
    }

    @AfterAll
    static void down() {
        if (ours != null) ours.close();
        if (theirs != null) theirs.close();
        if (db != null) db.close();
        if (dynalite != null) dynalite.close();
    }

    static Map<String, AttributeValue> base() {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("pk", s("k"));
        m.put("sk", s("k"));
        m.put("n", n(5));
        m.put("s", s("hello"));
        m.put("b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[]{1, 2, 3})));
        m.put("ss", AttributeValue.fromSs(List.of("red", "blue")));
        m.put("ns", AttributeValue.fromNs(List.of("1", "2")));
        m.put("l", AttributeValue.fromL(List.of(s("x"), n(2), AttributeValue.fromM(Map.of("c", n(3))))));
        m.put("m", AttributeValue.fromM(Map.of("a", n(1), "nest", AttributeValue.fromM(Map.of("z", s("deep"))))));
        m.put("t", AttributeValue.fromBool(true));
        m.put("nul", AttributeValue.fromNul(true));
        return m;
    }

    static final Map<String, AttributeValue> VALUES = new HashMap<>();
    static {
        VALUES.put(":n5", n(5));
        VALUES.put(":n1", n(1));
        VALUES.put(":n9", n(9));
        VALUES.put(":s", s("hello"));
        VALUES.put(":he", s("he"));
        VALUES.put(":red", s("red"));
        VALUES.put(":reds", AttributeValue.fromSs(List.of("red", "green")));
        VALUES.put(":x", s("x"));
        VALUES.put(":S", s("S"));
        VALUES.put(":L", s("L"));
        VALUES.put(":NULL", s("NULL"));
        VALUES.put(":b12", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[]{1, 2})));
        VALUES.put(":two", n(2));
        VALUES.put(":t", AttributeValue.fromBool(true));
        VALUES.put(":deep", s("deep"));
    }

    static Map<String, AttributeValue> used(String expr) {
        Map<String, AttributeValue> v = new HashMap<>();
        VALUES.forEach((k, val) -> { if (expr.matches(".*" + java.util.regex.Pattern.quote(k) + "(?![A-Za-z0-9_]).*")) v.put(k, val); });
        return v;
    }

    static String condOutcome(DynamoDbClient c, String expr) {
        c.putItem(b -> b.tableName("diffexpr").item(base()));
        try {
            Map<String, AttributeValue> v = used(expr);
            c.putItem(b -> b.tableName("diffexpr").item(base()).conditionExpression(expr).expressionAttributeValues(v.isEmpty() ? null : v));
            return "true";
        } catch (ConditionalCheckFailedException e) {
            return "false";
        } catch (DynamoDbException e) {
            return "error " + e.awsErrorDetails().errorCode();
        }
    }

    @Test
    @DisplayName("Condition expressions evaluate the same as dynalite (comparators, absent attributes, types, functions, paths)")
    void conditions() {
        List<String> exprs = List.of("n = :n5", "n <> :n5", "n < :n9", "n > :n9", "n <= :n5", "n >= :n5", "n = :s", "n < :s",
                "absent = :n5", "absent <> :n5", "absent < :n5", "NOT absent = :n5", "s BETWEEN :he AND :s", "n BETWEEN :n1 AND :n9",
                "n IN (:n1, :n5)", "s IN (:n1, :he)", "attribute_exists(n)", "attribute_exists(absent)", "attribute_not_exists(absent)",
                "attribute_type(s, :S)", "attribute_type(l, :L)", "attribute_type(nul, :NULL)", "attribute_type(n, :S)",
                "begins_with(s, :he)", "begins_with(b, :b12)", "begins_with(n, :he)", "contains(s, :he)", "contains(ss, :red)",
                "contains(l, :x)", "contains(l, :two)", "contains(ns, :two)", "contains(n, :n5)", "size(s) = :n5", "size(ss) = :two",
                "size(l) > :two", "size(m) = :two", "size(b) = :two", "size(absent) = :n1", "l[0] = :x", "l[2].c > :two", "l[9] = :x",
                "m.nest.z = :deep", "m.a = :n1 AND (n = :n1 OR t = :t)", "NOT (n = :n1 OR n = :two)", "n = :n5 AND NOT s = :he",
                "t = :t", "t <> :t", "nul = :t");
        List<String> diffs = new ArrayList<>();
        Map<String, Integer> outcomes = new TreeMap<>();
        for (String e : exprs) {
            String a = condOutcome(theirs, e), b = condOutcome(ours, e);
            outcomes.merge(b, 1, Integer::sum);
            if (b.startsWith("error")) System.out.println("  condition error: " + e + " -> " + b);
            if (!a.equals(b)) diffs.add(e + ": dynalite " + a + ", stand-in " + b);
        }
        assertEquals(List.of(), diffs);
        System.out.println("condition outcomes: " + outcomes);
        org.junit.jupiter.api.Assertions.assertTrue(outcomes.getOrDefault("true", 0) > 10 && outcomes.getOrDefault("false", 0) > 10, outcomes::toString);
    }

    static String updateOutcome(DynamoDbClient c, String expr) {
        c.putItem(b -> b.tableName("diffexpr").item(base()));
        try {
            Map<String, AttributeValue> v = used(expr);
            UpdateItemResponse r = c.updateItem(b -> b.tableName("diffexpr").key(Ops.key("k", "k")).updateExpression(expr)
                    .expressionAttributeValues(v.isEmpty() ? null : v).returnValues(ReturnValue.ALL_NEW));
            return Ops.canon(r.attributes());
        } catch (DynamoDbException e) {
            return "error " + e.awsErrorDetails().errorCode();
        }
    }

    @Test
    @DisplayName("Update expressions give the same items as dynalite (SET arithmetic and functions, REMOVE, ADD, DELETE, nested paths)")
    void updates() {
        List<String> exprs = List.of("SET n = n + :n5", "SET n = :n9 - n", "SET x = if_not_exists(x, :n1)", "SET n = if_not_exists(n, :n1)",
                "SET l = list_append(l, l)", "SET l[1] = :x", "SET l[7] = :x", "SET m.a = :two, m.newkey = :s", "SET m.nest.z = :x",
                "REMOVE l[0], m.a", "REMOVE absent", "ADD n :two", "ADD newn :two", "ADD ns :two", "DELETE ss :reds", "REMOVE l[1] SET n = :n1",
                "SET s = n + :n1", "SET a = absent + :n1", "ADD s :n1", "SET nope.x = :n1", "SET #x = :n1".replace("#x", "xx"), "ADD ss :reds", "DELETE ss :red", "ADD ss :red");
        List<String> diffs = new ArrayList<>();
        int errors = 0;
        for (String e : exprs) {
            String a = updateOutcome(theirs, e), b = updateOutcome(ours, e);
            if (b.startsWith("error")) { errors++; System.out.println("  update error: " + e + " -> " + b); }
            if (!a.equals(b)) diffs.add(e + ": dynalite " + a + ", stand-in " + b);
        }
        assertEquals(List.of(), diffs);
        System.out.println("update expressions: " + exprs.size() + ", of which errors on both: " + errors);
        org.junit.jupiter.api.Assertions.assertTrue(errors < 9);
    }

    @Test
    @DisplayName("Sort-key order (N numerically, S and B by unsigned bytes) is the same as dynalite")
    void ordering() {
        List<AttributeValue> ns = new ArrayList<>(), ss = new ArrayList<>(), bs = new ArrayList<>();
        Random r = new Random(42);
        for (int i = 0; i < 60; i++) {
            ns.add(n(new java.math.BigDecimal(r.nextGaussian() * Math.pow(10, r.nextInt(12) - 4)).round(new java.math.MathContext(1 + r.nextInt(20))).toString()));
            StringBuilder sb = new StringBuilder();
            String[] parts = {"a", "Z", "é", "€", "\uD83D\uDE00", "_", "0", "~", "\uFFFD"};
            for (int j = 0; j <= r.nextInt(4); j++) sb.append(parts[r.nextInt(parts.length)]);
            ss.add(s(sb.toString()));
            byte[] b = new byte[1 + r.nextInt(3)];
            r.nextBytes(b);
            bs.add(AttributeValue.fromB(SdkBytes.fromByteArray(b)));
        }
        for (Map.Entry<String, List<AttributeValue>> e : Map.of("orderN", ns, "orderS", ss, "orderB", bs).entrySet()) {
            List<String> res = new ArrayList<>();
            for (DynamoDbClient c : List.of(theirs, ours)) {
                for (AttributeValue v : e.getValue()) c.putItem(b -> b.tableName(e.getKey()).item(Map.of("pk", s("p"), "sk", v)));
                QueryResponse q = c.query(b -> b.tableName(e.getKey()).keyConditionExpression("pk = :p").expressionAttributeValues(Map.of(":p", s("p"))));
                res.add(q.items().stream().map(i -> Ops.canon(i.get("sk"))).toList().toString());
            }
            assertEquals(res.get(0), res.get(1), e.getKey());
        }
    }
}
