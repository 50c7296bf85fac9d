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

    /** A flash is acknowledged this long after it shows: the simulated member of staff presses the label's button. */
    public static final Duration FLASH_ACK_AFTER = Duration.ofSeconds(5);

    /**
     * Connects every device; a device that cannot connect stops the start and closes the rest. Labels behave as real
     * ones ({@link ShelfLabel#behaving}): they switch to their next price at its time and acknowledge a flash after
     * {@link #FLASH_ACK_AFTER}.
     */
    public static Fleet start(List<DeviceConfig> devices, Duration telemetryEvery, Clock clock) throws Exception {
        return start(devices, telemetryEvery, clock, FLASH_ACK_AFTER);
    }

    /** The same, with the labels acknowledging a flash after {@code flashAckAfter} (null: never by themselves). */
    public static Fleet start(List<DeviceConfig> devices, Duration telemetryEvery, Clock clock, Duration flashAckAfter) throws Exception {
        Fleet fleet = new Fleet(Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
        try {
            for (DeviceConfig device : devices) {
                if (device.kind().equals("esl")) {
                    ShelfLabel label = new ShelfLabel(device, fleet.connections).behaving(fleet.timer, clock, flashAckAfter);
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
        List<DeviceConfig> devices = new ArrayList<>();
        java.util.Map<String, PlateCamera> cameras = new java.util.LinkedHashMap<>();
        List<DeviceConfig> all = read(file);
        for (int i = 0; i < all.size(); i++) {
            DeviceConfig d = all.get(i);
            if (d.kind().equals("plate_camera") || d.kind().equals("space_sensor")) {
                cameras.put(d.deviceId(), new PlateCamera(d, null, file.path("devices").get(i).path("gate").asText("space")));
            } else {
                devices.add(d);
            }
        }
        Fleet fleet = start(devices, Duration.ofSeconds(file.path("telemetrySeconds").asLong(60)), Clock.systemUTC());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            cameras.values().forEach(PlateCamera::close);
            fleet.close();
        }));
        java.util.Map<String, PlateCamera> started = new java.util.LinkedHashMap<>();
        for (var e : cameras.entrySet()) {
            PlateCamera c = new PlateCamera(e.getValue().device(), fleet.connections, e.getValue().gate());
            c.start();
            started.put(e.getKey(), c);
        }
        System.out.println("fleet: " + fleet.labels.size() + " shelf labels, " + fleet.sensors.size()
                + " sensors and " + started.size() + " plate cameras connected; Ctrl-C stops");
        if (started.isEmpty()) Thread.currentThread().join();
        drive(started);
    }

    /**
     * Plate cameras take their cars from standard input, a line each: {@code plate <deviceId> <plate> [zone]} (a car
     * in front of the camera) or {@code space <deviceId> <zone> <space> <plate>} (a space sensor reads a car); each
     * line is answered {@code sent <n>} once published, or {@code refused: <why>}.
     */
    static void drive(java.util.Map<String, PlateCamera> cameras) throws Exception {
        var in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8));
        int n = 0;
        for (String line; (line = in.readLine()) != null; ) {
            String[] w = line.strip().split("\\s+");
            PlateCamera c = w.length > 1 ? cameras.get(w[1]) : null;
            try {
                if (c != null && w[0].equals("plate") && w.length >= 3) c.read(w[2], w.length > 3 ? w[3] : null);
                else if (c != null && w[0].equals("space") && w.length == 5) c.space(w[2], w[3], w[4]);
                else throw new IllegalArgumentException("unknown camera or command: " + line);
                System.out.println("sent " + (++n));
            } catch (Exception e) {
                System.out.println("refused: " + e.getMessage());
            }
        }
        Thread.currentThread().join();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        // Devices close side by side: each waits up to 10 s for its DISCONNECT, and one after another the sample store's
        // few made Ctrl-C of ./zhidian-local take over a minute (73 s measured).
        java.util.concurrent.ExecutorService closing = Executors.newFixedThreadPool(Math.max(1, Math.min(32, labels.size() + sensors.size())));
        labels.forEach(l -> closing.execute(l::close));
        sensors.forEach(d -> closing.execute(d::close));
        closing.shutdown();
        try {
            closing.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        connections.close();
    }
}
