package com.zhidian.local.iot.shadow;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Map;

/**
 * The pure document rules of the Device Shadow service (device-shadow-document.html): merging a partial
 * state into a section (null deletes a key, arrays are values), per-leaf metadata, and the delta.
 */
public final class ShadowJson {
    /** Integers parse as longs, so parsed documents compare equal to built ones (versions, timestamps). */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_LONG_FOR_INTS);
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ShadowJson() {
    }

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    /**
     * Merges {@code patch} into {@code target}: objects merge key by key, a null removes the key, any other
     * value (arrays included: "an update to an array replaces the whole array") replaces it.
     */
    public static void merge(ObjectNode target, ObjectNode patch) {
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode value = e.getValue();
            JsonNode existing = target.get(e.getKey());
            if (value.isNull()) {
                target.remove(e.getKey());
            } else if (value.isObject() && existing != null && existing.isObject()) {
                merge((ObjectNode) existing, (ObjectNode) value);
            } else {
                target.set(e.getKey(), value.deepCopy());
            }
        }
    }

    /**
     * The metadata mirror of a value: {@code {"timestamp": t}} per leaf, an object per object, and per
     * array an array of the elements' metadata.
     */
    public static JsonNode metadataOf(JsonNode value, long timestamp) {
        if (value.isObject()) {
            ObjectNode meta = NODES.objectNode();
            value.fields().forEachRemaining(e -> meta.set(e.getKey(), metadataOf(e.getValue(), timestamp)));
            return meta;
        }
        if (value.isArray()) {
            ArrayNode meta = NODES.arrayNode();
            value.forEach(element -> meta.add(metadataOf(element, timestamp)));
            return meta;
        }
        ObjectNode leaf = NODES.objectNode();
        leaf.put("timestamp", timestamp);
        return leaf;
    }

    /**
     * Merges the metadata of an accepted partial state into the stored metadata, removing the entries of
     * deleted keys, so that the stored metadata always mirrors the stored state. {@code before} is the state
     * section before the update: whether a key held an object decides between merging and replacing, as in
     * {@link #merge} (a metadata leaf is an object too, so the metadata alone cannot tell).
     */
    public static void mergeMetadata(ObjectNode meta, ObjectNode patch, ObjectNode before, long timestamp) {
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode value = e.getValue();
            JsonNode old = before == null ? null : before.get(e.getKey());
            if (value.isNull()) {
                meta.remove(e.getKey());
            } else if (value.isObject() && old != null && old.isObject()) {
                JsonNode existing = meta.get(e.getKey());
                ObjectNode child = existing != null && existing.isObject() ? (ObjectNode) existing : meta.putObject(e.getKey());
                mergeMetadata(child, (ObjectNode) value, (ObjectNode) old, timestamp);
            } else {
                meta.set(e.getKey(), metadataOf(value, timestamp));
            }
        }
    }

    /**
     * The delta: every field of desired that reported lacks or holds differently; nested objects give the
     * path to the root; arrays compare as whole values. Null when nothing differs.
     */
    public static ObjectNode delta(ObjectNode desired, ObjectNode reported) {
        if (desired == null) {
            return null;
        }
        ObjectNode delta = NODES.objectNode();
        desired.fields().forEachRemaining(e -> {
            JsonNode want = e.getValue();
            JsonNode have = reported == null ? null : reported.get(e.getKey());
            if (want.isObject() && have != null && have.isObject()) {
                ObjectNode inner = delta((ObjectNode) want, (ObjectNode) have);
                if (inner != null) {
                    delta.set(e.getKey(), inner);
                }
            } else if (!same(want, have)) {
                delta.set(e.getKey(), want.deepCopy());
            }
        });
        return delta.isEmpty() ? null : delta;
    }

    /**
     * JSON equality with numbers compared by value: JSON has one number type, and device SDKs that parse
     * into doubles report {@code 1299.0} for a desired {@code 1299}.
     */
    public static boolean same(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isObject() && b.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (var it = a.fields(); it.hasNext(); ) {
                var e = it.next();
                if (!same(e.getValue(), b.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!same(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    /** The metadata of the delta's fields: "its values are equal to the metadata in the desired field". */
    public static ObjectNode deltaMetadata(ObjectNode delta, ObjectNode desiredMeta) {
        ObjectNode meta = NODES.objectNode();
        delta.fields().forEachRemaining(e -> {
            JsonNode source = desiredMeta == null ? null : desiredMeta.get(e.getKey());
            if (e.getValue().isObject() && source != null && source.isObject()) {
                meta.set(e.getKey(), deltaMetadata((ObjectNode) e.getValue(), (ObjectNode) source));
            } else if (source != null) {
                meta.set(e.getKey(), source.deepCopy());
            }
        });
        return meta;
    }

    /** Levels of object keys below a section: {@code {"a":1}} is 1, {@code {"a":{"b":1}}} is 2. */
    public static int depth(JsonNode node) {
        int deepest = 0;
        if (node.isObject() || node.isArray()) {
            for (JsonNode child : node) {
                deepest = Math.max(deepest, depth(child));
            }
            return node.isObject() ? deepest + 1 : deepest;
        }
        return 0;
    }

    /** "Arrays can't have null values": true when some array below the node holds a null. */
    public static boolean hasNullInArray(JsonNode node) {
        for (JsonNode child : node) {
            if ((node.isArray() && child.isNull()) || hasNullInArray(child)) {
                return true;
            }
        }
        return false;
    }

    public static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
