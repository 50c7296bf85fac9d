package com.zhidian.iot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A fleet simulator: starts every device of a list in one process, sharing one event loop group, shelf
 * labels following their {@code esl} shadow and sensors publishing telemetry on a schedule.
 *
 * <p>Run: {@code java com.zhidian.iot.Fleet fleet.json}, where the file holds {@code {"host", "port",
 * "telemetrySeconds", "devices": [{"kind", "thingName", "tenantId", "storeId", "deviceId", "secret"}]}}
 * (locally; for AWS IoT Core give {@code certificatePath} and {@code privateKeyPath} instead of
 * {@code secret}, and the account's ATS endpoint with port 8883). It runs until stopped.
 */
public final class Fleet implements AutoCloseable {
    private final Connections connections;
    private final ScheduledExecutorService timer;
    private final List<ShelfLabel> labels = new ArrayList<>();
    private final List<TelemetryDevice> sensors = new ArrayList<>();

    private Fleet(int threads) {
        this.connections = new Connections(threads);
        this.timer = Executors.newScheduledThreadPool(1, r -> {
            Thread t = new Thread(r, "fleet-telemetry");
            t.setDaemon(true);
            return t;
        });
    }

    /** Connects every device; a device that cannot connect stops the start and closes the rest. */
    public static Fleet start(List<DeviceConfig> devices, Duration telemetryEvery, Clock clock) throws Exception {
        Fleet fleet = new Fleet(Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
        try {
            for (DeviceConfig device : devices) {
                if (device.kind().equals("esl")) {
                    ShelfLabel label = new ShelfLabel(device, fleet.connections);
                    fleet.labels.add(label);
                    label.start();
                } else {
                    TelemetryDevice sensor = new TelemetryDevice(device, fleet.connections, clock);
                    fleet.sensors.add(sensor);
                    sensor.connect();
                    sensor.schedule(fleet.timer, telemetryEvery);
                }
            }
            return fleet;
        } catch (Exception e) {
            fleet.close();
            throw e;
        }
    }

    public List<ShelfLabel> labels() {
        return List.copyOf(labels);
    }

    public List<TelemetryDevice> sensors() {
        return List.copyOf(sensors);
    }

    /** Reads a fleet file (see the class comment). */
    public static List<DeviceConfig> read(JsonNode fleet) {
        String host = fleet.path("host").asText("127.0.0.1");
        int port = fleet.path("port").asInt(1883);
        List<DeviceConfig> devices = new ArrayList<>();
        for (JsonNode d : fleet.path("devices")) {
            devices.add(new DeviceConfig(d.path("kind").asText(), d.path("thingName").asText(),
                    d.path("tenantId").asText(), d.path("storeId").asText(), d.path("deviceId").asText(), host, port,
                    d.path("secret").asText(null), d.path("certificatePath").asText(null),
                    d.path("privateKeyPath").asText(null)));
        }
        return devices;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: Fleet fleet.json");
            System.exit(2);
        }
        JsonNode file = new ObjectMapper().readTree(Files.readAllBytes(Path.of(args[0])));
        List<DeviceConfig> devices = read(file);
        Fleet fleet = start(devices, Duration.ofSeconds(file.path("telemetrySeconds").asLong(60)), Clock.systemUTC());
        Runtime.getRuntime().addShutdownHook(new Thread(fleet::close));
        System.out.println("fleet: " + fleet.labels.size() + " shelf labels and " + fleet.sensors.size()
                + " sensors connected; Ctrl-C stops");
        Thread.currentThread().join();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        labels.forEach(ShelfLabel::close);
        sensors.forEach(TelemetryDevice::close);
        connections.close();
    }
}
