package com.zhidian.iot;

import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.crt.mqtt.MqttClientConnection;
import software.amazon.awssdk.crt.mqtt.MqttMessage;
import software.amazon.awssdk.crt.mqtt.QualityOfService;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A traffic counter, fridge sensor, energy meter or environment sensor: it publishes a reading on
 * {@code zhidian/{tenantId}/{storeId}/{deviceId}/telemetry} on a schedule, as
 * {@code {"kind","deviceId","thingName","seq","at","readings":{...}}}.
 */
public final class TelemetryDevice implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final DeviceConfig device;
    private final Connections connections;
    private final Sensors.Sensor sensor;
    private final Clock clock;
    private final Random random;
    private MqttClientConnection connection;
    private ScheduledFuture<?> schedule;
    private long seq;

    public TelemetryDevice(DeviceConfig device, Connections connections, Clock clock) {
        this.device = device;
        this.connections = connections;
        this.sensor = Sensors.forKind(device.kind());
        this.clock = clock;
        this.random = new Random(device.thingName().hashCode());
    }

    public void connect() throws Exception {
        connection = connections.open(device);
        connection.connect().get(15, TimeUnit.SECONDS);
    }

    /** Publishes every {@code interval} on the timer, starting after a random part of it (no thundering herd). */
    public void schedule(ScheduledExecutorService timer, Duration interval) {
        long period = interval.toMillis();
        schedule = timer.scheduleAtFixedRate(this::publishQuietly, random.nextInt((int) Math.max(1, period)),
                period, TimeUnit.MILLISECONDS);
    }

    /** Publishes one reading now (QoS 1); completes when the broker acknowledged it. */
    public synchronized CompletableFuture<Integer> publish() {
        seq++;
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("kind", device.kind());
        message.put("deviceId", device.deviceId());
        message.put("thingName", device.thingName());
        message.put("seq", seq);
        message.put("at", clock.instant().toString());
        message.put("readings", sensor.read(seq, random));
        try {
            return connection.publish(new MqttMessage(device.topicPrefix() + "/telemetry",
                    JSON.writeValueAsBytes(message), QualityOfService.AT_LEAST_ONCE, false));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void publishQuietly() {
        try {
            publish();
        } catch (RuntimeException e) {
            System.err.println(device.thingName() + ": telemetry not sent: " + e.getMessage());
        }
    }

    public DeviceConfig device() {
        return device;
    }

    @Override
    public void close() {
        if (schedule != null) {
            schedule.cancel(false);
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
