package com.zhidian.samplestore;

import com.zhidian.core.auth.Caller;
import com.zhidian.core.auth.Role;
import com.zhidian.devices.application.DevicesComposition;
import com.zhidian.devices.application.DeviceService;
import com.zhidian.samplestore.year.SampleYear;
import com.zhidian.samplestore.year.YearOrders;
import com.zhidian.samplestore.year.YearTelemetry;
import com.zhidian.telemetry.application.IngestService;
import com.zhidian.telemetry.application.Telemetry;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The sample year's traffic and energy: a traffic counter at the entrance and an energy meter per store, registered
 * through the devices context (its thing at the IoT stand-in), and each hour of {@link YearTelemetry} sent through
 * the telemetry context's ingest on the loader's clock, as the IoT rule's function does: visitors in (and out) per
 * hour, and the meter's rising total in kWh, so the traffic and energy rollups are the ingest's own.
 */
final class YearTraffic {
    private final SampleYear year;
    private final String tenantId;
    private final List<String> storeIds;
    private final DynamoDbClient db;
    private final Clock clock;
    private final AtomicInteger failures;
    private final IngestService ingest;
    private final List<String[]> devices = new ArrayList<>(); // per store: counter id, meter id
    private final double[] kwh;
    private long hours;

    YearTraffic(DynamoDbClient db, Clock clock, SampleYear year, String tenantId, List<String> storeIds, AtomicInteger failures) {
        this.db = db;
        this.clock = clock;
        this.year = year;
        this.tenantId = tenantId;
        this.storeIds = storeIds;
        this.failures = failures;
        this.ingest = Telemetry.ingest(db, clock);
        this.kwh = new double[year.stores().size()];
    }

    /** Registers the counter and the meter of each store of the year; without the IoT stand-in, none (and no telemetry). */
    void devices() {
        try {
            DeviceService registry = DevicesComposition.real(db, clock);
            Caller owner = new Caller("sample-year-loader", "sample-year-loader", Role.OWNER, tenantId, Set.copyOf(storeIds), null);
            for (int s = 0; s < year.stores().size(); s++) {
                String counter = registry.register(owner, storeIds.get(s), "traffic_counter", "客流计数 · 入口", null).device().deviceId();
                String meter = registry.register(owner, storeIds.get(s), "energy_meter", "总电表", null).device().deviceId();
                devices.add(new String[] {counter, meter});
                kwh[s] = 10_000 + 1_000 * s;
            }
        } catch (RuntimeException e) {
            devices.clear();
            System.err.println("[sample-year] no traffic or energy (the devices could not be registered): " + e);
        }
    }

    /** Sends the day's 24 hours of one store (the clock is set to the end of each hour). */
    void day(int store, int day, List<YearOrders.Order> orders) {
        if (devices.size() <= store) return;
        YearTelemetry.Hour[] hs = YearTelemetry.hours(year, store, day, orders);
        String[] ids = devices.get(store);
        ZoneId zone = SampleYearLoader.ZONE;
        for (YearTelemetry.Hour h : hs) {
            java.time.Instant at = year.date(day).atTime(h.hour(), 59, 0).atZone(zone).toInstant();
            ((SampleYearLoader.YearClock) clock).set(at.plusSeconds(30));
            long seq = (long) day * 24 + h.hour();
            Map<String, Object> readings = new LinkedHashMap<>();
            readings.put("visitorsIn", h.visitors());
            readings.put("visitorsOut", h.visitors());
            readings.put("zone", "entrance");
            send(store, ids[0], "traffic_counter", seq, at, readings);
            kwh[store] += h.energyWh() / 1000.0;
            Map<String, Object> meter = new LinkedHashMap<>();
            meter.put("kwhTotal", Math.round(kwh[store] * 1000) / 1000.0);
            meter.put("watts", (double) h.energyWh());
            send(store, ids[1], "energy_meter", seq, at, meter);
            hours++;
        }
    }

    private void send(int store, String deviceId, String kind, long seq, java.time.Instant at, Map<String, Object> readings) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("tenantId", tenantId);
        event.put("storeId", storeIds.get(store));
        event.put("topicDeviceId", deviceId);
        event.put("kind", kind);
        event.put("seq", seq);
        event.put("at", at.toString());
        event.put("readings", readings);
        IngestService.Outcome o = ingest.ingest(event, 300);
        if (!"stored".equals(o.outcome()) && !"duplicate".equals(o.outcome()) && failures.incrementAndGet() <= 3) {
            System.err.println("[sample-year] telemetry " + kind + " " + at + " " + o.outcome() + ": " + o.reason());
        }
    }

    long hours() { return hours; }
}
