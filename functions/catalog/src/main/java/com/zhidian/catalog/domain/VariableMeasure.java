package com.zhidian.catalog.domain;

import java.util.List;

/**
 * The tenant's format of in-store variable-measure codes (店内码) that weighing scales print: an EAN-13 whose
 * first two digits are one of {@code prefixes} (GS1 keeps 20-29 for in-store use: a 2 and the scale's flag digit F),
 * then the item number (PLU) in {@code itemDigits} digits, then the value in the rest up to the check digit: the price
 * in fen or the weight in grams, per {@code value}. Examples, item 5 digits:
 * weight 2 | 8 | 12345 | 00500 | c = item 12345, 500 g; price 2 | 0 | 12345 | 01250 | c = item 12345 at 12.50 yuan.
 */
public record VariableMeasure(List<String> prefixes, int itemDigits, String value) {
    public static final String PRICE = "price";
    public static final String WEIGHT = "weight";
    public static final VariableMeasure DEFAULT = new VariableMeasure(List.of("20", "21", "22", "23", "24", "25", "26", "27", "28", "29"), 5, PRICE);

    public VariableMeasure {
        prefixes = List.copyOf(prefixes);
    }

    public int valueDigits() { return 13 - 2 - itemDigits - 1; }

    public boolean carriesWeight() { return WEIGHT.equals(value); }

    /** Whether a code is shaped as this format's (13 digits, one of its prefixes), whatever its check digit. */
    public boolean shapes(String code) {
        return code != null && code.length() == 13 && Gtin.isDigits(code) && prefixes.contains(code.substring(0, 2));
    }

    /** The item number and value a code carries, or null when it is not a valid code of this format. */
    public Parsed parse(String code) {
        if (!shapes(code) || Gtin.checkDigit(code.substring(0, 12)) != code.charAt(12) - '0') return null;
        String item = code.substring(2, 2 + itemDigits);
        long v = Long.parseLong(code.substring(2 + itemDigits, 12));
        return new Parsed(item, v);
    }

    /**
     * Decodes a code of this format; null when it is not shaped as one (then it may be a GTIN); a code shaped as one
     * whose EAN-13 check digit is wrong is refused ({@link CatalogErrors.ScaleCheckDigit}): a misread label, never
     * another product.
     */
    public Parsed decode(String code) {
        if (!shapes(code)) return null;
        Parsed p = parse(code);
        if (p == null) throw new CatalogErrors.ScaleCheckDigit(code);
        return p;
    }

    /** The code a scale prints for {@code item} and {@code value} under the first prefix (the inverse of {@link #decode}). */
    public String encode(String item, long value) {
        return encode(prefixes.get(0), item, value);
    }

    public String encode(String prefix, String item, long value) {
        if (!prefixes.contains(prefix)) throw new IllegalArgumentException("prefix " + prefix);
        if (item.length() != itemDigits || !Gtin.isDigits(item)) throw new IllegalArgumentException("item " + item);
        if (value < 0 || value >= maxValueExclusive()) throw new IllegalArgumentException("value " + value);
        String body = prefix + item + String.format("%0" + valueDigits() + "d", value);
        return body + Gtin.checkDigit(body);
    }

    /** 10^valueDigits: a 5-digit value field holds up to 99,999 (g, or fen). */
    public long maxValueExclusive() {
        long m = 1;
        for (int i = 0; i < valueDigits(); i++) m *= 10;
        return m;
    }

    /** What the scale printed: the item and the price (fen) or weight (grams). */
    public record Parsed(String item, long value) {}
}
