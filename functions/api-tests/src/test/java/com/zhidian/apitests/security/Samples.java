package com.zhidian.apitests.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zhidian.apitests.support.Fixtures;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * A valid JSON value for a schema of the spec: required properties, enums, patterns, formats and
 * bounds respected. Fields that name objects (storeId, storeIds, memberId, ...) are filled from a
 * {@link Refs} so a body can point at the caller's own objects or, in a probe, at another tenant's.
 * Fields whose rule the schema cannot say (a unique email, an IANA zone) come from {@link #KNOWN}.
 */
public final class Samples {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** Object references by field name: {@code storeId → "st_..."}; a list field gets a one-item list. */
    public interface Refs {
        String ref(String typeName);
    }

    /** Field name → the object type it references (a field named like a registry entry, or its plural). */
    public static String refType(String field) {
        if (ObjectRegistry.byParam(field) != null) return field;
        if (field.endsWith("s") && ObjectRegistry.byParam(field.substring(0, field.length() - 1)) != null) {
            return field.substring(0, field.length() - 1);
        }
        return null;
    }

    /** Field name → a valid value the schema alone cannot produce. */
    static final Map<String, Function<Random, JsonNode>> KNOWN = Map.ofEntries(
            known("timeZone", r -> F.textNode("Asia/Shanghai")),
            known("email", r -> F.textNode(Fixtures.uniqueEmail("s"))),
            known("phone", r -> F.textNode(Fixtures.uniquePhone())),
            known("birthday", r -> F.textNode("1990-05-01")),
            known("reason", r -> F.textNode("测试")),
            known("month", r -> F.textNode("2026-11")),
            // HH:mm of the sensors' alert settings and the campaigns' quiet hours (the pattern's alternation is beyond RegexSample)
            known("defrostStart", r -> F.textNode("03:00")),
            known("opensAt", r -> F.textNode("08:00")),
            known("quietHoursFrom", r -> F.textNode("21:00")),
            known("quietHoursUntil", r -> F.textNode("08:00")),
            known("closesAt", r -> F.textNode("22:00")),
            // a merchant's unified social credit code with its check character; a complaint's time within the last year
            known("licenceNo", r -> F.textNode(com.zhidian.apitests.merchants.MerchantsFixture.licence())),
            known("happenedAt", r -> F.textNode(java.time.Instant.now().minusSeconds(3600).toString())),
            // parking: a Chinese plate (its province characters and the letters never used are beyond the schema), a Stripe test card
            known("plate", r -> F.textNode(com.zhidian.apitests.parking.ParkingFixture.plate())),
            known("paymentMethod", r -> F.textNode("pm_card_visa")),
            // office: each of a patrol route's times of day (an item of "times": HH:mm, an alternation beyond RegexSample)
            known("time", r -> F.textNode("21:30")),
            // guide: an event's end, after its start (the schema's date-time sample is "now" for both)
            known("endsAt", r -> F.textNode(OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(2).withNano(0).toString())));

    private Samples() {}

    private static Map.Entry<String, Function<Random, JsonNode>> known(String field, Function<Random, JsonNode> value) {
        return Map.entry(field, value);
    }

    /** Required properties only (plus what minProperties needs). */
    public static JsonNode of(Map<String, Object> schema, Refs refs, Random rnd) {
        return value(null, schema, refs, rnd, true);
    }

    /** Required properties plus every optional property that references an object {@code refs} can name. */
    public static JsonNode withRefs(Map<String, Object> schema, Refs refs, Random rnd) {
        return value(null, schema, refs, rnd, false);
    }

    /** The object types a body of this schema can reference (storeId, memberIds, ...). */
    public static java.util.Set<String> referencedTypes(Map<String, Object> schema) {
        java.util.Set<String> asked = new java.util.TreeSet<>();
        value(null, schema, t -> { asked.add(t); return "x"; }, new Random(0), false);
        return asked;
    }

    @SuppressWarnings("unchecked")
    static JsonNode value(String field, Object schemaObj, Refs refs, Random rnd, boolean requiredOnly) {
        Map<String, Object> s = (Map<String, Object>) SpecOps.resolve(schemaObj == null ? Map.of() : schemaObj);
        if (field != null) {
            String ref = refType(field);
            if (ref != null && refs != null) {
                String id = refs.ref(ref);
                if (id != null) {
                    if ("array".equals(type(s))) return F.arrayNode().add(id);
                    return F.textNode(id);
                }
            }
            Function<Random, JsonNode> known = KNOWN.get(field);
            if (known != null && !"object".equals(type(s)) && !"array".equals(type(s)) && !s.containsKey("enum")) {
                return known.apply(rnd);
            }
        }
        if (s.containsKey("const")) return Specsish.toNode(s.get("const"));
        if (s.get("enum") instanceof List<?> e && !e.isEmpty()) return Specsish.toNode(e.get(0));
        if (s.get("allOf") instanceof List<?> all && !all.isEmpty()) return value(field, all.get(0), refs, rnd, requiredOnly);
        if (s.get("oneOf") instanceof List<?> one && !one.isEmpty()) return value(field, one.get(0), refs, rnd, requiredOnly);
        if (s.get("anyOf") instanceof List<?> any && !any.isEmpty()) return value(field, any.get(0), refs, rnd, requiredOnly);
        String t = type(s);
        switch (t) {
            case "object": {
                ObjectNode o = F.objectNode();
                Map<String, Object> props = (Map<String, Object>) s.getOrDefault("properties", Map.of());
                List<Object> required = (List<Object>) s.getOrDefault("required", List.of());
                for (Map.Entry<String, Object> p : props.entrySet()) {
                    boolean req = required.contains(p.getKey());
                    boolean fillable = refType(p.getKey()) != null && refs != null && refs.ref(refType(p.getKey())) != null;
                    if (req || (!requiredOnly && fillable)) o.set(p.getKey(), value(p.getKey(), p.getValue(), refs, rnd, requiredOnly));
                }
                int min = ((Number) s.getOrDefault("minProperties", 0)).intValue();
                for (Map.Entry<String, Object> p : props.entrySet()) {
                    if (o.size() >= min) break;
                    if (!o.has(p.getKey())) o.set(p.getKey(), value(p.getKey(), p.getValue(), refs, rnd, requiredOnly));
                }
                return o;
            }
            case "array": {
                ArrayNode a = F.arrayNode();
                int n = Math.max(1, ((Number) s.getOrDefault("minItems", 1)).intValue());
                for (int i = 0; i < n; i++) a.add(value(singular(field), s.get("items"), refs, rnd, requiredOnly));
                return a;
            }
            case "integer": {
                long min = s.get("minimum") instanceof Number n ? n.longValue() : 1;
                long max = s.get("maximum") instanceof Number n ? n.longValue() : Math.max(min, 100);
                return F.numberNode(Math.max(min, Math.min(max, Math.max(1, min))));
            }
            case "number":
                return F.numberNode(s.get("minimum") instanceof Number n ? Math.max(1, n.longValue()) : 1);
            case "boolean":
                return F.booleanNode(true);
            case "null":
                return F.nullNode();
            default:
                return F.textNode(string(s, rnd));
        }
    }

    private static String singular(String field) {
        return field != null && field.endsWith("s") ? field.substring(0, field.length() - 1) : field;
    }

    static String string(Map<String, Object> s, Random rnd) {
        String format = (String) s.get("format");
        if ("email".equals(format)) return Fixtures.uniqueEmail("s");
        if ("date-time".equals(format)) return OffsetDateTime.now(ZoneOffset.ofHours(8)).withNano(0).toString();
        if ("date".equals(format)) return "2026-01-15";
        if (s.get("pattern") instanceof String p) return RegexSample.of(p, rnd);
        int min = s.get("minLength") instanceof Number n ? n.intValue() : 1;
        int max = s.get("maxLength") instanceof Number n ? n.intValue() : 64;
        StringBuilder sb = new StringBuilder("样例");
        while (sb.length() < min) sb.append('x');
        return sb.length() > max ? sb.substring(0, Math.max(min, max)) : sb.toString();
    }

    /** The schema's type; the first non-null of a type list; guessed from its keywords when absent. */
    @SuppressWarnings("unchecked")
    public static String type(Map<String, Object> s) {
        Object t = s.get("type");
        if (t instanceof String ts) return ts;
        if (t instanceof List<?> l) {
            for (Object o : l) if (!"null".equals(o)) return String.valueOf(o);
            return "null";
        }
        if (s.containsKey("properties")) return "object";
        if (s.containsKey("items")) return "array";
        return "string";
    }

    /** Schema → JSON helpers shared with the fuzzer. */
    static final class Specsish {
        private Specsish() {}

        static JsonNode toNode(Object v) {
            if (v == null) return F.nullNode();
            if (v instanceof Boolean b) return F.booleanNode(b);
            if (v instanceof Integer i) return F.numberNode(i);
            if (v instanceof Long l) return F.numberNode(l);
            if (v instanceof Number n) return F.numberNode(n.doubleValue());
            return F.textNode(String.valueOf(v));
        }
    }

    /** Properties of an object schema (resolved), in declared order. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> properties(Map<String, Object> schema) {
        Map<String, Object> s = (Map<String, Object>) SpecOps.resolve(schema);
        return (Map<String, Object>) s.getOrDefault("properties", Map.of());
    }

    @SuppressWarnings("unchecked")
    public static List<String> required(Map<String, Object> schema) {
        Map<String, Object> s = (Map<String, Object>) SpecOps.resolve(schema);
        List<String> out = new ArrayList<>();
        for (Object o : (List<Object>) s.getOrDefault("required", List.of())) out.add(String.valueOf(o));
        return out;
    }
}
