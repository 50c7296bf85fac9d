package com.zhidian.telemetry.application;

import com.zhidian.core.auth.Caller;
import com.zhidian.core.tenancy.TenantDirectory;
import com.zhidian.telemetry.domain.AlertSettings;
import com.zhidian.telemetry.domain.SettingsRepository;
import com.zhidian.telemetry.domain.TelemetryErrors;

/** A store's alert settings: read by owner and staff, set by the owner (the whole set at once). */
public final class SettingsService {
    private final SettingsRepository settings;
    private final TenantDirectory tenants;

    public SettingsService(SettingsRepository settings, TenantDirectory tenants) {
        this.settings = settings;
        this.tenants = tenants;
    }

    public AlertSettings get(Caller caller, String storeId) {
        requireStore(caller, storeId);
        return settings.find(caller.tenantId(), storeId).orElse(AlertSettings.defaults());
    }

    public AlertSettings put(Caller caller, String storeId, AlertSettings s) {
        requireStore(caller, storeId);
        settings.put(caller.tenantId(), storeId, s);
        return s;
    }

    /** The store is the caller's to see (else 404), asked before a body is read: another tenant's store is never a 400. */
    public void requireStore(Caller caller, String storeId) {
        if (!caller.canSeeStore(storeId) || !tenants.hasStore(caller.tenantId(), storeId)) throw new TelemetryErrors.StoreNotFound(storeId);
    }
}
