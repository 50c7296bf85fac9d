package com.zhidian.iot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.crt.mqtt.MqttClientConnection;
import software.amazon.awssdk.crt.mqtt.MqttMessage;
import software.amazon.awssdk.crt.mqtt.QualityOfService;

/**
 * A fridge sensor whose fridge is failing: it starts at 3.5 °C and warms by {@code degreesPerReading} each reading up to
 * 9 °C, where it stays, so the store's "fridge too warm" alert opens once the readings have been over the line for the
 * store's minimum duration (set it short in the store's alert settings to see it within minutes). The readings carry
 * the real time; nothing is back-dated.
 *
 * <p>Run: {@code java com.zhidian.iot.WarmingFridge device.json [seconds] [degreesPerReading]} with the device as in a
 * fleet file ({@code {"kind":"fridge_sensor","thingName","tenantId","storeId","deviceId","secret","host","port"}}).
 */
public final class WarmingFridge {
    private static final ObjectMapper JSON = new ObjectMapper();

    private WarmingFridge() {}

    /** The temperature of the {@code n}th reading (from 1). */
    public static double temperature(long n, double degreesPerReading) {
        return Math.min(9.0, Math.round((3.5 + (n - 1) * degreesPerReading) * 10) / 10.0);
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: WarmingFridge device.json [seconds] [degreesPerReading]");
            System.exit(2);
        }
        JsonNode d = JSON.readTree(Files.readAllBytes(Path.of(args[0])));
        long seconds = args.length > 1 ? Long.parseLong(args[1]) : 30;
        double step = args.length > 2 ? Double.parseDouble(args[2]) : 0.5;
        DeviceConfig device = new DeviceConfig("fridge_sensor", d.path("thingName").asText(), d.path("tenantId").asText(),
                d.path("storeId").asText(), d.path("deviceId").asText(), d.path("host").asText("127.0.0.1"), d.path("port").asInt(1883),
                d.path("secret").asText(null), d.path("certificatePath").asText(null), d.path("privateKeyPath").asText(null));
        Clock clock = Clock.systemUTC();
        try (Connections connections = new Connections(1)) {
            MqttClientConnection connection = connections.open(device);
            connection.connect().get(15, TimeUnit.SECONDS);
            for (long n = 1; ; n++) {
                Map<String, Object> message = new LinkedHashMap<>();
                message.put("kind", "fridge_sensor");
                message.put("deviceId", device.deviceId());
                message.put("thingName", device.thingName());
                message.put("seq", n);
                message.put("at", clock.instant().toString());
                message.put("readings", Map.of("temperatureC", temperature(n, step), "doorOpen", false));
                connection.publish(new MqttMessage(device.topicPrefix() + "/telemetry", JSON.writeValueAsBytes(message),
                        QualityOfService.AT_LEAST_ONCE, false)).get(10, TimeUnit.SECONDS);
                System.out.println(device.thingName() + ": " + temperature(n, step) + " °C");
                Thread.sleep(Duration.ofSeconds(seconds).toMillis());
            }
        }
    }

    /**
     * The same fridge on a daemon thread of its own (the sample fleet starts one): a reading every {@code every},
     * warming by {@code degreesPerReading}; closing it stops the readings and the connection.
     */
    public static AutoCloseable run(DeviceConfig device, Connections connections, Duration every, double degreesPerReading) throws Exception {
        MqttClientConnection connection = connections.open(device);
        connection.connect().get(15, TimeUnit.SECONDS);
        java.util.concurrent.ScheduledExecutorService timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "warming-fridge-" + device.deviceId());
            t.setDaemon(true);
            return t;
        });
        java.util.concurrent.atomic.AtomicLong n = new java.util.concurrent.atomic.AtomicLong();
        Clock clock = Clock.systemUTC();
        timer.scheduleAtFixedRate(() -> {
            long seq = n.incrementAndGet();
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("kind", "fridge_sensor");
            message.put("deviceId", device.deviceId());
            message.put("thingName", device.thingName());
            message.put("seq", seq);
            message.put("at", clock.instant().toString());
            message.put("readings", Map.of("temperatureC", temperature(seq, degreesPerReading), "doorOpen", false));
            try {
                connection.publish(new MqttMessage(device.topicPrefix() + "/telemetry", JSON.writeValueAsBytes(message),
                        QualityOfService.AT_LEAST_ONCE, false));
            } catch (Exception e) {
                System.err.println(device.thingName() + ": reading not sent: " + e);
            }
        }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        return () -> {
            timer.shutdownNow();
            try {
                connection.disconnect().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                // closing anyway
            }
            connection.close();
        };
    }
}
