package com.zhidian.telemetry.application;

import com.zhidian.core.auth.Caller;
import com.zhidian.core.paging.Page;
import com.zhidian.core.tenancy.TenantDirectory;
import com.zhidian.telemetry.domain.Alert;
import com.zhidian.telemetry.domain.AlertRepository;
import com.zhidian.telemetry.domain.Notification;
import com.zhidian.telemetry.domain.TelemetryErrors;
import java.time.Clock;
import java.util.List;

/** A store's alerts as the owner and its staff see them: the list, acknowledge, resolve, and the in-app notifications. */
public final class AlertService {
    private final AlertRepository alerts;
    private final TenantDirectory tenants;
    private final Clock clock;

    public AlertService(AlertRepository alerts, TenantDirectory tenants, Clock clock) {
        this.alerts = alerts;
        this.tenants = tenants;
        this.clock = clock;
    }

    /** One store's alerts, or (storeId null) those of every store the caller sees: the owner's all, a staff member's own. */
    public Page<Alert> list(Caller caller, String storeId, String state, int limit, String cursor) {
        if (storeId != null) {
            requireStore(caller, storeId);
            return alerts.list(caller.tenantId(), storeId, null, state, limit, cursor);
        }
        List<String> stores = visibleStores(caller);
        if (stores != null && stores.isEmpty()) return new Page<>(List.of(), null);
        return alerts.list(caller.tenantId(), null, stores, state, limit, cursor);
    }

    public Alert get(Caller caller, String alertId) {
        Alert a = alerts.find(caller.tenantId(), alertId).orElseThrow(() -> new TelemetryErrors.AlertNotFound(alertId));
        if (!caller.canSeeStore(a.storeId())) throw new TelemetryErrors.AlertNotFound(alertId);
        return a;
    }

    /** Someone is on it; acknowledging again changes nothing. A resolved alert is history: 409. */
    public Alert acknowledge(Caller caller, String alertId) {
        Alert a = get(caller, alertId);
        if (a.isResolved()) throw new TelemetryErrors.AlertResolved(alertId);
        if (Alert.ACKNOWLEDGED.equals(a.state())) return a;
        return alerts.change(caller.tenantId(), a.storeId(), alertId, Alert.ACKNOWLEDGED, caller.username(), clock.instant())
                .orElseThrow(() -> new TelemetryErrors.AlertResolved(alertId));
    }

    /** Done with it: the alert goes to the history. The rule opens a new one only after the readings have recovered. */
    public Alert resolve(Caller caller, String alertId) {
        Alert a = get(caller, alertId);
        if (a.isResolved()) throw new TelemetryErrors.AlertResolved(alertId);
        return alerts.change(caller.tenantId(), a.storeId(), alertId, Alert.RESOLVED, caller.username(), clock.instant())
                .orElseThrow(() -> new TelemetryErrors.AlertResolved(alertId));
    }

    /** One store's notifications, or (storeId null) those of every store the caller sees. */
    public Page<Notification> notifications(Caller caller, String storeId, int limit, String cursor) {
        List<String> stores;
        if (storeId != null) {
            requireStore(caller, storeId);
            stores = List.of(storeId);
        } else {
            stores = visibleStores(caller);
            if (stores != null && stores.isEmpty()) return new Page<>(List.of(), null);
        }
        return alerts.notifications(caller.tenantId(), stores, limit, cursor);
    }

    /** Null: every store of the tenant (an owner); else the staff member's stores, sorted. */
    private static List<String> visibleStores(Caller caller) {
        if (caller.role() == com.zhidian.core.auth.Role.OWNER) return null;
        return caller.storeIds() == null ? List.of() : caller.storeIds().stream().sorted().limit(50).toList();
    }

    void requireStore(Caller caller, String storeId) {
        if (!caller.canSeeStore(storeId) || !tenants.hasStore(caller.tenantId(), storeId)) throw new TelemetryErrors.StoreNotFound(storeId);
    }
}
