package com.zhidian.local.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zhidian.local.aws.Json;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Stripe's request encoding (https://docs.stripe.com/api, "form-encoded request bodies"): flat pairs whose names carry
 * the nesting, {@code metadata[order]=o1}, {@code payment_method_types[]=card}, {@code items[0][price]=price_1}.
 * They are read into a JSON tree (objects for {@code [name]}, arrays for {@code []} and {@code [N]}), so the stand-in
 * reads parameters as it writes objects. {@link #fingerprint} is the sorted pairs: what an idempotency key is bound to.
 */
final class Form {
    final ObjectNode params;
    final String fingerprint;

    private Form(ObjectNode params, String fingerprint) {
        this.params = params;
        this.fingerprint = fingerprint;
    }

    static Form parse(String encoded) {
        ObjectNode root = Json.object();
        Map<String, List<String>> sorted = new TreeMap<>();
        if (encoded != null && !encoded.isEmpty()) {
            for (String pair : encoded.split("&")) {
                if (pair.isEmpty()) continue;
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                sorted.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
                put(root, name, value);
            }
        }
        return new Form(root, sorted.toString());
    }

    /** Puts one pair at the path its name spells; a name that mixes shapes is refused as Stripe does. */
    private static void put(ObjectNode root, String name, String value) {
        List<String> path = new ArrayList<>();
        int b = name.indexOf('[');
        path.add(b < 0 ? name : name.substring(0, b));
        while (b >= 0) {
            int e = name.indexOf(']', b);
            if (e < 0) throw StripeError.invalid("Invalid parameter name: " + name, null, name);
            path.add(name.substring(b + 1, e));
            b = e + 1 == name.length() ? -1 : e + 1;
            // after a closing bracket comes another opening one or the end: "metadata[a]b]" is not read as metadata[a]
            if (b >= 0 && name.charAt(b) != '[') throw StripeError.invalid("Invalid parameter name: " + name, null, name);
        }
        JsonNode node = root;
        for (int i = 0; i < path.size(); i++) {
            String key = path.get(i);
            boolean last = i == path.size() - 1;
            String next = last ? null : path.get(i + 1);
            boolean nextIsArray = next != null && (next.isEmpty() || next.chars().allMatch(Character::isDigit));
            if (node instanceof ObjectNode o) {
                if (last) { o.put(key, value); return; }
                JsonNode child = o.get(key);
                if (child == null) child = nextIsArray ? o.putArray(key) : o.putObject(key);
                node = child;
            } else if (node instanceof ArrayNode a) {
                // indices come in order from Stripe's clients; a name or a gap is refused, so no name can grow an array unboundedly
                if (!key.isEmpty() && !key.chars().allMatch(Character::isDigit) || key.length() > 6) {
                    throw StripeError.invalid("Invalid array index in " + name, null, name);
                }
                int index = key.isEmpty() ? a.size() : Integer.parseInt(key);
                if (index > a.size()) throw StripeError.invalid("Invalid array index in " + name, null, name);
                if (last) {
                    if (index == a.size()) a.add(value); else throw StripeError.invalid("Invalid array index in " + name, null, name);
                    return;
                }
                if (index == a.size()) a.add(nextIsArray ? Json.MAPPER.createArrayNode() : Json.object());
                node = a.get(index);
            } else {
                throw StripeError.invalid("Invalid parameter name: " + name, null, name);
            }
        }
    }

    // --- typed reads, with Stripe's error words for a bad value ---

    String string(String name) {
        JsonNode n = params.get(name);
        return n == null || n.isNull() ? null : n.isValueNode() ? n.asText() : bad(name, "a string");
    }

    String required(String name) {
        String s = string(name);
        if (s == null || s.isEmpty()) throw StripeError.invalid("Missing required param: " + name + ".", "parameter_missing", name);
        return s;
    }

    Long integer(String name) {
        String s = string(name);
        if (s == null) return null;
        // Stripe's words for 12.5 or "ten": "Invalid integer: 12.5" (code parameter_invalid_integer, param amount)
        if (!s.matches("-?\\d{1,18}")) throw StripeError.invalid("Invalid integer: " + s, "parameter_invalid_integer", name);
        return Long.parseLong(s);
    }

    boolean bool(String name) {
        String s = string(name);
        if (s == null) return false;
        if (s.equals("true")) return true;
        if (s.equals("false")) return false;
        return bad(name, "a boolean");
    }

    List<String> strings(String name) {
        JsonNode n = params.get(name);
        List<String> out = new ArrayList<>();
        if (n == null) return out;
        if (n.isArray()) n.forEach(v -> out.add(v.asText()));
        else if (n.isObject()) n.forEach(v -> out.add(v.asText())); // expand[0]=... written as an object by a client
        else out.add(n.asText());
        return out;
    }

    ObjectNode object(String name) {
        JsonNode n = params.get(name);
        if (n == null || (n.isTextual() && n.asText().isEmpty())) return null;
        return n instanceof ObjectNode o ? o : bad(name, "a hash");
    }

    /** Refuses parameters this endpoint does not know, as Stripe does ({@code parameter_unknown}). */
    Form allow(String... names) {
        var known = java.util.Set.of(names);
        params.fieldNames().forEachRemaining(n -> {
            if (!known.contains(n) && !n.equals("expand")) {
                throw StripeError.invalid("Received unknown parameter: " + n, "parameter_unknown", n);
            }
        });
        return this;
    }

    private static <T> T bad(String name, String what) {
        throw StripeError.invalid("Invalid " + what.replaceFirst("^an? ", "") + ": " + name + " must be " + what + ".", "parameter_invalid_" + kind(what), name);
    }

    private static String kind(String what) {
        return switch (what) {
            case "an integer" -> "integer";
            case "a boolean" -> "boolean";
            default -> "string";
        };
    }
}
