package com.zhidian.iot;

import software.amazon.awssdk.crt.mqtt.MqttClientConnection;
import software.amazon.awssdk.crt.mqtt.MqttClientConnectionEvents;
import software.amazon.awssdk.iot.iotshadow.model.GetShadowResponse;
import software.amazon.awssdk.iot.iotshadow.model.ShadowDeltaUpdatedEvent;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * An electronic shelf label (电子价签) on the AWS IoT Device SDK v2: it follows the desired state of its
 * named shadow {@code esl} ({@code IotShadowClient} over MQTT 3.1.1). On connecting (and reconnecting) it
 * gets the shadow and shows its desired state, so a change made while it was offline is caught up; on every
 * delta it merges the change into what it shows, "renders" it, and reports the shown fields with
 * {@code renderedHash}, {@code firmware} and {@code battery}. A desired key that is removed never reaches a
 * device as a delta (AWS computes the delta from desired keys only), so the cloud ends a promotion by
 * setting {@code "promotion": false}, not null.
 */
public final class ShelfLabel implements AutoCloseable {
    public static final String SHADOW = "esl";
    public static final String FIRMWARE = "esl-sim-1.0";
    private final DeviceConfig device;
    private final Connections connections;
    private final Map<String, Object> shown = new LinkedHashMap<>();
    private MqttClientConnection connection;
    private NamedShadow shadow;
    private volatile String renderedHash;
    private volatile int battery = 100;
    /** Device-side behaviour on a timer (null: none): switching to {@code next} at its time, acknowledging flashes. */
    private ScheduledExecutorService timer;
    private Clock clock = Clock.systemUTC();
    private Duration flashAckAfter;
    private String switchPlanned;
    private ScheduledFuture<?> switchAt;
    private String ackPlanned;

    public ShelfLabel(DeviceConfig device, Connections connections) {
        this.device = device;
        this.connections = connections;
    }

    /**
     * Makes the label behave as a real one on its own, on {@code timer}: at the time of the {@code next} price it
     * holds, it shows that price (with the promotion and unit price that come with it) and reports it, so a
     * scheduled change of a whole store happens at its second on every label with no message from the cloud; and
     * when {@code flashAckAfter} is not null, a flash is acknowledged that long after it starts showing (the
     * simulated member of staff pressing its button). Call before {@link #start()}.
     */
    public ShelfLabel behaving(ScheduledExecutorService timer, Clock clock, Duration flashAckAfter) {
        this.timer = timer;
        this.clock = clock;
        this.flashAckAfter = flashAckAfter;
        return this;
    }

    /** Connects, subscribes to the delta and the get answers, and asks for the shadow (again on resuming). */
    public void start() throws Exception {
        connection = connections.connected(device, new MqttClientConnectionEvents() {
            @Override
            public void onConnectionInterrupted(int errorCode) {
            }

            @Override
            public void onConnectionResumed(boolean sessionPresent) {
                shadow.askWhole();
            }
        }, c -> {
            shadow = new NamedShadow(c, device.thingName(), SHADOW);
            shadow.onDelta(this::onDelta);
            shadow.onWhole(this::onShadow);
        });
    }

    /**
     * The whole shadow, on (re)connecting: the label shows the desired state as it is now, which also
     * drops what the cloud removed while the label was away. With nothing desired it shows nothing new.
     */
    private void onShadow(GetShadowResponse response) {
        if (response.state == null || response.state.desired == null) {
            return;
        }
        synchronized (shown) {
            shown.clear();
            LabelRendering.merge(shown, response.state.desired);
            render(true);
        }
    }

    private void onDelta(ShadowDeltaUpdatedEvent event) {
        if (event.state == null) {
            return;
        }
        synchronized (shown) {
            LabelRendering.merge(shown, event.state);
            render(false);
        }
    }

    /**
     * "Renders" what is shown and reports it; with {@link #behaving}, a {@code next} price whose time has come by the
     * label's clock is shown first. What shows the same as before is not reported again unless {@code always} (on
     * (re)connecting): the shadow service answers every report that differs from the desired state with a delta, and
     * a label that switched to its next price before the cloud did would otherwise report, get the old content back,
     * switch again and report, round and round. Called with {@code shown} locked.
     */
    private void render(boolean always) {
        if (timer != null) {
            applyDueNext();
        }
        plan();
        String hash = LabelRendering.hash(shown);
        if (!always && hash.equals(renderedHash)) {
            return;
        }
        renderedHash = hash;
        battery = Math.max(1, battery - (renderedHash.hashCode() & 1)); // an e-paper refresh costs a little
        HashMap<String, Object> reported = new HashMap<>(shown);
        reported.put("renderedHash", renderedHash);
        reported.put("firmware", FIRMWARE);
        reported.put("battery", battery);
        shadow.report(reported);
    }

    /**
     * What the label does on its own next (with {@link #behaving}): the switch to the {@code next} price at its
     * time, and the acknowledgement of a flash it shows. Called with {@code shown} locked.
     */
    private void plan() {
        if (timer == null) {
            return;
        }
        Object next = shown.get("next");
        String key = next instanceof Map<?, ?> n && n.get("at") != null && n.get("price") != null ? n.toString() : null;
        if (key != null && !key.equals(switchPlanned)) {
            if (switchAt != null) {
                switchAt.cancel(false);
            }
            switchPlanned = key;
            long delay = Math.max(0, Duration.between(clock.instant(), java.time.Instant.parse(((Map<?, ?>) next).get("at").toString())).toMillis());
            switchAt = timer.schedule(() -> switchToNext(key), delay, TimeUnit.MILLISECONDS);
        }
        Object flash = shown.get("flash");
        if (flashAckAfter != null && flash instanceof Map<?, ?> f && f.get("requestId") != null
                && !f.get("requestId").equals(ackPlanned)) {
            ackPlanned = f.get("requestId").toString();
            timer.schedule(() -> acknowledgeFlash(clock.instant()), flashAckAfter.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** The time of the {@code next} price came (the timer): the label shows it and reports. */
    private void switchToNext(String key) {
        synchronized (shown) {
            if (!(shown.get("next") instanceof Map<?, ?> next) || !key.equals(next.toString())) {
                return; // the cloud changed or took back the next price meanwhile
            }
            long early = Duration.between(clock.instant(), java.time.Instant.parse(next.get("at").toString())).toMillis();
            if (early > 0) { // the timer's clock is not the label's: wait for the label's
                switchAt = timer.schedule(() -> switchToNext(key), early, TimeUnit.MILLISECONDS);
                return;
            }
            render(false);
        }
    }

    /** Shows the {@code next} price, its promotion and unit price when its time has come by the label's clock. */
    @SuppressWarnings("unchecked")
    private void applyDueNext() {
        if (shown.get("next") instanceof Map<?, ?> next && next.get("at") != null && next.get("price") != null
                && !clock.instant().isBefore(java.time.Instant.parse(next.get("at").toString()))) {
            LabelRendering.merge(shown, switched((Map<String, Object>) next));
        }
    }

    /** The fields a label shows when its {@code next} price comes: the price, its promotion and unit price, no next. */
    static Map<String, Object> switched(Map<String, Object> next) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("price", next.get("price"));
        fields.put("promotion", next.getOrDefault("promotion", false));
        if (next.containsKey("unitPrice")) {
            fields.put("unitPrice", next.get("unitPrice"));
        }
        fields.put("next", false);
        return fields;
    }

    /**
     * A member of staff pressed the label's button while it flashes (picking or restocking, 补货和拣货提醒):
     * reports {@code "flashAck": {"requestId", "at"}} for the flash it shows, a desired
     * {@code "flash": {"requestId", "until"}}. False when it shows no flash.
     */
    public boolean acknowledgeFlash(java.time.Instant at) {
        Object flash;
        synchronized (shown) {
            flash = shown.get("flash");
        }
        if (!(flash instanceof Map<?, ?> request) || request.get("requestId") == null) {
            return false;
        }
        HashMap<String, Object> ack = new HashMap<>();
        ack.put("requestId", request.get("requestId"));
        ack.put("at", at.toString());
        HashMap<String, Object> reported = new HashMap<>();
        reported.put("flashAck", ack);
        shadow.report(reported);
        return true;
    }

    /** A copy of what the label shows now. */
    public Map<String, Object> shown() {
        synchronized (shown) {
            return new LinkedHashMap<>(shown);
        }
    }

    public String renderedHash() {
        return renderedHash;
    }

    public DeviceConfig device() {
        return device;
    }

    @Override
    public void close() {
        if (switchAt != null) {
            switchAt.cancel(false);
        }
        if (connection != null) {
            try {
                connection.disconnect().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                // closing anyway
            }
            connection.close();
        }
    }
}
