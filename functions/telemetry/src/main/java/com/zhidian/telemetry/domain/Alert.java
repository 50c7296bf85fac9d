package com.zhidian.telemetry.domain;

import java.util.Map;
import java.util.Set;

/**
 * An alert of a store: which rule, which device, what was seen ({@code facts}: the value, the limit, the metric), since
 * when the condition held, and its state: {@code open} (nobody has looked), {@code acknowledged} (someone is on it),
 * {@code resolved} (by a person, or by the readings coming back: {@code resolvedBy} "sensor").
 */
public record Alert(String alertId, String storeId, String deviceId, String rule, String state, String since, String openedAt,
                    Map<String, Object> facts, String acknowledgedAt, String acknowledgedBy, String resolvedAt, String resolvedBy,
                    Map<String, Object> sms) {
    /** Before any SMS was decided. */
    public Alert(String alertId, String storeId, String deviceId, String rule, String state, String since, String openedAt,
                 Map<String, Object> facts, String acknowledgedAt, String acknowledgedBy, String resolvedAt, String resolvedBy) {
        this(alertId, storeId, deviceId, rule, state, since, openedAt, facts, acknowledgedAt, acknowledgedBy, resolvedAt, resolvedBy, null);
    }

    /** The rules whose SMS ignores the quiet hours (goods spoil overnight). */
    public static final Set<String> URGENT = Set.of("fridge_warm");

    public static final String OPEN = "open", ACKNOWLEDGED = "acknowledged", RESOLVED = "resolved";
    public static final Set<String> STATES = Set.of(OPEN, ACKNOWLEDGED, RESOLVED);

    /** The rules, as codes the portal words (what was seen and what to do). */
    public static final String FRIDGE_WARM = "fridge_warm", DEVICE_SILENT = "device_silent", BATTERY_LOW = "battery_low",
            CO2_HIGH = "co2_high", PM25_HIGH = "pm25_high", HUMIDITY_OUT = "humidity_out_of_range",
            ENERGY_WHILE_CLOSED = "energy_while_closed",
            QUEUE_AT_CHECKOUT = "queue_at_checkout";
    /** A shelf label reports it failed to show what it was sent (its {@code status} reading); closed when it reports ok. */
    public static final String LABEL_FAILED = "label_failed";
    /** The store's meters together above the store's usual for the hour and weekday (its total, not one meter). */
    public static final String STORE_ENERGY_ABOVE_USUAL = "store_energy_above_usual";
    /** Rules of {@link UsualLevels}, run by the ingest against the device's usual for the hour and weekday. */
    public static final String ENERGY_ABOVE_USUAL = "energy_above_usual", TRAFFIC_SPIKE = "traffic_spike";
    /** Raised by other contexts' jobs through {@code StoreAlerts}: a pickup left in a locker past its deadline; stock about to run out. */
    public static final String LOCKER_OVERDUE = "locker_overdue", STOCK_OUT_RISK = "stock_out_risk";
    public static final Set<String> RULES = Set.of(FRIDGE_WARM, DEVICE_SILENT, BATTERY_LOW, CO2_HIGH, PM25_HIGH, HUMIDITY_OUT,
            ENERGY_WHILE_CLOSED, QUEUE_AT_CHECKOUT, ENERGY_ABOVE_USUAL, TRAFFIC_SPIKE, LOCKER_OVERDUE, STOCK_OUT_RISK, LABEL_FAILED,
            STORE_ENERGY_ABOVE_USUAL);

    public boolean isResolved() {
        return RESOLVED.equals(state);
    }
}
