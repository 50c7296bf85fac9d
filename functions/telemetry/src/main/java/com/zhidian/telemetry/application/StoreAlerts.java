package com.zhidian.telemetry.application;

import com.zhidian.core.Ids;
import com.zhidian.telemetry.domain.Alert;
import com.zhidian.telemetry.domain.AlertRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The alerts' application interface for other contexts' jobs (the lockers' overdue sweep, the stock-out-risk job): a
 * condition they found becomes a store alert in the same list, with the same notification, as the sensors' own. Raised
 * once per {@code key} (a pickup order, a store's product) until the caller clears it; clearing resolves the alert.
 */
public final class StoreAlerts {
    /** The rules other contexts may raise. */
    public static final Set<String> RULES = Set.of(Alert.LOCKER_OVERDUE, Alert.STOCK_OUT_RISK);

    private final AlertRepository alerts;
    private final Clock clock;

    public StoreAlerts(AlertRepository alerts, Clock clock) {
        this.alerts = alerts;
        this.clock = clock;
    }

    /**
     * Raises the rule's alert for {@code key} in the store, about {@code subject} (a locker's device id, a product's GTIN),
     * holding since {@code since}, with what was seen; the new alert's id, or empty when it is raised already.
     */
    public Optional<String> raise(String tenantId, String storeId, String rule, String key, String subject, Instant since,
                                  Map<String, Object> facts) {
        if (!RULES.contains(rule)) throw new IllegalArgumentException("not a rule other contexts raise: " + rule);
        Instant now = clock.instant();
        Alert a = new Alert(Ids.next("al"), storeId, subject, rule, Alert.OPEN, since.toString(), now.toString(), facts, null, null, null, null);
        return alerts.raise(tenantId, key, a, now) ? Optional.of(a.alertId()) : Optional.empty();
    }

    /** The condition is over: the alert (if any is raised for {@code key}) is resolved, and may be raised again later. */
    public Optional<String> clear(String tenantId, String rule, String key) {
        return alerts.clear(tenantId, rule, key, clock.instant());
    }
}
