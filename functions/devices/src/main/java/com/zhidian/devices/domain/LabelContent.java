package com.zhidian.devices.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a shelf label should show, as the desired state of its {@code esl} named shadow (iot/README.md, "The shelf
 * label's contract with the cloud"), and the hash a label reports of what it shows: SHA-256 (hex) of the canonical
 * JSON (keys sorted at every level, no spaces, whole numbers without a fraction), the same as the label's
 * {@code LabelRendering.hash}. A field taken off the label is set to {@code false}, never removed: a removed
 * desired key makes no delta.
 */
public final class LabelContent {
    private static final ObjectMapper CANONICAL = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private LabelContent() {}

    /**
     * The display fields of a product's label (money in fen). {@code price} is the regular price (false when the
     * product has none yet); {@code promotion} {price, endsAt} while one runs; {@code next} {price, at}: a version
     * scheduled ahead, sent before its time so a midnight change of a whole store floods nothing; {@code unitPrice}
     * {price, per} of what the customer pays now ({@link UnitPrice}; false when the spec names no weight or volume).
     */
    public static Map<String, Object> desired(LabelPrice p) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("gtin", p.gtin());
        d.put("name", p.name());
        d.put("spec", p.spec() == null ? "" : p.spec());
        d.put("price", p.regularPrice() == null ? (Object) false : p.regularPrice());
        d.put("promotion", p.promoPrice() == null ? (Object) false
                : Map.of("price", p.promoPrice(), "endsAt", String.valueOf(p.promoEndsAt())));
        Long payable = p.promoPrice() != null ? p.promoPrice() : p.regularPrice();
        d.put("unitPrice", UnitPrice.of(payable, p.spec()).map(u -> (Object) u.fields()).orElse(false));
        d.put("next", p.nextPrice() == null ? (Object) false : next(p));
        return d;
    }

    /**
     * The next version, sent ahead with everything the label shows from its start: {@code price}, {@code at}, the
     * {@code promotion} running then (false when none) and the {@code unitPrice} of what is paid then. The label switches
     * to it by itself at {@code at} (iot/ {@code ShelfLabel}), so its content then equals what the sweep pushes at that
     * minute, which only confirms it.
     */
    private static Map<String, Object> next(LabelPrice p) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("price", p.nextPrice());
        n.put("at", p.nextAt().toString());
        n.put("promotion", p.nextPromoPrice() == null ? (Object) false
                : Map.of("price", p.nextPromoPrice(), "endsAt", String.valueOf(p.nextPromoEndsAt())));
        Long payable = p.nextPromoPrice() != null ? p.nextPromoPrice() : p.nextPrice();
        n.put("unitPrice", UnitPrice.of(payable, p.spec()).map(u -> (Object) u.fields()).orElse(false));
        return n;
    }

    /** The desired state of a flash for picking or restocking, and of its end. */
    public static Map<String, Object> flash(String requestId, Instant until) {
        return Map.of("flash", Map.of("requestId", requestId, "until", until.toString()));
    }

    /** What a customer pays by the fields shown (or desired): the promotion's price when one is shown; null when none. */
    public static Long payable(Map<String, Object> fields) {
        if (fields == null) return null;
        if (fields.get("promotion") instanceof Map<?, ?> promo && promo.get("price") instanceof Number n) return n.longValue();
        return fields.get("price") instanceof Number n ? n.longValue() : null;
    }

    public static String hash(Map<String, Object> fields) {
        try {
            byte[] canonical = CANONICAL.writeValueAsBytes(normalized(fields));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whole doubles become longs (the device SDK parses with Gson, every number a double); maps sorted. */
    @SuppressWarnings("unchecked")
    static Object normalized(Object value) {
        if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite() && Math.abs(d) < 9e15) return d.longValue();
        if (value instanceof Number n && !(value instanceof Double) && !(value instanceof Float)) return n.longValue();
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            ((Map<String, Object>) map).forEach((k, v) -> sorted.put(k, normalized(v)));
            return sorted;
        }
        if (value instanceof List<?> list) return list.stream().map(LabelContent::normalized).toList();
        return value;
    }

}
