package com.zhidian.samplestore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zhidian.iot.Connections;
import com.zhidian.iot.DeviceConfig;
import com.zhidian.iot.PlateCamera;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The sample car park's traffic (智能停车): an entry and an exit plate camera (iot/ {@link PlateCamera}) registered
 * through the public API like any device, and cars that come and go, sparingly: one enters every few minutes
 * ({@code every}, with some jitter), parks 5 to 40 minutes and leaves. A short stay is within the free time and the
 * barrier opens; a longer one is paid by plate on the exit's public page first (as a visitor scanning the exit's QR,
 * a test card of the Stripe stand-in), so the portal's occupancy, cars by hour and revenue move on their own. The
 * cameras' credentials and the plates still inside are kept in {@code sample-fleet-parking.json}, so the same cameras
 * connect on the next start and the cars left inside leave in the first minutes.
 */
final class SampleCarPark implements AutoCloseable {
    static final String ENTRY = "示例入口车牌相机";
    static final String EXIT = "示例出口车牌相机";
    static final String PAYMENT_METHOD = "pm_card_visa";

    private final Http http;
    private final String ownerToken;
    private final String storeId;
    private final String link;
    private final Path file;
    private final ObjectNode kept;
    private final Connections connections = new Connections(1);
    private final PlateCamera entry;
    private final PlateCamera exit;
    private final Duration every;
    private final Random random = new Random();
    /** Plate → when it leaves. */
    private final Map<String, Instant> inside = new LinkedHashMap<>();
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sample-car-park");
        t.setDaemon(true);
        return t;
    });
    private Instant nextCar;

    private SampleCarPark(Http http, String ownerToken, String storeId, String link, Path file, ObjectNode kept, String host, int port,
                          Duration every) {
        this.http = http;
        this.ownerToken = ownerToken;
        this.storeId = storeId;
        this.link = link;
        this.file = file;
        this.kept = kept;
        this.every = every;
        this.entry = new PlateCamera(config(kept.get("entry"), storeId, host, port), connections, "entry");
        this.exit = new PlateCamera(config(kept.get("exit"), storeId, host, port), connections, "exit");
    }

    /** The sample tenant's first store with a car park, its cameras and its traffic; null when no store has one. */
    static SampleCarPark start(Http http, String ownerToken, Path file, String host, int port, Duration every) throws Exception {
        String storeId = null;
        String link = null;
        for (JsonNode s : http.call("GET", "/stores", ownerToken, null, null).expect(200).body().path("items")) {
            Http.Res park = http.call("GET", "/stores/" + s.get("storeId").asText() + "/car-park", ownerToken, null, null);
            if (park.status() == 200) {
                storeId = s.get("storeId").asText();
                link = park.body().path("linkToken").asText();
                break;
            }
        }
        if (storeId == null) return null;
        String base = "/stores/" + storeId + "/devices";
        java.util.Set<String> present = new java.util.HashSet<>();
        for (JsonNode d : http.call("GET", base, ownerToken, null, null).expect(200).body().path("items")) present.add(d.path("deviceId").asText());
        ObjectNode kept = SampleFleet.kept(file);
        if (!storeId.equals(kept.path("storeId").asText())) kept = Http.JSON.createObjectNode();
        kept.put("storeId", storeId);
        for (String gate : new String[] {"entry", "exit"}) {
            if (!(kept.path(gate) instanceof ObjectNode o && present.contains(o.path("deviceId").asText()))) {
                kept.set(gate, register(http, ownerToken, base, "entry".equals(gate) ? ENTRY : EXIT));
            }
        }
        if (!kept.has("inside")) kept.set("inside", Http.JSON.createArrayNode());
        SampleCarPark p = new SampleCarPark(http, ownerToken, storeId, link, file, kept, host, port, every);
        p.entry.start();
        p.exit.start();
        // the cars a previous run left inside leave in the first minutes
        Instant now = Instant.now();
        for (JsonNode plate : kept.path("inside")) p.inside.put(plate.asText(), now.plusSeconds(60 + p.random.nextInt(240)));
        p.nextCar = now.plusSeconds(20);
        p.save();
        p.ticks.scheduleWithFixedDelay(p::tick, 10, 15, TimeUnit.SECONDS);
        return p;
    }

    /** One look at the car park: a car due to leave leaves (paying first past the free time), and a car comes when due. */
    synchronized void tick() {
        try {
            Instant now = Instant.now();
            for (Map.Entry<String, Instant> car : Map.copyOf(inside).entrySet()) {
                if (car.getValue().isAfter(now)) continue;
                leave(car.getKey());
                inside.remove(car.getKey());
            }
            if (!now.isBefore(nextCar)) {
                String plate = plate();
                entry.read(plate, random.nextBoolean() ? "B1" : "B2");
                inside.put(plate, now.plus(Duration.ofMinutes(5 + random.nextInt(36))));
                long jitter = every.toSeconds() / 3;
                nextCar = now.plusSeconds(every.toSeconds() - jitter + (jitter == 0 ? 0 : random.nextLong(2 * jitter + 1)));
            }
            save();
        } catch (Exception e) {
            System.err.println("[sample car park] " + e);
        }
    }

    /** Pays what the stay owes, if anything (the exit's public page), then drives to the exit camera. */
    private void leave(String plate) throws Exception {
        String q = "?plate=" + URLEncoder.encode(plate, StandardCharsets.UTF_8) + "&t=" + URLEncoder.encode(link, StandardCharsets.UTF_8);
        Http.Res quote = http.call("GET", "/parking/" + storeId + "/quote" + q, null, null, null);
        if (quote.status() == 200 && quote.body().path("due").asLong() > 0) {
            http.call("POST", "/parking/" + storeId + "/payments?t=" + URLEncoder.encode(link, StandardCharsets.UTF_8), null,
                    Map.of("plate", plate, "paymentMethod", PAYMENT_METHOD), UUID.randomUUID().toString());
        }
        if (quote.status() == 200) exit.read(plate, null);
    }

    /** An ordinary plate of Shenzhen: 粤B and five digits. */
    private String plate() {
        return "粤B" + String.format("%05d", random.nextInt(100_000));
    }

    private void save() {
        ArrayNode plates = Http.JSON.createArrayNode();
        inside.keySet().forEach(plates::add);
        kept.set("inside", plates);
        if (file == null) return;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, Http.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(kept));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    String storeId() { return storeId; }

    /** The plates inside, as this sample drives them. */
    synchronized java.util.Set<String> plates() { return java.util.Set.copyOf(inside.keySet()); }

    /** The next look lets a car in (tests and the impatient). */
    synchronized void carDueNow() { nextCar = Instant.EPOCH; }

    /** The next look lets this car out. */
    synchronized void leavingNow(String plate) { inside.computeIfPresent(plate, (k, v) -> Instant.EPOCH); }

    private static ObjectNode register(Http http, String ownerToken, String base, String name) {
        JsonNode r = http.call("POST", base, ownerToken, Map.of("kind", "plate_camera", "name", name), UUID.randomUUID().toString())
                .expect(201).body();
        String thing = r.get("thingName").asText();
        ObjectNode e = Http.JSON.createObjectNode();
        e.put("deviceId", r.get("deviceId").asText()).put("thingName", thing)
                .put("tenantId", thing.substring(3, thing.lastIndexOf('-'))).put("secret", r.at("/credentials/password").asText());
        return e;
    }

    private static DeviceConfig config(JsonNode e, String storeId, String host, int port) {
        return DeviceConfig.local("plate_camera", e.get("thingName").asText(), e.get("tenantId").asText(), storeId, e.get("deviceId").asText(),
                host, port, e.get("secret").asText());
    }

    @Override
    public void close() {
        ticks.shutdownNow();
        for (AutoCloseable c : new AutoCloseable[] {entry, exit, connections}) {
            try {
                c.close();
            } catch (Exception e) {
                // closing the rest anyway
            }
        }
    }
}
