package com.zhidian.telemetry.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rules a telemetry message must pass before anything is stored: the device's own topic, a known kind, the
 * readings of that kind as numbers within physical bounds, a measuring time close to the receiving time, a small
 * message. A message that fails is dropped with one reason (counted, never thrown).
 */
public final class TelemetryCheck {
    private TelemetryCheck() {}

    /** Why a message was dropped: the counter names of the ingest's drop metrics. */
    public enum Drop { NOT_AN_OBJECT, TOO_LARGE, BAD_TOPIC, UNKNOWN_DEVICE, WRONG_STORE, NOT_A_SENSOR, BAD_FIELD, CLOCK_SKEW }

    /** The outcome: a reading, or the reason it was dropped and which field (null when none). */
    public record Result(Reading reading, Drop drop, String detail) {
        public boolean accepted() { return reading != null; }
        static Result dropped(Drop drop, String detail) { return new Result(null, drop, detail); }
    }

    public static final int MAX_BYTES = 4096;
    public static final Duration MAX_AHEAD = Duration.ofMinutes(5);
    public static final Duration MAX_BEHIND = Duration.ofHours(24);
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_]{1,64}");
    private static final Pattern NAME = Pattern.compile("[a-z0-9_]{1,32}");
    private static final java.util.Set<String> ENVELOPE = java.util.Set.of("kind", "deviceId", "thingName", "seq", "at", "readings",
            "tenantId", "storeId", "topicDeviceId", "clientId");

    /**
     * Checks a message whose topic named {@code tenantId/storeId/deviceId}, sent by a device the registry knows as
     * {@code registeredStore} and {@code registeredKind} (null: not registered), received at {@code now}.
     */
    public static Result check(Map<String, Object> event, int sizeBytes, String tenantId, String storeId, String deviceId,
                               String registeredStore, String registeredKind, Instant now) {
        if (sizeBytes > MAX_BYTES) return Result.dropped(Drop.TOO_LARGE, sizeBytes + " bytes");
        if (!validTopic(tenantId, storeId, deviceId)) return Result.dropped(Drop.BAD_TOPIC, "topic");
        if (registeredKind == null) return Result.dropped(Drop.UNKNOWN_DEVICE, deviceId);
        if (!storeId.equals(registeredStore)) return Result.dropped(Drop.WRONG_STORE, storeId);
        if (!Kinds.sendsTelemetry(registeredKind)) return Result.dropped(Drop.NOT_A_SENSOR, registeredKind);
        for (String k : event.keySet()) if (!ENVELOPE.contains(k)) return Result.dropped(Drop.BAD_FIELD, k);
        Object kind = event.get("kind");
        if (kind != null && !registeredKind.equals(kind)) return Result.dropped(Drop.BAD_FIELD, "kind");
        Object claimed = event.get("deviceId");
        if (claimed != null && !deviceId.equals(claimed)) return Result.dropped(Drop.BAD_FIELD, "deviceId");
        if (!(event.get("seq") instanceof Number seq) || seq.doubleValue() < 0 || seq.doubleValue() != Math.floor(seq.doubleValue())
                || seq.doubleValue() > 9e15) {
            return Result.dropped(Drop.BAD_FIELD, "seq");
        }
        Instant at;
        try {
            at = event.get("at") instanceof String s && s.length() <= 40 ? Instant.parse(s) : null;
        } catch (DateTimeParseException e) {
            at = null;
        }
        if (at == null) return Result.dropped(Drop.BAD_FIELD, "at");
        if (at.isAfter(now.plus(MAX_AHEAD)) || at.isBefore(now.minus(MAX_BEHIND))) return Result.dropped(Drop.CLOCK_SKEW, at.toString());
        if (!(event.get("readings") instanceof Map<?, ?> readings) || readings.isEmpty()) return Result.dropped(Drop.BAD_FIELD, "readings");
        Map<String, Kinds.Metric> allowed = Kinds.metrics(registeredKind);
        Map<String, Double> metrics = new LinkedHashMap<>();
        String zone = null, circuit = null;
        for (Map.Entry<?, ?> e : readings.entrySet()) {
            String name = String.valueOf(e.getKey());
            Object v = e.getValue();
            if (name.equals("status") && registeredKind.equals(Kinds.LABEL)) {
                // a shelf label's status: "ok" or "failed" (what it shows is not what it was sent)
                if (!"ok".equals(v) && !"failed".equals(v)) return Result.dropped(Drop.BAD_FIELD, "readings.status");
                metrics.put("failed", "failed".equals(v) ? 1.0 : 0.0);
                continue;
            }
            if (name.equals("zone") || name.equals("circuit")) {
                if (!(v instanceof String s) || !NAME.matcher(s).matches()) return Result.dropped(Drop.BAD_FIELD, "readings." + name);
                if (name.equals("zone")) zone = s;
                else if (Kinds.CIRCUITS.contains(s)) circuit = s;
                else return Result.dropped(Drop.BAD_FIELD, "readings.circuit");
                continue;
            }
            Kinds.Metric m = allowed.get(name);
            if (m == null) return Result.dropped(Drop.BAD_FIELD, "readings." + name);
            double value;
            if (m.flag() && v instanceof Boolean b) value = b ? 1 : 0;
            else if (!m.flag() && v instanceof Number n) value = n.doubleValue();
            else return Result.dropped(Drop.BAD_FIELD, "readings." + name);
            if (!Double.isFinite(value) || value < m.min() || value > m.max()) return Result.dropped(Drop.BAD_FIELD, "readings." + name);
            metrics.put(name, value);
        }
        if (metrics.isEmpty()) return Result.dropped(Drop.BAD_FIELD, "readings");
        if (registeredKind.equals(Kinds.ENERGY) && circuit == null) circuit = "main";
        return new Result(new Reading(tenantId, storeId, deviceId, registeredKind, ((Number) event.get("seq")).longValue(), at,
                Map.copyOf(metrics), zone, circuit), null, null);
    }

    /** The topic's tenant, store and device are ids at all (the broker's policy has already matched them to the thing). */
    public static boolean validTopic(String tenantId, String storeId, String deviceId) {
        return valid(tenantId) && valid(storeId) && valid(deviceId);
    }

    private static boolean valid(String id) {
        return id != null && ID.matcher(id).matches();
    }
}
