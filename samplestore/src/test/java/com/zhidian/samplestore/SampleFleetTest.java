package com.zhidian.samplestore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run command's fleet: the sample store's labels connect, show the sample prices, and come back on a restart. */
class SampleFleetTest {
    @Test
    void sampleLabelsConnect_showTheSamplePrices_andReconnectWithTheKeptCredentials(@TempDir Path dir) throws Exception {
        var local = SampleLocal.local();
        SampleStoreLoader.Loaded sample = SampleLocal.loaded();
        SampleStoreLoader loader = SampleLocal.loader();
        String url = String.valueOf(local.gatewayUrl()).replaceAll("/$", "");
        String store = sample.storeIds().get(0);
        Path file = dir.resolve("sample-fleet.json");
        List<String> gtins = loader.sampleGtins(3);
        String host = local.iot().endpoints().mqttHost();
        int port = local.iot().endpoints().mqttPort();
        try (SampleFleet fleet = SampleFleet.start(url, loader.ownerToken(), store, gtins, file, host, port)) {
            assertEquals(3, fleet.labels());
            assertTrue(Files.exists(file));
            awaitSynced(url, loader.ownerToken(), store, 3);
            // the warming fridge alerts within minutes of the run command: the store holds its line for 3 minutes, and the
            // fridge (a reading every 30 s, +0.5 °C each) is over the line at its fifth reading
            JsonNode settings = new Http(url).call("GET", "/stores/" + store + "/alert-settings", loader.ownerToken(), null, null).expect(200).body();
            assertEquals(SampleFleet.SampleLockerAndFridge.SAMPLE_FRIDGE_MINUTES, settings.get("fridgeMinutes").asInt());
            int over = 1;
            while (com.zhidian.iot.WarmingFridge.temperature(over, 0.5) <= settings.get("fridgeMaxC").asDouble()) over++;
            long minutesToAlert = ((over - 1) * 30L + settings.get("fridgeMinutes").asInt() * 60L + 59) / 60;
            assertTrue(minutesToAlert <= 6, "the sample fridge alerts " + minutesToAlert + " minutes after the start");
        }
        // a restart: the same labels, no new registrations
        try (SampleFleet again = SampleFleet.start(url, loader.ownerToken(), store, gtins, file, host, port)) {
            assertEquals(3, again.labels());
            awaitSynced(url, loader.ownerToken(), store, 3);
        }
    }

    private static void awaitSynced(String url, String token, String store, int expected) throws InterruptedException {
        Http http = new Http(url);
        JsonNode items = null;
        for (int i = 0; i < 200; i++) {
            items = http.call("GET", "/stores/" + store + "/devices", token, null, null).expect(200).body().path("items");
            int labels = 0, synced = 0;
            for (JsonNode d : items) {
                if (!d.path("name").asText().startsWith(SampleFleet.NAME_PREFIX)) continue;
                labels++;
                if ("synced".equals(d.path("sync").asText()) && d.path("shownPrice").asLong() > 0
                        && d.path("shownPrice").asLong() == d.path("wantedPrice").asLong()) synced++;
            }
            assertTrue(labels <= expected, "no stray sample labels: " + items);
            if (labels == expected && synced == expected) return;
            Thread.sleep(100);
        }
        throw new AssertionError("the sample labels never all synced: " + items);
    }
}
