package com.zhidian.iot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import software.amazon.awssdk.crt.mqtt.MqttClientConnection;
import software.amazon.awssdk.crt.mqtt.MqttMessage;
import software.amazon.awssdk.crt.mqtt.QualityOfService;
import software.amazon.awssdk.iot.iotshadow.model.ShadowDeltaUpdatedEvent;

/**
 * A simulated patrol camera (巡更摄像头) on the AWS IoT Device SDK v2. The cloud asks it for a snapshot through its
 * named shadow {@code patrol} ({@code desired.snapshot}: roundId, checkpointId, key, url); the camera takes a small
 * JPEG (a frame with its name and the time), PUTs it to the presigned URL, reports the same {@code snapshot} as its
 * shadow's reported state and publishes {@code {"type":"snapshot","roundId","checkpointId","key"}} on
 * {@code zhidian/<tenant>/<store>/<device>/patrol}. A camera {@link #blind()} takes nothing (a covered lens).
 */
public final class PatrolCamera implements AutoCloseable {
    public static final String SHADOW = "patrol";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DeviceConfig device;
    private final Connections connections;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final AtomicInteger taken = new AtomicInteger();
    private final List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    private volatile boolean blind;
    private volatile String lastKey;
    private MqttClientConnection connection;
    private NamedShadow shadow;

    public PatrolCamera(DeviceConfig device, Connections connections) {
        this.device = device;
        this.connections = connections;
    }

    public void start() throws Exception {
        connection = connections.connected(device, null, c -> {
            shadow = new NamedShadow(c, device.thingName(), SHADOW);
            shadow.onDelta(this::onDelta);
        });
    }

    /** From now on the camera takes no snapshot when asked (its lens covered, its storage full). */
    public PatrolCamera blind() {
        blind = true;
        return this;
    }

    /** How many snapshots it uploaded and reported. */
    public int taken() {
        return taken.get();
    }

    /** What went wrong with an ask (an upload refused, a report not sent), for a test to show. */
    public List<String> failures() {
        return List.copyOf(failures);
    }

    private void onDelta(ShadowDeltaUpdatedEvent event) {
        Object s = event.state == null ? null : event.state.get("snapshot");
        if (!(s instanceof Map<?, ?> ask) || blind) return;
        if (!(ask.get("key") instanceof String key) || !(ask.get("url") instanceof String url) || key.equals(lastKey)) return;
        lastKey = key;
        try {
            HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15))
                    .header("Content-Type", "image/jpeg").PUT(HttpRequest.BodyPublishers.ofByteArray(frame(device.deviceId(), Instant.now()))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (put.statusCode() != 200) {
                failures.add("upload " + put.statusCode() + ": " + put.body());
                return;
            }
            HashMap<String, Object> reported = new HashMap<>();
            reported.put("snapshot", ask);
            shadow.report(reported);
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("type", "snapshot");
            report.put("roundId", ask.get("roundId"));
            report.put("checkpointId", ask.get("checkpointId"));
            report.put("key", key);
            // not waited for: this runs on the connection's event thread, which is the one that would see the ack
            connection.publish(new MqttMessage(device.topicPrefix() + "/patrol", JSON.writeValueAsBytes(report), QualityOfService.AT_LEAST_ONCE, false))
                    .whenComplete((id, e) -> {
                        if (e != null) failures.add("report: " + e);
                    });
            taken.incrementAndGet();
        } catch (Exception e) {
            failures.add(e.toString());
        }
    }

    /** A small JPEG frame: a dark scene with the camera's id and the time written on it, as a patrol camera stamps. */
    public static byte[] frame(String cameraId, Instant at) {
        BufferedImage img = new BufferedImage(160, 120, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(new Color(0x2B3A42));
            g.fillRect(0, 0, 160, 120);
            g.setColor(new Color(0x6C8EA0));
            g.fillRect(20, 60, 50, 40);
            g.fillRect(95, 45, 45, 55);
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 10));
            g.drawString(cameraId.length() > 24 ? cameraId.substring(0, 24) : cameraId, 4, 12);
            g.drawString(at.toString().substring(0, 19).replace('T', ' '), 4, 24);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        if (connection != null) {
            connection.disconnect();
            connection.close();
        }
    }

    /** Runs the patrol cameras of a fleet file (the format of {@link Fleet}; devices of kind patrol_camera) until Ctrl-C. */
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: PatrolCamera fleet.json");
            System.exit(2);
        }
        JsonNode file = JSON.readTree(Files.readAllBytes(Path.of(args[0])));
        Connections connections = new Connections(1);
        List<PatrolCamera> cameras = new ArrayList<>();
        for (DeviceConfig d : Fleet.read(file)) {
            if (!d.kind().equals("patrol_camera")) continue;
            PatrolCamera c = new PatrolCamera(d, connections);
            c.start();
            cameras.add(c);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            cameras.forEach(PatrolCamera::close);
            connections.close();
        }));
        System.out.println(cameras.size() + " patrol cameras connected; Ctrl-C stops");
        Thread.currentThread().join();
    }
}
