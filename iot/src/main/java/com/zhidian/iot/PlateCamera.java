package com.zhidian.iot;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.crt.mqtt.MqttClientConnection;
import software.amazon.awssdk.crt.mqtt.MqttMessage;
import software.amazon.awssdk.crt.mqtt.QualityOfService;
import software.amazon.awssdk.iot.iotshadow.model.ShadowDeltaUpdatedEvent;

/**
 * A simulated plate camera of a car park (车牌识别相机) on the AWS IoT Device SDK v2, at the entry or the exit, with a
 * barrier. It reports each plate it reads on {@code zhidian/<tenant>/<store>/<device>/parking}
 * ({@code {"type":"plate","gate":"entry|exit","plate","zone"}}); at the exit the cloud opens the barrier through the
 * named shadow {@code barrier} ({@code desired.open}: the stay), and the camera opens it, reports the same value and
 * publishes {@code {"type":"barrier","sessionId"}}, its acknowledgement. A space sensor that reads plates is the same
 * program with {@link #space}.
 */
public final class PlateCamera implements AutoCloseable {
    public static final String SHADOW = "barrier";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DeviceConfig device;
    private final Connections connections;
    private final String gate;
    private final AtomicInteger opened = new AtomicInteger();
    private MqttClientConnection connection;
    private NamedShadow shadow;
    private volatile Object lastOpen;

    /** {@code gate}: entry or exit (a space sensor: any, it reports spaces only). */
    public PlateCamera(DeviceConfig device, Connections connections, String gate) {
        this.device = device;
        this.connections = connections;
        this.gate = gate;
    }

    public void start() throws Exception {
        connection = connections.connected(device, null, c -> {
            if (!"exit".equals(gate)) return;
            shadow = new NamedShadow(c, device.thingName(), SHADOW);
            shadow.onDelta(this::onDelta);
        });
    }

    DeviceConfig device() {
        return device;
    }

    String gate() {
        return gate;
    }

    /** How many times the barrier opened. */
    public int opened() {
        return opened.get();
    }

    /** A car in front of the camera: its plate read and reported. */
    public void read(String plate, String zone) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "plate");
        m.put("gate", gate);
        m.put("plate", plate);
        if (zone != null) m.put("zone", zone);
        publish(m);
    }

    /** A space sensor reads a car in a space. */
    public void space(String zone, String space, String plate) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "space");
        m.put("zone", zone);
        m.put("space", space);
        m.put("plate", plate);
        m.put("occupied", true);
        publish(m);
    }

    private void onDelta(ShadowDeltaUpdatedEvent event) {
        Object open = event.state == null ? null : event.state.get("open");
        if (!(open instanceof String session) || session.isEmpty() || open.equals(lastOpen)) return;
        lastOpen = open;
        opened.incrementAndGet();
        HashMap<String, Object> reported = new HashMap<>();
        reported.put("open", session);
        shadow.report(reported);
        Map<String, Object> ack = new LinkedHashMap<>();
        ack.put("type", "barrier");
        ack.put("sessionId", session);
        try {
            publish(ack);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void publish(Map<String, Object> m) throws Exception {
        connection.publish(new MqttMessage(device.topicPrefix() + "/parking", JSON.writeValueAsBytes(m), QualityOfService.AT_LEAST_ONCE, false));
    }

    @Override
    public void close() {
        if (connection != null) {
            connection.disconnect();
            connection.close();
        }
    }
}
