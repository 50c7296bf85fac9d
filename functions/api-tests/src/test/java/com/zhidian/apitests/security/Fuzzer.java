package com.zhidian.apitests.security;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Seeded generation of bad requests for one operation of the spec: case {@code i} depends only on the seed,
 * {@code i} and the operation, so any failing case is replayed with the same {@code -Dfuzz.seed}.
 */
final class Fuzzer {
    static final long MAX_BODY = 262_144;
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final ObjectMapper ESCAPED = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final Set<Integer> TOO_LARGE = Set.of(413);
    private static final Set<Integer> UNSUPPORTED = Set.of(415);

    /** The caller's objects for path parameters and body references, and a cursor of another scope. */
    record Ctx(Map<String, String> path, Samples.Refs refs, Map<String, String> foreignIds, String foreignCursor) {}

    private final long seed;

    Fuzzer(long seed) {
        this.seed = seed;
    }

    FuzzCase generate(int index, SpecOps.Op op, Ctx ctx) {
        Random r = new Random(seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + op.key().hashCode());
        List<String> kinds = new ArrayList<>();
        boolean delete = op.method().equals("DELETE");
        if (!op.pathParamNames().isEmpty()) kinds.add("path");
        if (!delete) {
            kinds.add("query");
            if (op.hasBody()) {
                for (int k = 0; k < 6; k++) kinds.add("field");
                kinds.add("body");
                kinds.add("body");
                kinds.add("content-type");
                kinds.add("bytes");
            }
            if (op.method().equals("POST")) kinds.add("idempotency-key");
        }
        String kind = kinds.get(r.nextInt(kinds.size()));
        return switch (kind) {
            case "path" -> path(index, op, ctx, r);
            case "query" -> query(index, op, ctx, r);
            case "field" -> field(index, op, ctx, r);
            case "body" -> wholeBody(index, op, ctx, r);
            case "content-type" -> contentType(index, op, ctx, r);
            case "bytes" -> bytes(index, op, ctx, r);
            default -> idempotencyKey(index, op, ctx, r);
        };
    }

    // ------------------------------------------------------------------------------------------- kinds

    private FuzzCase path(int i, SpecOps.Op op, Ctx ctx, Random r) {
        List<String> names = op.pathParamNames();
        String name = names.get(r.nextInt(names.size()));
        String[] junk = {"x".repeat(65), "x".repeat(3000), "%00", "..", "%2e%2e", "%2F", "%2Fetc%2Fpasswd", "T%23tn_x%23STORE",
                "%20", "%ED%A0%80", "%FF", "%C0%AF", "%27%20OR%20%271%27%3D%271", "null", "undefined", "-1", "0", "*",
                "%F0%9F%98%80", "a%0Ab", "%E2%80%AE", "%EF%BB%BF", "st_doesnotexist", "mb_doesnotexist", "tn_doesnotexist",
                "%7B%7D", "%24%7Bjndi%3Aldap%3A%2F%2Fx%7D", "..%252f", "%25", "%2525"};
        String value;
        String detail;
        if (r.nextInt(6) == 0 && ctx.foreignIds().containsKey(name) && !op.roles().contains("provider_admin")) {
            value = ctx.foreignIds().get(name);
            detail = "another tenant's " + name;
        } else {
            value = junk[r.nextInt(junk.length)];
            detail = name + "=" + value;
        }
        Map<String, String> values = new java.util.LinkedHashMap<>(encoded(ctx.path()));
        values.put(name, value);
        JsonNode body = op.hasBody() ? Samples.withRefs(op.bodySchema(), ctx.refs(), r) : null;
        return new FuzzCase(i, op, "path", detail, op.method(), op.fill(values), body == null ? null : "application/json",
                body == null ? null : utf8(PLAIN, body), key(op), true, Set.of(400, 404), null);
    }

    private FuzzCase query(int i, SpecOps.Op op, Ctx ctx, Random r) {
        String base = op.fill(encoded(ctx.path()));
        List<String[]> options = new ArrayList<>();   // {query, mustRefuse}
        if (op.hasQuery("limit")) {
            for (String v : new String[] {"0", "-1", "201", "abc", "1.5", "1e2", "99999999999999999999", "%205", "5%20",
                    "%EF%BC%95", "0x10", "1,2", "%00", "-0", "+5"}) options.add(new String[] {"limit=" + v, "true"});
            options.add(new String[] {"limit=", "false"});
            options.add(new String[] {"limit=200", "false"});
            options.add(new String[] {"limit=1&limit=2", "true"});
        }
        if (op.hasQuery("cursor")) {
            for (String v : new String[] {"garbage", "a.b", ".", "..", "eyJwayI6IlQjeCJ9", "eyJwayI6IlQjeCJ9.AAAA",
                    "x".repeat(5000), "%00", "%ED%A0%80", "%FF%FE", "eyJwayI6IlQjeCMiLCJzayI6IngifQ.", "null", "%7B%7D"}) {
                options.add(new String[] {"cursor=" + v, "true"});
            }
            if (ctx.foreignCursor() != null && !op.key().equals("GET /admin/tenants")) {
                options.add(new String[] {"cursor=" + ctx.foreignCursor(), "true"});
            }
            options.add(new String[] {"cursor=", "false"});
        }
        for (SpecOps.Param p : op.queryParams()) {
            if (p.name().equals("limit") || p.name().equals("cursor")) continue;
            for (String v : new String[] {"", "x".repeat(3000), "%00", "%ED%A0%80", "%E2%80%AE%E2%80%8B", "%F0%9F%98%80", "-1",
                    "2026-13", "abc", "%27%3B--"}) {
                String decoded = java.net.URLDecoder.decode(v.replace("%ED%A0%80", "").replace("%00", "\u0000"), StandardCharsets.UTF_8);
                boolean invalid = !v.isEmpty() && (v.contains("%ED") || v.contains("%00")
                        || SchemaCheck.check(p.schema(), F.textNode(decoded)) == SchemaCheck.Verdict.INVALID);
                options.add(new String[] {p.name() + "=" + v, String.valueOf(invalid)});
            }
        }
        options.add(new String[] {"unknownParam=1", "false"});
        options.add(new String[] {"tenantId=tn_other", "false"});
        options.add(new String[] {"%00=%00", "false"});
        String[] pick = options.get(r.nextInt(options.size()));
        JsonNode body = op.hasBody() ? Samples.withRefs(op.bodySchema(), ctx.refs(), r) : null;
        return new FuzzCase(i, op, "query", pick[0].length() > 80 ? pick[0].substring(0, 80) + "…" : pick[0], op.method(),
                base + "?" + pick[0], body == null ? null : "application/json", body == null ? null : utf8(PLAIN, body), key(op),
                Boolean.parseBoolean(pick[1]), null, null);
    }

    /** One field of a valid body removed, retyped, stretched, or filled with edge values; or an extra field added. */
    private FuzzCase field(int i, SpecOps.Op op, Ctx ctx, Random r) {
        JsonNode body = Samples.withRefs(op.bodySchema(), ctx.refs(), r);
        List<String> paths = new ArrayList<>();
        collect(body, "", paths);
        String target = paths.get(r.nextInt(paths.size()));
        String mutation;
        String fieldNamed = target;
        int choice = r.nextInt(10);
        JsonNode parent = parentOf(body, target);
        String last = lastSegment(target);
        if (target.isEmpty() || choice == 0) {
            // an unknown field next to the target (or at the top)
            JsonNode obj = target.isEmpty() ? body : (locate(body, target).isObject() ? locate(body, target) : parent);
            String where = obj == body ? "" : (locate(body, target).isObject() ? target : parentPath(target));
            String name = pick(r, "zzUnknown", "__proto__", "constructor", "$where", "tenantId", "isAdmin", "", " ", "名前", "a.b", "a[0]");
            if (obj instanceof ObjectNode o && !o.has(name)) {
                o.set(name, edgeValue(r));
                mutation = "extra field \"" + name + "\"";
                fieldNamed = where.isEmpty() ? name : where + "." + name;
            } else {
                mutation = "no-op";
            }
        } else if (choice == 1 && parent instanceof ObjectNode po) {
            po.remove(last);
            mutation = "removed";
        } else if (choice == 2) {
            JsonNode v = pick(r, F.numberNode(1), F.booleanNode(true), F.nullNode(), F.arrayNode(), F.objectNode(),
                    F.textNode("1"), F.arrayNode().add("x"), F.numberNode(1.5));
            set(body, target, v);
            mutation = "type → " + v;
        } else if (choice == 3) {
            int n = pick(r, 65, 101, 201, 257, 1025, 5000, 100_000, 300_000);
            String unit = r.nextBoolean() ? "x" : "店";
            set(body, target, F.textNode(unit.repeat(n)));
            mutation = "string of " + n + " × " + unit;
        } else if (choice == 4 || choice == 5) {
            String s = pick(r, "\uD800", "\uDC00", "a\uDBFF", "\uDC00\uD800", "\u0000", "a\u0007b", "\u001b[31mred", "\u007f",
                    "\u202Eevil\u202C", "\u200B", "\u200B\u200C\u200D\uFEFF", "\u2066x\u2069", "👩‍👩‍👧‍👦", "𝕏𝔸", "e\u0301\u0301\u0301",
                    "Z̴̡̢͖͔̪͙a̷̢͍͈͇l̷̢̨̡͕g̸o̵", "\uFFFF", "\uFFFE", "\uFDD0", "ﷺ", "𠀀𪚥", "\t\n", " ", "", "١٢٣", "Ⅻ", "１２３", "\u00A0",
                    "' OR '1'='1", "${jndi:ldap://x/a}", "<script>alert(1)</script>", "../../etc/passwd", "%00", "\\u0000");
            set(body, target, F.textNode(s));
            mutation = "text " + visible(s);
        } else if (choice == 6 || choice == 7) {
            JsonNode n = pick(r, F.numberNode(-1), F.numberNode(0), F.numberNode(Integer.MAX_VALUE + 1L), F.numberNode(1L << 53),
                    F.numberNode(Long.MAX_VALUE), F.numberNode(new BigInteger("9223372036854775808")), F.numberNode(Long.MIN_VALUE),
                    F.numberNode(new BigInteger("-9223372036854775809")), F.numberNode(new BigDecimal("1e309")),
                    F.numberNode(new BigDecimal("-0.0")), F.numberNode(new BigDecimal("0.5")), F.numberNode(new BigDecimal("1E+2")),
                    F.numberNode(1_000_000_001L), F.numberNode(-1_000_000_001L), F.numberNode(new BigInteger("1" + "0".repeat(400))));
            set(body, target, n);
            mutation = "number " + n;
        } else if (choice == 8) {
            set(body, target, F.textNode(""));
            mutation = "empty string";
        } else {
            JsonNode cur = locate(body, target);
            if (cur != null && cur.isArray()) {
                ArrayNode a = (ArrayNode) cur;
                int n = pick(r, 0, 51, 201, 1000);
                a.removeAll();
                for (int k = 0; k < n; k++) a.add(k % 2 == 0 ? F.textNode("st_x" + k) : F.objectNode());
                mutation = "array of " + n;
            } else {
                set(body, target, F.arrayNode().add(cur == null ? F.nullNode() : cur));
                mutation = "wrapped in an array";
            }
        }
        SchemaCheck.Verdict v = SchemaCheck.check(op.bodySchema(), body);
        boolean escaped = r.nextBoolean() || hasLoneSurrogate(body);
        byte[] bytes = utf8(escaped ? ESCAPED : PLAIN, body);
        boolean big = bytes.length > MAX_BODY;
        return new FuzzCase(i, op, "field", (target.isEmpty() ? "(top)" : target) + ": " + mutation, op.method(),
                op.fill(encoded(ctx.path())), "application/json", bytes, key(op), big || v == SchemaCheck.Verdict.INVALID,
                big ? TOO_LARGE : null, big || v != SchemaCheck.Verdict.INVALID ? null : fieldNamed);
    }

    private FuzzCase wholeBody(int i, SpecOps.Op op, Ctx ctx, Random r) {
        String valid = new String(utf8(PLAIN, Samples.withRefs(op.bodySchema(), ctx.refs(), r)), StandardCharsets.UTF_8);
        int cut = valid.length() <= 1 ? 0 : 1 + r.nextInt(valid.length() - 1);
        String[] bodies = {"", " ", "{", "}", "[", "{\"a\":}", "{\"a\" 1}", "{'a':1}", "{a:1}", "null", "true", "0", "-1", "\"text\"",
                "[]", "[{}]", "[" + valid + "]", valid.substring(0, cut), valid + "x", valid + valid, "\uFEFF" + valid,
                "/*c*/" + valid, "{\"n\": NaN}", "{\"n\": Infinity}", "{\"n\": 1e999999999}", "{\"a\":1,}", "{,}",
                "[".repeat(5000) + "]".repeat(5000), "{\"a\":".repeat(3000) + "1" + "}".repeat(3000),
                "{\"a\":\"" + "\\u0000".repeat(10) + "\"}", "{\"\\ud800\":1}", "{\"a\":\"\\ud800\"}", "{\"a\":\"\\x41\"}",
                "{\"a\":\"\\u12\"}", "\u0000", "{}" + "\u0000", "<xml/>", "a=1&b=2", "{\"a\":1}\n{\"b\":2}",
                "{" + "\"k\":1,".repeat(20_000) + "\"k\":2}", "{\"big\":\"" + "x".repeat(300_000) + "\"}"};
        int pickIndex = r.nextInt(bodies.length);
        String text = bodies[pickIndex];
        boolean big = text.getBytes(StandardCharsets.UTF_8).length > MAX_BODY;
        return new FuzzCase(i, op, "body", visible(text.length() > 60 ? text.substring(0, 60) + "…" : text), op.method(),
                op.fill(encoded(ctx.path())), "application/json", text.getBytes(StandardCharsets.UTF_8), key(op),
                true, big ? TOO_LARGE : null, null);
    }

    private FuzzCase contentType(int i, SpecOps.Op op, Ctx ctx, Random r) {
        byte[] valid = utf8(PLAIN, Samples.withRefs(op.bodySchema(), ctx.refs(), r));
        String[] refused = {"text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                "application/octet-stream", "text/html", "image/png", "application/x-json-stream", "text/csv"};
        String[] accepted = {"application/json; charset=utf-8", "APPLICATION/JSON", "application/problem+json", "application/merge-patch+json"};
        boolean bad = r.nextInt(4) != 0;
        String ct = bad ? refused[r.nextInt(refused.length)] : accepted[r.nextInt(accepted.length)];
        return new FuzzCase(i, op, "content-type", ct, op.method(), op.fill(encoded(ctx.path())), ct, valid, key(op), bad,
                bad ? UNSUPPORTED : null, null);
    }

    /** Bytes that are not UTF-8 inside an otherwise valid JSON body: refused or replaced, never a 500. */
    private FuzzCase bytes(int i, SpecOps.Op op, Ctx ctx, Random r) {
        JsonNode body = Samples.withRefs(op.bodySchema(), ctx.refs(), r);
        List<String> strings = new ArrayList<>();
        collect(body, "", strings);
        strings.removeIf(p -> locate(body, p) == null || !locate(body, p).isTextual());
        String marker = "@@BYTES@@";
        if (!strings.isEmpty()) set(body, strings.get(r.nextInt(strings.size())), F.textNode(marker));
        byte[][] junk = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0x80}, {(byte) 0xE2, (byte) 0x82}};
        byte[] j = junk[r.nextInt(junk.length)];
        String text = new String(utf8(PLAIN, body), StandardCharsets.UTF_8);
        int at = text.indexOf(marker);
        byte[] out;
        if (at < 0) {
            out = concat(text.getBytes(StandardCharsets.UTF_8), j);
        } else {
            byte[] before = text.substring(0, at).getBytes(StandardCharsets.UTF_8);
            byte[] after = text.substring(at + marker.length()).getBytes(StandardCharsets.UTF_8);
            out = concat(concat(before, j), after);
        }
        return new FuzzCase(i, op, "bytes", "invalid UTF-8 " + java.util.HexFormat.of().formatHex(j), op.method(),
                op.fill(encoded(ctx.path())), "application/json", out, key(op), at < 0, null, null);
    }

    private FuzzCase idempotencyKey(int i, SpecOps.Op op, Ctx ctx, Random r) {
        String[] keys = {"", " ", "a b", "x".repeat(256), "x".repeat(2000), "\"quoted\"", "key\twith-tab", "%00"};
        String k = keys[r.nextInt(keys.length)];
        boolean invalid = !k.matches("[\\x21-\\x7e]{1,255}") && !k.strip().matches("[\\x21-\\x7e]{1,255}");
        JsonNode body = op.hasBody() ? Samples.withRefs(op.bodySchema(), ctx.refs(), r) : null;
        return new FuzzCase(i, op, "idempotency-key", k.length() > 20 ? k.length() + " chars" : "\"" + k + "\"", op.method(),
                op.fill(encoded(ctx.path())), body == null ? null : "application/json", body == null ? null : utf8(PLAIN, body), k,
                invalid, null, null);
    }

    // ------------------------------------------------------------------------------------------- JSON paths

    /** Paths of every value in the tree: "", "owner", "owner.email", "stores[0]", "stores[0].name". */
    private static void collect(JsonNode n, String path, List<String> out) {
        out.add(path);
        if (n.isObject()) n.fieldNames().forEachRemaining(f -> collect(n.get(f), path.isEmpty() ? f : path + "." + f, out));
        else if (n.isArray()) for (int k = 0; k < n.size(); k++) collect(n.get(k), path + "[" + k + "]", out);
    }

    private static List<Object> steps(String path) {
        List<Object> out = new ArrayList<>();
        if (path.isEmpty()) return out;
        for (String part : path.split("\\.")) {
            int b = part.indexOf('[');
            out.add(b < 0 ? part : part.substring(0, b));
            while (b >= 0) {
                int e = part.indexOf(']', b);
                out.add(Integer.parseInt(part.substring(b + 1, e)));
                b = part.indexOf('[', e);
            }
        }
        out.removeIf(s -> s instanceof String str && str.isEmpty());
        return out;
    }

    static JsonNode locate(JsonNode root, String path) {
        JsonNode cur = root;
        for (Object s : steps(path)) {
            if (cur == null) return null;
            cur = s instanceof Integer k ? cur.get(k) : cur.get((String) s);
        }
        return cur;
    }

    private static JsonNode parentOf(JsonNode root, String path) {
        List<Object> st = steps(path);
        if (st.isEmpty()) return null;
        JsonNode cur = root;
        for (Object s : st.subList(0, st.size() - 1)) cur = s instanceof Integer k ? cur.get(k) : cur.get((String) s);
        return cur;
    }

    private static String parentPath(String path) {
        int dot = path.lastIndexOf('.');
        int br = path.lastIndexOf('[');
        int cut = Math.max(dot, br);
        return cut < 0 ? "" : path.substring(0, cut);
    }

    private static String lastSegment(String path) {
        List<Object> st = steps(path);
        return st.isEmpty() ? "" : String.valueOf(st.get(st.size() - 1));
    }

    private static void set(JsonNode root, String path, JsonNode value) {
        List<Object> st = steps(path);
        if (st.isEmpty()) return;
        JsonNode parent = parentOf(root, path);
        Object last = st.get(st.size() - 1);
        if (parent instanceof ObjectNode o) o.set((String) last, value);
        else if (parent instanceof ArrayNode a) a.set((Integer) last, value);
    }

    // ------------------------------------------------------------------------------------------- helpers

    private static JsonNode edgeValue(Random r) {
        return pick(r, F.textNode("x"), F.numberNode(1), F.booleanNode(true), F.nullNode(), F.objectNode().put("admin", true), F.arrayNode());
    }

    private static Map<String, String> encoded(Map<String, String> values) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20")));
        return out;
    }

    private static String key(SpecOps.Op op) {
        return op.method().equals("POST") ? UUID.randomUUID().toString() : null;
    }

    private static byte[] utf8(ObjectMapper m, JsonNode body) {
        try {
            return m.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean hasLoneSurrogate(JsonNode n) {
        if (n.isTextual()) return !SchemaCheck.wellFormed(n.textValue().replaceAll("[\\x00-\\x1f\\x7f]", ""));
        for (JsonNode c : n) if (hasLoneSurrogate(c)) return true;
        var it = n.fieldNames();
        while (it.hasNext()) {
            String f = it.next();
            if (!SchemaCheck.wellFormed(f.replaceAll("[\\x00-\\x1f\\x7f]", ""))) return true;
        }
        return false;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @SafeVarargs
    private static <T> T pick(Random r, T... options) {
        return options[r.nextInt(options.length)];
    }

    static String visible(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c < 0x20 || c == 0x7f || Character.isSurrogate(c) || (c >= 0x200B && c <= 0x206F) || c == 0xFEFF) {
                sb.append(String.format("\\u%04X", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
