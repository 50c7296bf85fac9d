package com.zhidian.reports.domain;

import java.util.List;
import java.util.Map;

/** Where the rollup buckets live. */
public interface BucketRepository {
    /**
     * Adds the contributions of one event, exactly once in effect: a marker named after the event is put in the same
     * transaction as the additions, and a second delivery of the event finds it and changes nothing. Answers whether
     * this call applied it.
     */
    boolean apply(String tenantId, String eventId, Map<Bucket, Measures> contributions);

    /** The buckets of a store, grain and dimension whose period is within [fromPeriod, toPeriod]. */
    List<Row> read(String tenantId, String storeId, String grain, String dimension, String fromPeriod, String toPeriod);

    /** The day buckets of one product in a store within [fromDay, toDay]. */
    List<Row> productDays(String tenantId, String storeId, String gtin, String fromDay, String toDay);

    record Row(String period, String value, Measures measures) {}
}
