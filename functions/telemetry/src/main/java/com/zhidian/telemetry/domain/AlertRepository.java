package com.zhidian.telemetry.domain;

import com.zhidian.core.paging.Page;
import java.time.Instant;
import java.util.Optional;

/** A tenant's alerts and in-app notifications. */
public interface AlertRepository {
    /** {@code state}: open, acknowledged, resolved, or active (open and acknowledged); newest first. */
    Page<Alert> list(String tenantId, String storeId, String state, int limit, String cursor);

    Optional<Alert> find(String tenantId, String alertId);

    /** Moves the alert to the state if it is not resolved; the changed alert, or empty when it was resolved meanwhile. */
    Optional<Alert> change(String tenantId, String storeId, String alertId, String state, String by, Instant at);

    /** The store's notifications, newest first. */
    Page<Notification> notifications(String tenantId, String storeId, int limit, String cursor);
}
