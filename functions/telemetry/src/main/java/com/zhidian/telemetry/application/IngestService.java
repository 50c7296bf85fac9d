package com.zhidian.telemetry.application;

import com.zhidian.core.Ids;
import com.zhidian.core.errors.ConcurrentChange;
import com.zhidian.telemetry.domain.Alert;
import com.zhidian.telemetry.domain.AlertRules;
import com.zhidian.telemetry.domain.IngestStore;
import com.zhidian.telemetry.domain.Monitor;
import com.zhidian.telemetry.domain.Reading;
import com.zhidian.telemetry.domain.SmsSender;
import com.zhidian.telemetry.domain.TelemetryCheck;
import com.zhidian.telemetry.domain.UsualLevels;
import java.time.ZoneOffset;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The ingest of one telemetry message (the IoT rule's event: the device's JSON plus the topic's tenant, store and
 * device): checked against the registry and the rules of {@link TelemetryCheck}, stored with its rollups, and run
 * through the alert rules; or dropped and counted. It never throws for a bad message.
 */
public final class IngestService {
    /** What became of a message: {@code stored}, {@code duplicate} (stored before) or {@code dropped} with the reason. */
    public record Outcome(String outcome, String reason, List<String> opened, List<String> closed) {
        static Outcome dropped(TelemetryCheck.Drop d, String detail) {
            return new Outcome("dropped", d.name().toLowerCase() + (detail == null ? "" : ": " + detail), List.of(), List.of());
        }
    }

    private final IngestStore store;
    private final SmsSender sms;
    private final Clock clock;

    public IngestService(IngestStore store, SmsSender sms, Clock clock) {
        this.store = store;
        this.sms = sms;
        this.clock = clock;
    }

    public Outcome ingest(Map<String, Object> event, int sizeBytes) {
        Instant now = clock.instant();
        String tenantId = text(event.get("tenantId")), storeId = text(event.get("storeId")), deviceId = text(event.get("topicDeviceId"));
        if (!TelemetryCheck.validTopic(tenantId, storeId, deviceId)) return drop(null, null, TelemetryCheck.Drop.BAD_TOPIC, null, now);
        for (int attempt = 0; ; attempt++) {
            IngestStore.DeviceContext ctx = store.context(tenantId, storeId, deviceId);
            TelemetryCheck.Result checked = TelemetryCheck.check(event, sizeBytes, tenantId, storeId, deviceId,
                    ctx.registeredStore(), ctx.registeredKind(), now);
            if (!checked.accepted()) {
                // counted against the store only when the registry puts the device there; otherwise provider-wide
                boolean known = storeId.equals(ctx.registeredStore());
                return drop(known ? tenantId : null, known ? ctx.registeredStore() : null, checked.drop(), checked.detail(), now);
            }
            Reading r = checked.reading();
            Monitor monitor = ctx.monitor() == null ? Monitor.first(r.storeId(), r.kind()) : ctx.monitor();
            Map<Instant, Double> baseline = null;
            if (AlertRules.needsBaseline(monitor, r, ctx.settings())) {
                // the device's first reading of this hour: the same hour and weekday of the last weeks, once
                baseline = store.hourly(tenantId, r.storeId(), r.kind(), r.deviceId(), AlertRules.usualMetric(r.kind()),
                        UsualLevels.baselineHours(Clock.fixed(r.at(), ZoneOffset.UTC), ctx.settings().zone(), UsualLevels.WEEKS));
            }
            AlertRules.Evaluation e = AlertRules.evaluate(monitor, r, ctx.settings(), baseline, () -> Ids.next("al"));
            List<Alert> opened = new ArrayList<>();
            List<String> closed = new ArrayList<>();
            for (AlertRules.Change c : e.changes()) {
                if (c.opened()) opened.add(open(r.storeId(), r.deviceId(), c, now));
                else closed.add(c.alertId());
            }
            try {
                if (!store.record(r, e.derived(), e.next(), opened, closed, now)) {
                    return new Outcome("duplicate", null, List.of(), List.of());
                }
            } catch (ConcurrentChange conflict) {
                if (attempt < 3) continue;
                throw conflict;
            }
            for (Alert a : opened) sms.send(tenantId, r.storeId(), a);
            return new Outcome("stored", null, opened.stream().map(Alert::alertId).toList(), closed);
        }
    }

    /** A message that was not a JSON object: nothing names its device, so it is counted provider-wide. */
    public Outcome notAnObject() {
        return drop(null, null, TelemetryCheck.Drop.NOT_AN_OBJECT, null, clock.instant());
    }

    /** The silence rule over every device last heard more than {@code minutes} ago (the scheduled watch). */
    public int watchSilence(int minutes, int max) {
        Instant now = clock.instant();
        int opened = 0;
        for (IngestStore.Quiet q : store.quietSince(now.minusSeconds(60L * minutes), max)) {
            IngestStore.DeviceContext ctx;
            Monitor m;
            try {
                ctx = store.context(q.tenantId(), q.storeId(), q.deviceId());
                m = ctx.monitor();
                if (m == null || ctx.registeredKind() == null) continue;   // decommissioned: nothing to watch
                AlertRules.Evaluation e = AlertRules.silence(m, ctx.settings(), now, () -> Ids.next("al"));
                if (e.changes().isEmpty()) continue;
                List<Alert> alerts = e.changes().stream().map(c -> open(m.storeId(), q.deviceId(), c, now)).toList();
                store.recordSilence(q.tenantId(), q.deviceId(), e.next(), alerts, now);
                for (Alert a : alerts) sms.send(q.tenantId(), m.storeId(), a);
                opened += alerts.size();
            } catch (ConcurrentChange readingArrived) {
                // the device spoke meanwhile: not silent
            }
        }
        return opened;
    }

    private static Alert open(String storeId, String deviceId, AlertRules.Change c, Instant now) {
        return new Alert(c.alertId(), storeId, deviceId, c.rule(), Alert.OPEN, c.since().toString(), now.toString(), c.facts(),
                null, null, null, null);
    }

    private Outcome drop(String tenantId, String storeId, TelemetryCheck.Drop d, String detail, Instant now) {
        store.countDrop(tenantId, storeId, d, now);
        return Outcome.dropped(d, detail);
    }

    private static String text(Object o) {
        return o instanceof String s ? s : null;
    }
}
