package com.zhidian.catalog.domain;

/**
 * What a scanned code means at a till: the product, its price in force, how much was scanned ({@code quantity}
 * in {@code quantityUnit}: "each", or "g" for goods weighed) and what that costs ({@code amount}, fen).
 */
public record ScanResult(String code, String kind, Product product, PriceInForce price, long quantity, String quantityUnit,
                         Long amount, StockLevel stock) {
    public static final String GTIN = "gtin";
    public static final String VARIABLE_MEASURE = "variable_measure";

    /**
     * The amount for a weighed item: a price per kilogram times the grams, rounded half up to the fen; or, from a
     * price-bearing code, the grams that price buys at the price per kilogram (rounded to the gram).
     */
    public static long amountForGrams(long pricePerKg, long grams) {
        return Weighing.amountFen(pricePerKg, grams);
    }

    public static long gramsForAmount(long pricePerKg, long amount) {
        return Weighing.gramsFor(pricePerKg, amount);
    }
}
