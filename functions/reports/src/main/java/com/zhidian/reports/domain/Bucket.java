package com.zhidian.reports.domain;

/**
 * One rollup bucket's address: a store, a grain ({@link #HOUR} or {@link #DAY}, local to the tenant's time zone), the
 * period ({@code yyyy-MM-ddTHH} or {@code yyyy-MM-dd}), a dimension and its value ({@link #ALL} for the total).
 */
public record Bucket(String storeId, String grain, String period, String dimension, String value) {
    public static final String HOUR = "H";
    public static final String DAY = "D";
    public static final String TOTAL = "total";
    public static final String CHANNEL = "channel";
    public static final String CATEGORY = "category";
    public static final String PRODUCT = "product";
    public static final String STAFF = "staff";
    public static final String ALL = "*";
    /** The value of a category or staff member that is not known. */
    public static final String UNKNOWN = "-";
}
