package com.zhidian.local.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** DynamoDB JSON ({"S":"x"}, {"N":"1"}, ...) to and from {@link Av}. */
final class Codec {
    private Codec() {}

    /** Attribute names may be 64 KB long (Developer Guide, naming rules): past Jackson's default 50,000-char name limit. */
    static final ObjectMapper MAPPER = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
            .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder().maxNameLength(65_536).build()).build());
    static final JsonNodeFactory F = JsonNodeFactory.instance;

    static Map<String, Av> item(JsonNode n) {
        return item(n, 0);
    }

    private static Map<String, Av> item(JsonNode n, int depth) {
        if (n == null || n.isNull()) return null;
        if (!n.isObject()) throw new DynamoException("SerializationException", 400, "Expected an object for item");
        LinkedHashMap<String, Av> m = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = n.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            m.put(e.getKey(), value(e.getValue(), depth));
        }
        return m;
    }

    static Av value(JsonNode n) {
        return value(n, 0);
    }

    private static Av value(JsonNode n, int depth) {
        if (n == null || !n.isObject())
            throw new DynamoException("SerializationException", 400, "Unexpected value type in payload");
        if (n.size() != 1) {
            throw new DynamoException.Validation(n.size() == 0
                    ? "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes"
                    : "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
        }
        Map.Entry<String, JsonNode> e = n.fields().next();
        JsonNode x = e.getValue();
        switch (e.getKey()) {
            case "S": return Av.s(text(x));
            case "N": return Av.n(text(x));
            case "B": return Av.b(bytes(x));
            case "BOOL":
                if (!x.isBoolean()) throw new DynamoException("SerializationException", 400, "BOOL must be a boolean");
                return Av.bool(x.booleanValue());
            case "NULL":
                if (!x.isBoolean() || !x.booleanValue())
                    throw new DynamoException.Validation("One or more parameter values were invalid: Null attribute value types must have the value of true");
                return Av.nul();
            case "M": {
                if (!x.isObject()) throw new DynamoException("SerializationException", 400, "M must be an object");
                if (depth >= 32) throw new DynamoException.Validation("Nesting Levels have exceeded supported limits");
                return Av.m(item(x, depth + 1));
            }
            case "L": {
                if (!x.isArray()) throw new DynamoException("SerializationException", 400, "L must be an array");
                if (depth >= 32) throw new DynamoException.Validation("Nesting Levels have exceeded supported limits");
                ArrayList<Av> l = new ArrayList<>(x.size());
                for (JsonNode c : x) l.add(value(c, depth + 1));
                return Av.l(l);
            }
            case "SS": {
                LinkedHashSet<String> s = new LinkedHashSet<>();
                for (JsonNode c : array(x, "string")) if (!s.add(text(c))) dup(x);
                return Av.ss(s);
            }
            case "NS": {
                LinkedHashSet<BigDecimal> s = new LinkedHashSet<>();
                for (JsonNode c : array(x, "number")) if (!s.add(Numbers.parse(text(c)))) dup(x);
                return Av.ns(s);
            }
            case "BS": {
                LinkedHashSet<Av.Bytes> s = new LinkedHashSet<>();
                for (JsonNode c : array(x, "binary")) if (!s.add(bytes(c))) dup(x);
                return Av.bs(s);
            }
            default:
                throw new DynamoException("SerializationException", 400, "Unknown attribute value type " + e.getKey());
        }
    }

    private static void dup(JsonNode x) {
        throw new DynamoException.Validation("One or more parameter values were invalid: Input collection " + x + " contains duplicates.");
    }

    private static ArrayNode array(JsonNode x, String what) {
        if (!x.isArray()) throw new DynamoException("SerializationException", 400, "set must be an array");
        if (x.size() == 0)
            throw new DynamoException.Validation("One or more parameter values were invalid: An " + what + " set  may not be empty");
        return (ArrayNode) x;
    }

    private static String text(JsonNode x) {
        if (x == null || !x.isTextual()) throw new DynamoException("SerializationException", 400, "Expected a string value");
        return x.textValue();
    }

    private static Av.Bytes bytes(JsonNode x) {
        try {
            return Av.Bytes.ofBase64(text(x));
        } catch (IllegalArgumentException e) {
            throw new DynamoException("SerializationException", 400, "Base64 encoded length is expected a multiple of 4 bytes");
        }
    }

    static ObjectNode toJson(Map<String, Av> item) {
        ObjectNode o = F.objectNode();
        for (Map.Entry<String, Av> e : item.entrySet()) o.set(e.getKey(), toJson(e.getValue()));
        return o;
    }

    static ObjectNode toJson(Av a) {
        ObjectNode o = F.objectNode();
        switch (a.type) {
            case S: o.put("S", a.str()); break;
            case N: o.put("N", Numbers.format(a.num())); break;
            case B: o.put("B", a.bin().base64()); break;
            case BOOL: o.put("BOOL", (Boolean) a.v); break;
            case NULL: o.put("NULL", true); break;
            case M: o.set("M", toJson(a.map())); break;
            case L: {
                ArrayNode l = o.putArray("L");
                for (Av c : a.list()) l.add(toJson(c));
                break;
            }
            case SS: { ArrayNode l = o.putArray("SS"); for (Object s : a.set()) l.add((String) s); break; }
            case NS: { ArrayNode l = o.putArray("NS"); for (Object s : a.set()) l.add(Numbers.format((BigDecimal) s)); break; }
            case BS: { ArrayNode l = o.putArray("BS"); for (Object s : a.set()) l.add(((Av.Bytes) s).base64()); break; }
        }
        return o;
    }

    static List<Map<String, Av>> items(JsonNode arr) {
        ArrayList<Map<String, Av>> l = new ArrayList<>();
        if (arr != null) for (JsonNode n : arr) l.add(item(n));
        return l;
    }
}
