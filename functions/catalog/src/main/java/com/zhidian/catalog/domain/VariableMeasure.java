package com.zhidian.catalog.domain;

import java.util.List;

/**
 * The tenant's format of in-store variable-measure codes (店内码) that weighing scales print: an EAN-13 whose
 * first two digits are one of {@code prefixes} (GS1 keeps 20-29 for in-store use), then the item number (PLU) in
 * {@code itemDigits} digits, then the value in the rest up to the check digit: the price in fen or the weight in
 * grams, per {@code value}. Example, item 5 digits, price: 2 | 0 | 12345 | 01250 | c = item 12345 at 12.50 yuan.
 */
public record VariableMeasure(List<String> prefixes, int itemDigits, String value) {
    public static final String PRICE = "price";
    public static final String WEIGHT = "weight";
    public static final VariableMeasure DEFAULT = new VariableMeasure(List.of("20", "21", "22", "23", "24", "25", "26", "27", "28", "29"), 5, PRICE);

    public int valueDigits() { return 13 - 2 - itemDigits - 1; }

    /** The item number and value a code carries, or null when it is not a code of this format. */
    public Parsed parse(String code) {
        if (code == null || code.length() != 13 || !Gtin.isDigits(code) || !prefixes.contains(code.substring(0, 2))) return null;
        if (Gtin.checkDigit(code.substring(0, 12)) != code.charAt(12) - '0') return null;
        String item = code.substring(2, 2 + itemDigits);
        long v = Long.parseLong(code.substring(2 + itemDigits, 12));
        return new Parsed(item, v);
    }

    /** What the scale printed: the item and the price (fen) or weight (grams). */
    public record Parsed(String item, long value) {}
}
