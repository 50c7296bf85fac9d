package com.zhidian.iot;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Plausible readings per device kind (the next issue turns them into traffic reports, energy use and
 * alerts): a traffic counter counts people in and out, a fridge sensor measures temperature and door
 * openings, an energy meter a rising kWh counter and the power now, an environment sensor temperature,
 * humidity and CO2.
 */
public final class Sensors {
    /** One reading; {@code seq} counts readings from 1, {@code random} is the device's own. */
    @FunctionalInterface
    public interface Sensor {
        Map<String, Object> read(long seq, Random random);
    }

    private Sensors() {
    }

    public static Sensor forKind(String kind) {
        return switch (kind) {
            case "traffic_counter" -> (seq, r) -> map("visitorsIn", r.nextInt(8), "visitorsOut", r.nextInt(8),
                    "zone", "entrance");
            case "fridge_sensor" -> (seq, r) -> map("temperatureC", round(3.5 + r.nextGaussian() * 0.6),
                    "doorOpen", r.nextInt(20) == 0);
            case "energy_meter" -> new Sensor() {
                private double kwh;

                @Override
                public Map<String, Object> read(long seq, Random r) {
                    double watts = 1800 + r.nextInt(900);
                    kwh += watts / 1000 / 60; // a reading a minute in the store's time
                    return map("watts", watts, "kwhTotal", round(kwh));
                }
            };
            case "env_sensor" -> (seq, r) -> map("temperatureC", round(22 + r.nextGaussian()),
                    "humidityPct", round(45 + r.nextGaussian() * 3), "co2Ppm", 450 + r.nextInt(300));
            default -> throw new IllegalArgumentException("no telemetry for kind " + kind);
        };
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
