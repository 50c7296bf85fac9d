package com.zhidian.local;

import com.zhidian.local.aws.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zhidian.local.faults.Faultable;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Fault injection: stop or slow a stand-in on command ({@code POST /local/faults}), to test that functions
 * answer a clear 503 problem, write nothing partial, and recover when the service returns. Each stand-in offers
 * the kit's {@link Faultable}; this registry names the ones Zhidian Local runs.
 */
public final class Faults {

    /** The stand-ins that can be faulted. JSON names are the lower-case names. */
    public enum Service {
        DYNAMODB, COGNITO, STRIPE, S3;

        public String jsonName() { return name().toLowerCase(Locale.ROOT); }

        public static Service parse(String s) { return valueOf(s.trim().toUpperCase(Locale.ROOT)); }
    }

    /** up: normal; down: every call fails as the service being unavailable; slow: every call waits first. */
    public enum Mode {
        UP, DOWN, SLOW;

        public static Mode parse(String s) { return valueOf(s.trim().toUpperCase(Locale.ROOT)); }
    }

    public record State(Mode mode, Duration delay) {}

    private final Map<Service, Faultable> targets = new EnumMap<>(Service.class);
    private final Map<Service, State> states = new EnumMap<>(Service.class);

    Faults() {}

    synchronized void register(Service service, Faultable target) {
        targets.put(service, target);
        states.put(service, new State(Mode.UP, Duration.ZERO));
    }

    /** Sets a service's mode; {@code delay} is used by SLOW (and ignored otherwise). */
    public synchronized void set(Service service, Mode mode, Duration delay) {
        Faultable t = targets.get(service);
        if (t == null) throw new IllegalArgumentException("service " + service.jsonName() + " is not running");
        Duration d = mode == Mode.SLOW ? (delay == null ? Duration.ofSeconds(1) : delay) : Duration.ZERO;
        if (d.isNegative()) throw new IllegalArgumentException("delayMs must not be negative");
        t.setUnavailable(mode == Mode.DOWN);
        t.setLatency(d);
        states.put(service, new State(mode, d));
    }

    public void down(Service service) { set(service, Mode.DOWN, null); }

    public void slow(Service service, Duration delay) { set(service, Mode.SLOW, delay); }

    public void up(Service service) { set(service, Mode.UP, null); }

    /** Every service back up. */
    public synchronized void clear() {
        for (Service s : targets.keySet()) set(s, Mode.UP, null);
    }

    public synchronized State state(Service service) {
        return states.getOrDefault(service, new State(Mode.UP, Duration.ZERO));
    }

    /** {@code {"dynamodb": {"mode": "up", "delayMs": 0}, "cognito": {...}}} */
    public synchronized ObjectNode toJson() {
        ObjectNode o = Json.object();
        states.forEach((s, st) -> o.putObject(s.jsonName())
                .put("mode", st.mode().name().toLowerCase(Locale.ROOT))
                .put("delayMs", st.delay().toMillis()));
        return o;
    }
}
