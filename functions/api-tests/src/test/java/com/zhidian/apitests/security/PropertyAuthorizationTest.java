package com.zhidian.apitests.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zhidian.apitests.security.World.Party;
import com.zhidian.apitests.support.Api;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * OWASP API3 (broken object property level authorization), driven by docs/openapi.yaml: into every request
 * body of every operation, at the top and in every nested object, goes one privileged or unknown field its
 * schema does not declare (tenantId, price, balance, role, status, memberId, ...). Each must be refused with
 * 400 naming that field (its path, e.g. {@code owner.role}), and nothing may change.
 */
class PropertyAuthorizationTest {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** The fields a client must never set itself, with a tempting value. */
    static Map<String, JsonNode> privileged(World w) {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        m.put("tenantId", F.textNode(w.b.tenantId()));
        m.put("price", F.numberNode(1));
        m.put("balance", F.numberNode(1_000_000));
        m.put("role", F.textNode("provider_admin"));
        m.put("status", F.textNode("active"));
        m.put("memberId", F.textNode(w.objectsB.id("memberId") == null ? "mb_foreign" : w.objectsB.id("memberId")));
        m.put("storeId", F.textNode(w.b.storeIds().get(0)));
        m.put("userId", F.textNode("us_chosen"));
        m.put("plan", F.textNode("premium"));
        m.put("createdAt", F.textNode("2000-01-01T00:00:00Z"));
        m.put("lifetimeEarned", F.numberNode(1_000_000));
        m.put("cardNo", F.textNode("0000000000000000"));
        m.put("custom:role", F.textNode("owner"));
        m.put("isAdmin", F.booleanNode(true));
        m.put("__proto__", F.objectNode().put("admin", true));
        // an order is priced and settled on the server only
        m.put("total", F.numberNode(1));
        m.put("unitPrice", F.numberNode(1));
        m.put("discount", F.numberNode(1_000_000));
        m.put("paid", F.numberNode(1_000_000));
        return m;
    }

    @Test
    void privilegedOrUnknownFields_inEveryBody_are400NamingTheField_andNeverApplied() {
        World w = World.get();
        Map<String, JsonNode> before = Snapshots.of(w);
        Random rnd = new Random(3);
        List<String> failures = new ArrayList<>();
        Set<String> ops = new TreeSet<>();
        int sent = 0;
        for (SpecOps.Op op : SpecOps.all()) {
            if (!op.hasBody()) continue;
            Party p = Snapshots.actorFor(w, op);
            if (p == null || op.pathParamNames().stream().anyMatch(n -> w.objectsA.id(n) == null)) continue;
            JsonNode valid = Samples.withRefs(op.bodySchema(), w.objectsA.refs(), rnd);
            List<String> objectPaths = new ArrayList<>();
            collectObjects(valid, op.bodySchema(), "", objectPaths);
            for (String at : objectPaths) {
                Set<String> declared = declaredAt(op.bodySchema(), at);
                for (Map.Entry<String, JsonNode> field : privileged(w).entrySet()) {
                    if (declared.contains(field.getKey())) continue;
                    JsonNode body = Samples.withRefs(op.bodySchema(), w.objectsA.refs(), rnd);   // fresh unique emails, phones
                    ((ObjectNode) locate(body, at)).set(field.getKey(), field.getValue());
                    String name = at.isEmpty() ? field.getKey() : at + "." + field.getKey();
                    Api.Res r = Calls.send(p.api(), op, w.objectsA.ids(), body);
                    sent++;
                    ops.add(op.key());
                    if (!namesField(r, name)) failures.add(p.name() + " " + op + " " + body + " → " + r.status() + " " + r.text());
                }
            }
        }
        Snapshots.compare(before, Snapshots.of(w), failures);
        System.out.printf("[security] property-level authorization: %d bodies with a privileged or unknown field over %d"
                + " operations, %d not refused with 400 naming the field%n", sent, ops.size(), failures.size());
        assertTrue(sent > 0);
        assertEquals(List.of(), failures);
    }

    static boolean namesField(Api.Res r, String field) {
        if (!Calls.isProblem(r, 400)) return false;
        for (JsonNode e : r.json().path("errors")) if (field.equals(e.path("field").asText())) return true;
        return false;
    }

    /** Paths ("", "owner", "stores[0]") of every object in a sample body whose schema is an object schema. */
    @SuppressWarnings("unchecked")
    private static void collectObjects(JsonNode node, Map<String, Object> schema, String path, List<String> out) {
        if (node == null || schema == null) return;
        Map<String, Object> s = (Map<String, Object>) SpecOps.resolve(schema);
        if (node.isObject()) {
            out.add(path);
            Map<String, Object> props = Samples.properties(s);
            node.fieldNames().forEachRemaining(f -> {
                Object ps = props.get(f);
                if (ps != null) collectObjects(node.get(f), (Map<String, Object>) SpecOps.resolve(ps), path.isEmpty() ? f : path + "." + f, out);
            });
        } else if (node.isArray() && node.size() > 0 && s.get("items") != null) {
            collectObjects(node.get(0), (Map<String, Object>) SpecOps.resolve(s.get("items")), path + "[0]", out);
        }
    }

    /** The property names the schema declares for the object at that path. */
    @SuppressWarnings("unchecked")
    private static Set<String> declaredAt(Map<String, Object> schema, String path) {
        Map<String, Object> s = (Map<String, Object>) SpecOps.resolve(schema);
        if (!path.isEmpty()) {
            for (String part : path.split("\\.")) {
                String name = part.replaceAll("\\[0]$", "");
                s = (Map<String, Object>) SpecOps.resolve(Samples.properties(s).get(name));
                if (part.endsWith("[0]")) s = (Map<String, Object>) SpecOps.resolve(s.get("items"));
            }
        }
        return Samples.properties(s).keySet();
    }

    private static JsonNode locate(JsonNode body, String path) {
        JsonNode cur = body;
        if (path.isEmpty()) return cur;
        for (String part : path.split("\\.")) {
            boolean first = part.endsWith("[0]");
            cur = cur.get(part.replaceAll("\\[0]$", ""));
            if (first) cur = ((ArrayNode) cur).get(0);
        }
        return cur;
    }
}
