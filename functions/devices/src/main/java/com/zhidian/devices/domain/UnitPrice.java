package com.zhidian.devices.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The unit price on a shelf label (单位价格): what the customer pays for a standard quantity, so packs of different
 * sizes compare at a glance. Read from the product's spec as Chinese packaging writes it: a quantity in g, 克, kg, 千克,
 * 公斤, 斤, ml, 毫升, L or 升, optionally a multipack ({@code 330ml×6}, {@code 6*330ml}, {@code 24×250ml/箱}). Weights are
 * priced per 500 g (the 斤 shoppers compare by), volumes per 100 ml. The price is the one the customer pays now (the
 * promotion's while one runs), in fen, rounded half up to the fen. No unit price when the spec names no weight or
 * volume (a count, "大号", nothing), or when it would round to 0 fen.
 */
public record UnitPrice(long price, String per) {
    public static final String PER_500G = "500g";
    public static final String PER_100ML = "100ml";

    private static final String QTY = "(\\d{1,6}(?:\\.\\d{1,3})?)\\s*(kg|KG|Kg|千克|公斤|g|G|克|斤|ml|mL|ML|毫升|l|L|升)(?![A-Za-z])";
    private static final String TIMES = "\\s*[*×xX]\\s*";
    private static final Pattern PACK_AFTER = Pattern.compile(QTY + TIMES + "(\\d{1,4})(?![\\d.])");
    private static final Pattern PACK_BEFORE = Pattern.compile("(?<![\\d.])(\\d{1,4})" + TIMES + QTY);
    private static final Pattern SINGLE = Pattern.compile(QTY);

    /** A quantity in grams or millilitres. */
    record Quantity(BigDecimal amount, boolean mass) {}

    /** The unit price of {@code payable} fen for a product of this spec, if the spec names a weight or a volume. */
    public static Optional<UnitPrice> of(Long payable, String spec) {
        if (payable == null || payable < 0) return Optional.empty();
        Optional<Quantity> q = quantity(spec);
        if (q.isEmpty() || q.get().amount().signum() <= 0) return Optional.empty();
        BigDecimal base = q.get().mass() ? BigDecimal.valueOf(500) : BigDecimal.valueOf(100);
        long fen = BigDecimal.valueOf(payable).multiply(base).divide(q.get().amount(), 0, RoundingMode.HALF_UP).longValueExact();
        if (fen <= 0) return Optional.empty();
        return Optional.of(new UnitPrice(fen, q.get().mass() ? PER_500G : PER_100ML));
    }

    /** The whole quantity a spec names, in g or ml (a multipack multiplied out); empty when it names none. */
    static Optional<Quantity> quantity(String spec) {
        if (spec == null || spec.isBlank()) return Optional.empty();
        Matcher m = PACK_AFTER.matcher(spec);
        if (m.find()) return Optional.of(times(one(m.group(1), m.group(2)), m.group(3)));
        m = PACK_BEFORE.matcher(spec);
        if (m.find()) return Optional.of(times(one(m.group(2), m.group(3)), m.group(1)));
        m = SINGLE.matcher(spec);
        if (m.find()) return Optional.of(one(m.group(1), m.group(2)));
        return Optional.empty();
    }

    private static Quantity times(Quantity q, String count) {
        return new Quantity(q.amount().multiply(new BigDecimal(count)), q.mass());
    }

    private static Quantity one(String number, String unit) {
        BigDecimal n = new BigDecimal(number);
        return switch (unit.toLowerCase(java.util.Locale.ROOT)) {
            case "kg", "千克", "公斤" -> new Quantity(n.multiply(BigDecimal.valueOf(1000)), true);
            case "斤" -> new Quantity(n.multiply(BigDecimal.valueOf(500)), true);
            case "g", "克" -> new Quantity(n, true);
            case "l", "升" -> new Quantity(n.multiply(BigDecimal.valueOf(1000)), false);
            default -> new Quantity(n, false); // ml, 毫升
        };
    }

    /** As the label's desired state carries it: {@code {"price": fen, "per": "500g"}}. */
    public Map<String, Object> fields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("price", price);
        m.put("per", per);
        return m;
    }
}
