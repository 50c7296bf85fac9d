package com.zhidian.telemetry.application;

import com.zhidian.core.auth.Caller;
import com.zhidian.core.tenancy.TenantDirectory;
import com.zhidian.telemetry.domain.AlertSettings;
import com.zhidian.telemetry.domain.Insights;
import com.zhidian.telemetry.domain.Kinds;
import com.zhidian.telemetry.domain.Monitor;
import com.zhidian.telemetry.domain.Rollups;
import com.zhidian.telemetry.domain.SettingsRepository;
import com.zhidian.telemetry.domain.TelemetryErrors;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** The reads of a store's day from its hourly rollups: energy against the baseline, environment by zone, traffic. */
public final class InsightsService {
    /** Weeks of history the energy baseline averages (same weekday, same hour). */
    public static final int BASELINE_WEEKS = 4;

    private final Rollups rollups;
    private final SettingsRepository settings;
    private final TenantDirectory tenants;

    public InsightsService(Rollups rollups, SettingsRepository settings, TenantDirectory tenants) {
        this.rollups = rollups;
        this.settings = settings;
        this.tenants = tenants;
    }

    public Insights.Energy energy(Caller caller, String storeId, LocalDate day) {
        ZoneId zone = zone(caller, storeId);
        Instant from = day.minusWeeks(BASELINE_WEEKS).atStartOfDay(zone).toInstant(), to = day.plusDays(1).atStartOfDay(zone).toInstant();
        List<Rollups.Hour> hours = rollups.hours(caller.tenantId(), storeId, Kinds.ENERGY, from, to);
        return Insights.energy(day, zone, hours, BASELINE_WEEKS);
    }

    public Insights.Environment environment(Caller caller, String storeId, LocalDate day) {
        ZoneId zone = zone(caller, storeId);
        Instant from = day.atStartOfDay(zone).toInstant(), to = day.plusDays(1).atStartOfDay(zone).toInstant();
        List<Rollups.Hour> hours = new java.util.ArrayList<>(rollups.hours(caller.tenantId(), storeId, Kinds.ENV, from, to));
        hours.addAll(rollups.hours(caller.tenantId(), storeId, Kinds.FRIDGE, from, to));
        Map<String, Monitor> now = rollups.monitors(caller.tenantId(), storeId);
        return Insights.environment(day, zone, hours, now);
    }

    public Insights.Traffic traffic(Caller caller, String storeId, LocalDate day) {
        ZoneId zone = zone(caller, storeId);
        Instant from = day.atStartOfDay(zone).toInstant(), to = day.plusDays(1).atStartOfDay(zone).toInstant();
        return Insights.traffic(day, zone, rollups.hours(caller.tenantId(), storeId, Kinds.TRAFFIC, from, to),
                rollups.monitors(caller.tenantId(), storeId));
    }

    /** Messages of the store's devices dropped today (UTC day), per reason. */
    public Map<String, Long> drops(Caller caller, String storeId, Instant now) {
        zone(caller, storeId);
        return rollups.drops(caller.tenantId(), storeId, now);
    }

    private ZoneId zone(Caller caller, String storeId) {
        if (!caller.canSeeStore(storeId) || !tenants.hasStore(caller.tenantId(), storeId)) throw new TelemetryErrors.StoreNotFound(storeId);
        return settings.find(caller.tenantId(), storeId).orElse(AlertSettings.defaults()).zone();
    }
}
