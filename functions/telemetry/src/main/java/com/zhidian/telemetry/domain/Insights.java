package com.zhidian.telemetry.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A store's day from its hourly rollups, pure: energy by hour, circuit and day against the baseline with its carbon
 * estimate; temperature and air by zone; visitors by hour, occupancy now and dwell by zone (counts only: a counter
 * reports people in and out, never who).
 */
public final class Insights {
    private Insights() {}

    /**
     * kg CO2 per kWh: the national grid average emission factor China's Ministry of Ecology and Environment set for
     * enterprise greenhouse-gas reporting (0.5703 tCO2/MWh); see docs/decisions.md.
     */
    public static final double GRID_KG_CO2_PER_KWH = 0.5703;

    public record EnergyHour(int hour, double kwh, Double baselineKwh, Map<String, Double> byCircuit) {}
    public record EnergyDay(LocalDate day, double kwh) {}
    public record Energy(LocalDate day, String timeZone, double kwh, Double baselineKwh, double carbonKg, double gridKgCo2PerKwh,
                         List<EnergyHour> hours, Map<String, Double> byCircuit, List<EnergyDay> days) {}

    public record EnvHour(int hour, Map<String, Double> averages) {}
    public record Place(String zone, String deviceId, String kind, Map<String, Double> now, Instant lastAt, List<EnvHour> hours) {}
    public record Environment(LocalDate day, String timeZone, List<Place> places) {}

    public record TrafficHour(int hour, long visitorsIn, long visitorsOut) {}
    public record TrafficZone(String zone, long visitorsIn, long occupancyNow, Double dwellMinutes) {}
    public record Traffic(LocalDate day, String timeZone, long visitors, long occupancyNow, List<TrafficHour> hours, List<TrafficZone> zones) {}

    public static Energy energy(LocalDate day, ZoneId zone, List<Rollups.Hour> hours, int baselineWeeks) {
        double[] today = new double[24];
        double[][] past = new double[baselineWeeks + 1][24];
        boolean[] pastHasData = new boolean[baselineWeeks + 1];
        Map<String, Double> circuits = new TreeMap<>();
        List<Map<String, Double>> hourCircuits = new ArrayList<>();
        for (int h = 0; h < 24; h++) hourCircuits.add(new TreeMap<>());
        Map<LocalDate, Double> days = new TreeMap<>();
        for (int d = 6; d >= 0; d--) days.put(day.minusDays(d), 0.0);
        for (Rollups.Hour h : hours) {
            ZonedDateTime local = ZonedDateTime.ofInstant(h.hour(), zone);
            LocalDate d = local.toLocalDate();
            int hour = local.getHour();
            double kwh = h.sum("kwh");
            if (days.containsKey(d)) days.merge(d, kwh, Double::sum);
            if (d.equals(day)) {
                today[hour] += kwh;
                String c = h.circuit() == null ? "main" : h.circuit();
                circuits.merge(c, kwh, Double::sum);
                hourCircuits.get(hour).merge(c, kwh, Double::sum);
            } else {
                long weeksBack = java.time.temporal.ChronoUnit.DAYS.between(d, day);
                if (weeksBack % 7 == 0 && weeksBack / 7 >= 1 && weeksBack / 7 <= baselineWeeks) {
                    int w = (int) (weeksBack / 7);
                    past[w][hour] += kwh;
                    pastHasData[w] = true;
                }
            }
        }
        int weeks = 0;
        for (int w = 1; w <= baselineWeeks; w++) if (pastHasData[w]) weeks++;
        List<EnergyHour> out = new ArrayList<>();
        double total = 0, baselineTotal = 0;
        for (int h = 0; h < 24; h++) {
            Double baseline = null;
            if (weeks > 0) {
                double s = 0;
                for (int w = 1; w <= baselineWeeks; w++) if (pastHasData[w]) s += past[w][h];
                baseline = round(s / weeks);
                baselineTotal += s / weeks;
            }
            total += today[h];
            out.add(new EnergyHour(h, round(today[h]), baseline, round(hourCircuits.get(h))));
        }
        List<EnergyDay> dayList = days.entrySet().stream().map(e -> new EnergyDay(e.getKey(), round(e.getValue()))).toList();
        return new Energy(day, zone.getId(), round(total), weeks > 0 ? round(baselineTotal) : null, round(total * GRID_KG_CO2_PER_KWH),
                GRID_KG_CO2_PER_KWH, out, round(circuits), dayList);
    }

    public static Environment environment(LocalDate day, ZoneId zone, List<Rollups.Hour> hours, Map<String, Monitor> monitors) {
        Map<String, Map<Integer, Map<String, double[]>>> sums = new TreeMap<>();
        Map<String, Rollups.Hour> any = new TreeMap<>();
        for (Rollups.Hour h : hours) {
            int hour = ZonedDateTime.ofInstant(h.hour(), zone).getHour();
            any.putIfAbsent(h.deviceId(), h);
            Map<String, double[]> m = sums.computeIfAbsent(h.deviceId(), k -> new TreeMap<>()).computeIfAbsent(hour, k -> new TreeMap<>());
            for (String metric : h.sums().keySet()) {
                if (metric.equals("doorOpen") || metric.equals("batteryPct")) continue;
                double[] acc = m.computeIfAbsent(metric, k -> new double[2]);
                acc[0] += h.sum(metric);
                acc[1] += h.count(metric);
            }
        }
        List<Place> places = new ArrayList<>();
        java.util.Set<String> devices = new java.util.TreeSet<>(sums.keySet());
        monitors.forEach((id, m) -> {
            if (m.kind().equals(Kinds.ENV) || m.kind().equals(Kinds.FRIDGE)) devices.add(id);
        });
        for (String id : devices) {
            Monitor m = monitors.get(id);
            Rollups.Hour h = any.get(id);
            String kind = m != null ? m.kind() : h.kind();
            String z = m != null && m.zone() != null ? m.zone() : h != null ? h.zone() : null;
            List<EnvHour> envHours = new ArrayList<>();
            sums.getOrDefault(id, Map.of()).forEach((hour, metrics) -> {
                Map<String, Double> avg = new TreeMap<>();
                metrics.forEach((name, acc) -> { if (acc[1] > 0) avg.put(name, round(acc[0] / acc[1])); });
                envHours.add(new EnvHour(hour, avg));
            });
            Map<String, Double> now = new TreeMap<>();
            if (m != null) m.last().forEach((k, v) -> { if (!k.equals("doorOpen")) now.put(k, v); });
            places.add(new Place(z, id, kind, now, m == null ? null : m.lastAt(), envHours));
        }
        return new Environment(day, zone.getId(), places);
    }

    public static Traffic traffic(LocalDate day, ZoneId zone, List<Rollups.Hour> hours, Map<String, Monitor> monitors) {
        long[] in = new long[24], out = new long[24];
        Map<String, double[]> zones = new TreeMap<>();   // zone -> [visitorsIn, occupancyMinutes]
        for (Rollups.Hour h : hours) {
            int hour = ZonedDateTime.ofInstant(h.hour(), zone).getHour();
            String z = h.zone() == null ? "entrance" : h.zone();
            double[] acc = zones.computeIfAbsent(z, k -> new double[2]);
            acc[0] += h.sum("visitorsIn");
            acc[1] += h.sum("occupancyMinutes");
            if (z.equals("entrance")) {
                in[hour] += Math.round(h.sum("visitorsIn"));
                out[hour] += Math.round(h.sum("visitorsOut"));
            }
        }
        Map<String, Long> occupancy = new TreeMap<>();
        monitors.values().stream().filter(m -> m.kind().equals(Kinds.TRAFFIC))
                .forEach(m -> occupancy.merge(m.zone() == null ? "entrance" : m.zone(), m.occupancy(), Long::sum));
        occupancy.keySet().forEach(z -> zones.computeIfAbsent(z, k -> new double[2]));
        List<TrafficHour> hourList = new ArrayList<>();
        long visitors = 0;
        for (int h = 0; h < 24; h++) {
            hourList.add(new TrafficHour(h, in[h], out[h]));
            visitors += in[h];
        }
        List<TrafficZone> zoneList = new ArrayList<>();
        zones.forEach((z, acc) -> zoneList.add(new TrafficZone(z, Math.round(acc[0]), occupancy.getOrDefault(z, 0L),
                acc[0] > 0 ? round(acc[1] / acc[0]) : null)));
        return new Traffic(day, zone.getId(), visitors, occupancy.getOrDefault("entrance", 0L), hourList, zoneList);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static Map<String, Double> round(Map<String, Double> m) {
        Map<String, Double> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, round(v)));
        return out;
    }
}
