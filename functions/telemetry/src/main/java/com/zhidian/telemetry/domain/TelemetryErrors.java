package com.zhidian.telemetry.domain;

import com.zhidian.core.errors.DomainException;
import java.util.Map;

/** The sensors context's refusals (codes and facts; the api package's table gives them status and words). */
public final class TelemetryErrors {
    private TelemetryErrors() {}

    public static final class StoreNotFound extends DomainException {
        public StoreNotFound(String storeId) { super("store.not_found", Map.of("storeId", storeId)); }
    }

    public static final class AlertNotFound extends DomainException {
        public AlertNotFound(String alertId) { super("alert.not_found", Map.of("alertId", alertId)); }
    }

    /** Acknowledging or resolving an alert that is already resolved. */
    public static final class AlertResolved extends DomainException {
        public AlertResolved(String alertId) { super("alert.already_resolved", Map.of("alertId", alertId)); }
    }
}
