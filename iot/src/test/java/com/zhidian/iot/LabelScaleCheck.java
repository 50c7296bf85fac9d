package com.zhidian.iot;

import com.zhidian.local.iot.IotLocal;
import com.zhidian.local.iot.shadow.ShadowException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Not a test of the build: how many SDK shelf labels this machine holds against the stand-in, and how long
 * a change of every label's price takes until every label reported it. Run with
 * {@code -Dtest=LabelScaleCheck -Diot.scale=500}; it prints figures and asserts only that all got there.
 */
class LabelScaleCheck {
    @Test
    @EnabledIfSystemProperty(named = "iot.scale", matches = "\\d+")
    void everyLabelFollowsABulkPriceChange() throws Exception {
        int n = Integer.getInteger("iot.scale");
        try (IotLocal iot = IotLocal.start(IotLocal.Config.defaults())) {
            List<DeviceConfig> devices = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String thing = "t1-s1-esl-" + i;
                iot.registry().createThing(thing, Map.of("tenantId", "t1", "storeId", "s1", "deviceId", "esl-" + i));
                devices.add(DeviceConfig.local("esl", thing, "t1", "s1", "esl-" + i, iot.endpoints().mqttHost(),
                        iot.endpoints().mqttPort(), iot.registry().issueCredential(thing).privateKey()));
            }
            long t0 = System.nanoTime();
            try (Fleet fleet = Fleet.start(devices, Duration.ofHours(1), Clock.systemUTC())) {
                System.out.printf("%d labels connected and subscribed in %d ms%n", n, (System.nanoTime() - t0) / 1_000_000);
                for (int round = 1; round <= 3; round++) {
                    long price = 1000 + round;
                    long t1 = System.nanoTime();
                    for (DeviceConfig d : devices) {
                        iot.shadows().update(d.thingName(), "esl", ("{\"state\":{\"desired\":{\"price\":" + price + "}}}")
                                .getBytes(StandardCharsets.UTF_8));
                    }
                    long sent = System.nanoTime();
                    int synced = 0;
                    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                    while (synced < n && System.nanoTime() < deadline) {
                        synced = 0;
                        for (DeviceConfig d : devices) {
                            try {
                                var doc = iot.shadows().get(d.thingName(), "esl", null);
                                if (doc.at("/state/reported/price").asLong() == price && doc.at("/state/delta").isMissingNode()) {
                                    synced++;
                                }
                            } catch (ShadowException e) {
                                // not there yet
                            }
                        }
                        if (synced < n) {
                            Thread.sleep(20);
                        }
                    }
                    System.out.printf("round %d: %d desired updates in %d ms; all %d labels synced after %d ms%n", round, n,
                            (sent - t1) / 1_000_000, synced, (System.nanoTime() - t1) / 1_000_000);
                    if (synced < n) {
                        throw new AssertionError(synced + " of " + n + " synced");
                    }
                }
            }
        }
    }
}
