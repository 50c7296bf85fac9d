package com.zhidian.telemetry.application;

import com.zhidian.core.Ids;
import com.zhidian.core.errors.ConcurrentChange;
import com.zhidian.telemetry.domain.Alert;
import com.zhidian.telemetry.domain.AlertRules;
import com.zhidian.telemetry.domain.AlertSettings;
import com.zhidian.telemetry.domain.DeviceFold;
import com.zhidian.telemetry.domain.IngestStore;
import com.zhidian.telemetry.domain.IngestStore.DeviceContext;
import com.zhidian.telemetry.domain.IngestStore.DeviceKey;
import com.zhidian.telemetry.domain.Monitor;
import com.zhidian.telemetry.domain.Reading;
import com.zhidian.telemetry.domain.StoreUsual;
import com.zhidian.telemetry.domain.UsualLevels;
import com.zhidian.telemetry.domain.TelemetryCheck;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ingest of a batch of telemetry messages (the IoT rule's events, as the queue hands them over): each checked
 * against the registry and the rules of {@link TelemetryCheck}; each device's accepted readings run through the alert
 * rules in order and folded ({@link DeviceFold}) into one write of raw readings, one ADD per device-minute and per
 * device-hour, its monitor and its alerts; the writes packed into as few transactions as DynamoDB allows. What cannot
 * be written (a device whose monitor keeps changing under it) is answered as failed, for the queue to hand back. A bad
 * message is dropped and counted, never thrown.
 */
public final class IngestService {
    /** What became of a message: {@code stored}, {@code duplicate} (stored before) or {@code dropped} with the reason; {@code failed}: try again. */
    public record Outcome(String outcome, String reason, List<String> opened, List<String> closed) {
        static Outcome dropped(TelemetryCheck.Drop d, String detail) {
            return new Outcome("dropped", d.name().toLowerCase() + (detail == null ? "" : ": " + detail), List.of(), List.of());
        }

        static final Outcome DUPLICATE = new Outcome("duplicate", null, List.of(), List.of()), FAILED = new Outcome("failed", null, List.of(), List.of());
    }

    /** One message of a batch: its id (the queue's), the rule's event (null: not a JSON object), its size. */
    public record Message(String id, Map<String, Object> event, int sizeBytes) {}

    /** An opened alert to text once its write is done. */
    private record Text(String tenantId, Alert alert, AlertSettings settings) {}

    /** How many times a device's write is folded again after a conflict or a duplicate before its messages are handed back. */
    static final int ATTEMPTS = 5;

    private final IngestStore store;
    private final AlertTexts texts;
    private final Clock clock;

    public IngestService(IngestStore store, AlertTexts texts, Clock clock) {
        this.store = store;
        this.texts = texts;
        this.clock = clock;
    }

    /** One message alone (the sample-year loader, tests): a batch of one. */
    public Outcome ingest(Map<String, Object> event, int sizeBytes) {
        return ingest(List.of(new Message("1", event, sizeBytes))).get("1");
    }

    /** A message that was not a JSON object: nothing names its device, so it is counted provider-wide. */
    public Outcome notAnObject() {
        return ingest(null, 0);
    }

    /** A device's readings still to write, with the ids of their messages. */
    private static final class Pending {
        final DeviceKey key;
        DeviceContext ctx;
        Monitor monitor;
        final List<Reading> readings = new ArrayList<>();
        final List<String> ids = new ArrayList<>();
        int attempts;
        DeviceFold.Result fold;

        Pending(DeviceKey key) {
            this.key = key;
        }
    }

    /** The batch; the answer has every message's outcome by id, in the batch's order. */
    public Map<String, Outcome> ingest(List<Message> batch) {
        Instant now = clock.instant();
        Map<String, Outcome> out = new LinkedHashMap<>();
        for (Message m : batch) out.put(m.id(), null);
        Map<DeviceKey, Map<TelemetryCheck.Drop, Long>> drops = new LinkedHashMap<>();
        Map<DeviceKey, List<Message>> byDevice = new LinkedHashMap<>();
        List<Message> presence = new ArrayList<>();
        for (Message m : batch) {
            if (m.event() != null && m.event().containsKey("presence")) {
                presence.add(m);
                continue;
            }
            if (m.event() == null) {
                out.put(m.id(), drop(drops, null, TelemetryCheck.Drop.NOT_AN_OBJECT, null));
                continue;
            }
            String tenantId = text(m.event().get("tenantId")), storeId = text(m.event().get("storeId")), deviceId = text(m.event().get("topicDeviceId"));
            if (!TelemetryCheck.validTopic(tenantId, storeId, deviceId)) {
                out.put(m.id(), drop(drops, null, TelemetryCheck.Drop.BAD_TOPIC, null));
                continue;
            }
            byDevice.computeIfAbsent(new DeviceKey(tenantId, storeId, deviceId), k -> new ArrayList<>()).add(m);
        }
        Map<DeviceKey, DeviceContext> contexts = byDevice.isEmpty() ? Map.of() : store.contexts(byDevice.keySet());
        List<Pending> pending = new ArrayList<>();
        for (Map.Entry<DeviceKey, List<Message>> e : byDevice.entrySet()) {
            DeviceKey k = e.getKey();
            DeviceContext ctx = contexts.get(k);
            Pending p = new Pending(k);
            p.ctx = ctx;
            Set<String> seen = new HashSet<>();
            for (Message m : e.getValue()) {
                TelemetryCheck.Result checked = TelemetryCheck.check(m.event(), m.sizeBytes(), k.tenantId(), k.storeId(), k.deviceId(),
                        ctx.registeredStore(), ctx.registeredKind(), now);
                if (!checked.accepted()) {
                    // counted against the store only when the registry puts the device there; otherwise provider-wide
                    boolean known = k.storeId().equals(ctx.registeredStore());
                    out.put(m.id(), drop(drops, known ? k : null, checked.drop(), checked.detail()));
                } else if (!seen.add(checked.reading().at() + "#" + checked.reading().seq())) {
                    out.put(m.id(), Outcome.DUPLICATE);   // the same reading twice in one batch (a QoS 1 redelivery)
                } else {
                    p.readings.add(checked.reading());
                    p.ids.add(m.id());
                }
            }
            if (!p.readings.isEmpty()) pending.add(p);
        }
        // drops are counted before anything is written: once a later reading is visible, the earlier drops are too
        if (!drops.isEmpty()) store.countDrops(drops, now);
        drops.clear();
        for (Pending p : pending) p.monitor = start(p);
        List<Text> toText = new ArrayList<>();
        Map<DeviceKey, Instant> energy = new LinkedHashMap<>();   // stores whose meters were written: their newest reading
        Map<DeviceKey, DeviceKey> firstMeter = new LinkedHashMap<>();
        while (!pending.isEmpty()) {
            List<IngestStore.DeviceWrite> writes = new ArrayList<>();
            for (Pending p : pending) {
                AlertSettings s = p.ctx.settings();
                p.fold = DeviceFold.fold(p.monitor, p.readings, s,
                        (r, metric, hours) -> store.hourly(r.tenantId(), r.storeId(), r.kind(), r.deviceId(), metric, hours), () -> Ids.next("al"));
                List<Alert> opened = new ArrayList<>();
                List<String> closed = new ArrayList<>();
                for (AlertRules.Change c : p.fold.changes()) {
                    if (c.opened()) opened.add(open(p.key.storeId(), p.key.deviceId(), c, now));
                    else closed.add(c.alertId());
                }
                writes.add(new IngestStore.DeviceWrite(p.key, p.ctx.registeredKind(), p.fold.readings(), p.fold.minutes(), p.fold.hours(),
                        p.fold.next(), opened, closed));
            }
            List<IngestStore.Written> written = store.write(writes, now);
            List<Pending> again = new ArrayList<>(), reread = new ArrayList<>();
            for (int w = 0; w < writes.size(); w++) {
                Pending p = pending.get(w);
                IngestStore.Written r = written.get(w);
                int n = p.fold.consumed();
                if (r.ok()) {
                    for (int i = 0; i < n; i++) out.put(p.ids.get(i), stored(p.fold, i));
                    if (com.zhidian.telemetry.domain.Kinds.ENERGY.equals(p.ctx.registeredKind())) {
                        DeviceKey storeKey = new DeviceKey(p.key.tenantId(), p.key.storeId(), null);
                        Instant last = p.fold.next().lastAt();
                        energy.merge(storeKey, last, (a, b) -> a.isAfter(b) ? a : b);
                        firstMeter.putIfAbsent(storeKey, p.key);
                    }
                    for (Alert a : writes.get(w).opened()) toText.add(new Text(p.key.tenantId(), a, p.ctx.settings()));
                    p.monitor = p.fold.next().withVersion(p.fold.next().version() + 1);
                    p.readings.subList(0, n).clear();
                    p.ids.subList(0, n).clear();
                    if (!p.readings.isEmpty()) again.add(p);
                    continue;
                }
                // refused: the readings stored before are duplicates; the rest is folded again from the stored monitor
                for (int i = n - 1; i >= 0; i--) {
                    if (r.duplicates().contains(i)) {
                        out.put(p.ids.get(i), Outcome.DUPLICATE);
                        p.readings.remove(i);
                        p.ids.remove(i);
                    }
                }
                if (p.readings.isEmpty()) continue;
                // only a refusal that found no duplicates counts as a try (duplicates are progress: they are gone now)
                if (r.duplicates().isEmpty() && ++p.attempts >= ATTEMPTS) {
                    for (String id : p.ids) out.put(id, Outcome.FAILED);
                    continue;
                }
                reread.add(p);
                again.add(p);
            }
            if (!reread.isEmpty()) {
                Map<DeviceKey, DeviceContext> fresh = store.contexts(reread.stream().map(p -> p.key).toList());
                for (Pending p : reread) {
                    p.ctx = fresh.get(p.key);
                    p.monitor = start(p);
                }
            }
            pending = again;
        }
        for (Map.Entry<DeviceKey, Instant> e : energy.entrySet()) storeEnergy(e.getKey(), e.getValue(), contexts.get(firstMeter.get(e.getKey())).settings(), toText);
        if (!presence.isEmpty()) presence(presence, out, toText);
        if (!drops.isEmpty()) store.countDrops(drops, now);
        for (Text t : toText) texts.opened(t.tenantId(), t.alert(), t.settings());
        return out;
    }

    /**
     * The store-wide usual ({@link StoreUsual}) once a batch for each store whose meters it wrote, at the newest of their
     * readings: the store's kWh this hour from its meters' hour rollups against the same sum in earlier weeks (read once
     * per store and hour). A store monitor changed meanwhile by another batch is left to the next batch.
     */
    private void storeEnergy(DeviceKey where, Instant at, AlertSettings s, List<Text> toText) {
        Instant now = clock.instant();
        IngestStore.StoreHour h = store.storeHour(where.tenantId(), where.storeId(), at);
        Monitor m = h.monitor() == null ? Monitor.first(where.storeId(), StoreUsual.KIND) : h.monitor();
        Map<Instant, Double> baseline = StoreUsual.needsBaseline(m, at, s)
                ? store.storeHourly(where.tenantId(), where.storeId(),
                        UsualLevels.baselineHours(Clock.fixed(at, java.time.ZoneOffset.UTC), s.zone(), UsualLevels.WEEKS))
                : null;
        AlertRules.Evaluation e = StoreUsual.evaluate(m, at, h.kwh(), h.meters(), s, baseline, () -> Ids.next("al"));
        List<Alert> opened = new ArrayList<>();
        List<String> closed = new ArrayList<>();
        for (AlertRules.Change c : e.changes()) {
            if (c.opened()) opened.add(open(where.storeId(), where.storeId(), c, now));
            else closed.add(c.alertId());
        }
        if (store.writeStore(where.tenantId(), e.next(), opened, closed, now)) {
            for (Alert a : opened) toText.add(new Text(where.tenantId(), a, s));
        }
    }

    /**
     * The broker's lifecycle events ({@code $aws/events/presence/connected|disconnected/<clientId>}, the client id the thing
     * name {@code zd-<tenant>-<device>}): each device's disconnect or reconnect on its monitor (one write a device, in the
     * events' order). A client that is not one of ours, or a device no longer registered, is ignored.
     */
    private void presence(List<Message> events, Map<String, Outcome> out, List<Text> toText) {
        Map<DeviceKey, List<Message>> byDevice = new LinkedHashMap<>();
        for (Message m : events) {
            String client = text(m.event().get("clientId")), kind = text(m.event().get("presence"));
            Object ts = m.event().get("timestamp");
            String[] parts = client == null ? new String[0] : client.split("-", 3);
            if (parts.length != 3 || !"zd".equals(parts[0]) || !(ts instanceof Number) || !("connected".equals(kind) || "disconnected".equals(kind))
                    || !TelemetryCheck.validTopic(parts[1], "presence", parts[2])) {
                out.put(m.id(), new Outcome("ignored", "presence", List.of(), List.of()));
                continue;
            }
            byDevice.computeIfAbsent(new DeviceKey(parts[1], null, parts[2]), k -> new ArrayList<>()).add(m);
        }
        for (int attempt = 0; attempt < ATTEMPTS && !byDevice.isEmpty(); attempt++) {
            Map<DeviceKey, DeviceContext> contexts = store.contexts(byDevice.keySet());
            List<DeviceKey> keys = new ArrayList<>();
            List<IngestStore.DeviceWrite> writes = new ArrayList<>();
            for (Map.Entry<DeviceKey, List<Message>> e : byDevice.entrySet()) {
                DeviceContext ctx = contexts.get(e.getKey());
                if (ctx.registeredKind() == null) {
                    for (Message m : e.getValue()) out.put(m.id(), new Outcome("ignored", "unknown_device", List.of(), List.of()));
                    continue;
                }
                if (ctx.monitor() == null && e.getValue().stream().allMatch(x -> "connected".equals(x.event().get("presence")))) {
                    // a device connecting that we know nothing of yet: nothing to remember (no monitor, no place in the charts)
                    for (Message m : e.getValue()) out.put(m.id(), new Outcome("ignored", "connected", List.of(), List.of()));
                    continue;
                }
                DeviceKey k = new DeviceKey(e.getKey().tenantId(), ctx.registeredStore(), e.getKey().deviceId());
                Monitor m = ctx.monitor() == null ? Monitor.first(k.storeId(), ctx.registeredKind()) : ctx.monitor();
                List<String> closed = new ArrayList<>();
                for (Message msg : e.getValue()) {
                    Instant at = Instant.ofEpochMilli(((Number) msg.event().get("timestamp")).longValue());
                    AlertRules.Evaluation ev = AlertRules.presence(m, "connected".equals(msg.event().get("presence")), at);
                    for (AlertRules.Change c : ev.changes()) closed.add(c.alertId());
                    m = ev.next();
                }
                keys.add(e.getKey());
                writes.add(new IngestStore.DeviceWrite(k, ctx.registeredKind(), List.of(), Map.of(), Map.of(), m, List.of(), closed));
            }
            List<IngestStore.Written> written = writes.isEmpty() ? List.of() : store.write(writes, clock.instant());
            Map<DeviceKey, List<Message>> again = new LinkedHashMap<>();
            for (int i = 0; i < writes.size(); i++) {
                List<Message> msgs = byDevice.get(keys.get(i));
                if (written.get(i).ok()) {
                    for (Message m : msgs) out.put(m.id(), new Outcome("stored", null, List.of(), writes.get(i).closed()));
                } else {
                    again.put(keys.get(i), msgs);
                }
            }
            byDevice = again;
        }
        for (List<Message> left : byDevice.values()) for (Message m : left) out.put(m.id(), Outcome.FAILED);
    }

    private static Monitor start(Pending p) {
        return p.ctx.monitor() == null ? Monitor.first(p.key.storeId(), p.ctx.registeredKind()) : p.ctx.monitor();
    }

    private static Outcome stored(DeviceFold.Result f, int reading) {
        List<String> opened = new ArrayList<>(), closed = new ArrayList<>();
        for (int c = 0; c < f.changes().size(); c++) {
            if (f.changeReadings().get(c) != reading) continue;
            (f.changes().get(c).opened() ? opened : closed).add(f.changes().get(c).alertId());
        }
        return new Outcome("stored", null, opened, closed);
    }

    /** The silence rule over every device last heard more than {@code minutes} ago (the scheduled watch). */
    public int watchSilence(int minutes, int max) {
        Instant now = clock.instant();
        int opened = 0;
        for (IngestStore.Quiet q : store.quietSince(now.minusSeconds(60L * minutes), max)) {
            DeviceKey k = new DeviceKey(q.tenantId(), q.storeId(), q.deviceId());
            try {
                DeviceContext ctx = store.contexts(List.of(k)).get(k);
                Monitor m = ctx.monitor();
                if (m == null || ctx.registeredKind() == null) continue;   // decommissioned: nothing to watch
                AlertRules.Evaluation e = AlertRules.silence(m, ctx.settings(), now, () -> Ids.next("al"));
                if (e.changes().isEmpty()) continue;
                List<Alert> alerts = e.changes().stream().map(c -> open(m.storeId(), q.deviceId(), c, now)).toList();
                store.recordSilence(q.tenantId(), q.deviceId(), e.next(), alerts, now);
                for (Alert a : alerts) texts.opened(q.tenantId(), a, ctx.settings());
                opened += alerts.size();
            } catch (ConcurrentChange readingArrived) {
                // the device spoke meanwhile: not silent
            }
        }
        return opened;
    }

    /** The alert SMS that waited for the end of quiet hours (the watch, every minute). */
    public int sendDueTexts(int max) {
        return texts.sendDue(max);
    }

    private static Alert open(String storeId, String deviceId, AlertRules.Change c, Instant now) {
        return new Alert(c.alertId(), storeId, deviceId, c.rule(), Alert.OPEN, c.since().toString(), now.toString(), c.facts(),
                null, null, null, null);
    }

    private static Outcome drop(Map<DeviceKey, Map<TelemetryCheck.Drop, Long>> drops, DeviceKey where, TelemetryCheck.Drop d, String detail) {
        DeviceKey k = where == null ? new DeviceKey(null, null, null) : new DeviceKey(where.tenantId(), where.storeId(), null);
        drops.computeIfAbsent(k, x -> new EnumMap<>(TelemetryCheck.Drop.class)).merge(d, 1L, Long::sum);
        return Outcome.dropped(d, detail);
    }

    private static String text(Object o) {
        return o instanceof String s ? s : null;
    }
}
