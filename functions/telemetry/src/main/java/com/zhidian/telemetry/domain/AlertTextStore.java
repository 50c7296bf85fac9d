package com.zhidian.telemetry.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What an alert's SMS reads and writes: the record on the alert, and the SMS deferred to the end of the quiet hours. */
public interface AlertTextStore {
    /** An SMS waiting for the end of a store's quiet hours. */
    record Due(String tenantId, String storeId, String alertId, Instant at) {}

    /** Sets the alert's {@code sms} record (what was sent, deferred, or why not). */
    void record(String tenantId, String alertId, Map<String, Object> sms);

    /** Keeps the alert's SMS for {@code at} (the provider-wide due index). */
    void defer(Due due);

    /** SMS due by {@code now}, at most {@code max}. */
    List<Due> due(Instant now, int max);

    /** Takes a due SMS off the index (false: another run took it first). */
    boolean take(Due due);

    Alert alert(String tenantId, String alertId);

    AlertSettings settings(String tenantId, String storeId);
}
