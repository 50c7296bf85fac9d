package com.zhidian.iot;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a shelf label shows, and the hash it reports of it: the SHA-256 (hex) of the canonical JSON of the
 * shown fields (keys sorted, no spaces, whole numbers without a fraction). The cloud computes the same hash
 * from the desired state to tell {@code synced} from a label that shows something else.
 */
public final class LabelRendering {
    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private LabelRendering() {
    }

    public static String hash(Map<String, Object> shown) {
        try {
            byte[] canonical = CANONICAL.writeValueAsBytes(normalized(shown));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The one-line text a label "renders", for logs and demos: name, spec, the price in yuan (the promotion's while one
     * runs, with the regular price after it), and the unit price (单位价格) the cloud sent, e.g.
     * {@code 绿茶 500ml ¥3.00 ¥0.60/100ml}.
     */
    public static String text(Map<String, Object> shown) {
        Object price = shown.get("price");
        String yuan = price instanceof Number n ? yuan(n) : "-";
        if (shown.get("promotion") instanceof Map<?, ?> promo && promo.get("price") instanceof Number p) {
            yuan = yuan(p) + " (" + yuan + ")";
        }
        String unit = null;
        if (shown.get("unitPrice") instanceof Map<?, ?> u && u.get("price") instanceof Number p && u.get("per") != null) {
            unit = yuan(p) + "/" + u.get("per");
        }
        return java.util.stream.Stream.of(shown.get("name"), shown.get("spec"), yuan, unit)
                .filter(part -> part != null && !part.toString().isBlank())
                .map(Object::toString).collect(java.util.stream.Collectors.joining(" "));
    }

    private static String yuan(Number fen) {
        long f = Math.round(fen.doubleValue());
        return String.format("¥%d.%02d", f / 100, f % 100);
    }

    /**
     * The SDK parses shadow JSON with Gson, which turns every number into a double: a whole double becomes a
     * long again, and nested maps are sorted, so the same content always gives the same bytes.
     */
    @SuppressWarnings("unchecked")
    public static Object normalized(Object value) {
        if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite() && Math.abs(d) < 9e15) {
            return d.longValue();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            ((Map<String, Object>) map).forEach((k, v) -> sorted.put(k, normalized(v)));
            return sorted;
        }
        if (value instanceof java.util.List<?> list) {
            return list.stream().map(LabelRendering::normalized).toList();
        }
        return value;
    }

    /** Merges a delta into what is shown: nested objects merge, null removes, anything else replaces. */
    @SuppressWarnings("unchecked")
    public static void merge(Map<String, Object> shown, Map<String, Object> delta) {
        delta.forEach((key, value) -> {
            Object current = shown.get(key);
            if (value == null) {
                shown.remove(key);
            } else if (value instanceof Map<?, ?> inner && current instanceof Map<?, ?> existing) {
                Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) existing);
                merge(copy, (Map<String, Object>) inner);
                shown.put(key, copy);
            } else {
                shown.put(key, normalized(value));
            }
        });
    }
}
