package com.zhidian.samplestore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run command's car park: its cameras drive a car in and out over MQTT, and a restart uses the same cameras. */
class SampleCarParkTest {
    @Test
    void aSampleCarEntersAndLeaves_throughTheCameras(@TempDir Path dir) throws Exception {
        var local = SampleLocal.local();
        SampleStoreLoader loader = SampleLocal.loader();
        SampleLocal.loaded();
        String url = String.valueOf(local.gatewayUrl()).replaceAll("/$", "");
        Http http = new Http(url);
        Path file = dir.resolve("sample-fleet-parking.json");
        String host = local.iot().endpoints().mqttHost();
        int port = local.iot().endpoints().mqttPort();
        String entryCamera;
        try (SampleCarPark park = SampleCarPark.start(http, loader.ownerToken(), file, host, port, Duration.ofMinutes(30))) {
            assertNotNull(park, "the sample tenant has a car park");
            park.carDueNow();
            park.tick();
            assertEquals(1, park.plates().size());
            String plate = park.plates().iterator().next();
            JsonNode in = stay(http, loader.ownerToken(), park.storeId(), plate, s -> "parked".equals(s.path("status").asText()));
            assertTrue(in.path("zone").asText().matches("B[12]"), in::toString);

            park.leavingNow(plate);
            park.tick();
            JsonNode out = stay(http, loader.ownerToken(), park.storeId(), plate, s -> "completed".equals(s.path("status").asText()));
            // the sample car park gives 15 free minutes; a journey may have changed its tariff in the same Zhidian Local
            if (out.path("freeMinutes").asLong() > 0) assertEquals(0, out.path("fee").asLong(), "within the free time: " + out);
            else assertTrue(out.path("fee").asLong() > 0 && out.path("paid").asLong() == out.path("fee").asLong(), "no free time, paid by plate: " + out);
            assertTrue(park.plates().isEmpty());
            entryCamera = Http.JSON.readTree(Files.readAllBytes(file)).at("/entry/deviceId").asText();
        }
        try (SampleCarPark again = SampleCarPark.start(http, loader.ownerToken(), file, host, port, Duration.ofMinutes(30))) {
            assertEquals(entryCamera, Http.JSON.readTree(Files.readAllBytes(file)).at("/entry/deviceId").asText(), "the same cameras");
        }
    }

    /** The stay of a plate once the camera's report has gone through the broker and the rule (a bounded poll). */
    private static JsonNode stay(Http http, String token, String store, String plate, Predicate<JsonNode> ok) throws InterruptedException {
        JsonNode items = null;
        for (int i = 0; i < 300; i++) {
            items = http.call("GET", "/stores/" + store + "/car-park/sessions?limit=200", token, null, null).expect(200).body().path("items");
            for (JsonNode s : items) if (plate.equals(s.path("plate").asText()) && ok.test(s)) return s;
            Thread.sleep(100);
        }
        throw new AssertionError("no such stay of " + plate + ": " + items);
    }
}
