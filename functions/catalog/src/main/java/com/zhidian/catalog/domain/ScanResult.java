package com.zhidian.catalog.domain;

/**
 * What a scanned code means at a till: the product, its price in force, how much was scanned ({@code quantity}
 * in {@code quantityUnit}: "each", or "g" for goods weighed) and what that costs ({@code amount}, fen).
 */
public record ScanResult(String code, String kind, Product product, PriceInForce price, long quantity, String quantityUnit,
                         Long amount, StockLevel stock) {
    public static final String GTIN = "gtin";
    public static final String VARIABLE_MEASURE = "variable_measure";
}
