package com.zhidian.telemetry.domain;

import com.zhidian.core.paging.Page;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A tenant's alerts and in-app notifications. */
public interface AlertRepository {
    /**
     * One store's alerts ({@code storeId}), or every store's of the tenant (null), of those {@code stores} only when given;
     * {@code state}: open, acknowledged, resolved, or active (open and acknowledged); newest first.
     */
    Page<Alert> list(String tenantId, String storeId, List<String> stores, String state, int limit, String cursor);

    Optional<Alert> find(String tenantId, String alertId);

    /** Moves the alert to the state if it is not resolved; the changed alert, or empty when it was resolved meanwhile. */
    Optional<Alert> change(String tenantId, String storeId, String alertId, String state, String by, Instant at);

    /**
     * Opens the alert with its notification, unless an alert of the same rule and {@code key} was raised and not cleared
     * since (then nothing is written: false). One transaction.
     */
    boolean raise(String tenantId, String key, Alert alert, Instant now);

    /** The condition behind the rule's alert of {@code key} is over: it may be raised again, and the alert is resolved. */
    Optional<String> clear(String tenantId, String rule, String key, Instant now);

    /** The tenant's notifications (of these stores only when given), newest first. */
    Page<Notification> notifications(String tenantId, List<String> stores, int limit, String cursor);
}
