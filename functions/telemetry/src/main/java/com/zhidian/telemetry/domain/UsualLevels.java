package com.zhidian.telemetry.domain;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * "Above the store's usual" for energy and for traffic: the usual is the mean of the same hour on the same weekday
 * (store time) over the last {@code weeks} weeks of hourly rollups; the current hour so far is compared with it. Pure:
 * the clock, the zone and the rollups come in; nothing is read or written here.
 *
 * <ul>
 *   <li>Energy above usual: this hour's kWh, scaled to a full hour from the minutes elapsed (at least 15, so an hour's
 *       first reading does not extrapolate wildly), is over {@link #ENERGY_FACTOR} × the usual and over the usual by at
 *       least {@link #ENERGY_MIN_EXTRA_KWH}.</li>
 *   <li>Traffic spike: this hour's visitors so far (not scaled: a crowd is already a crowd) are over
 *       {@link #TRAFFIC_FACTOR} × the usual and at least {@link #TRAFFIC_MIN_VISITORS}.</li>
 * </ul>
 * Fewer than {@link #MIN_WEEKS} earlier weeks with that hour: no usual, so no finding (a new store is not alarmed).
 */
public final class UsualLevels {
    private UsualLevels() {}

    public static final int WEEKS = 4;
    public static final int MIN_WEEKS = 2;
    public static final double ENERGY_FACTOR = 1.5;
    public static final double ENERGY_MIN_EXTRA_KWH = 0.5;
    public static final double TRAFFIC_FACTOR = 2.0;
    public static final long TRAFFIC_MIN_VISITORS = 20;

    /** What was seen: this hour (its start), the value, the usual, and how many weeks the usual is made of. */
    public record Finding(String rule, Instant hourStart, DayOfWeek weekday, int hour, double value, double usual, int weeks) {
        public Map<String, Object> facts() {
            return Map.of("hour", hour, "weekday", weekday.toString(), "value", value, "usual", usual, "weeks", weeks);
        }
    }

    /** The mean of the same hour and weekday over the last {@code weeks} weeks, or empty with fewer than MIN_WEEKS. */
    public static Optional<double[]> usual(Map<Instant, Double> hourly, Instant hourStart, ZoneId zone, int weeks) {
        double sum = 0;
        int n = 0;
        for (int w = 1; w <= weeks; w++) {
            // weeks in store time: across a daylight-saving change the same wall-clock hour, not 168 hours back
            Double v = hourly.get(ZonedDateTime.ofInstant(hourStart, zone).minusWeeks(w).toInstant());
            if (v != null) {
                sum += v;
                n++;
            }
        }
        return n < MIN_WEEKS ? Optional.empty() : Optional.of(new double[] {sum / n, n});
    }

    /** The start of the current hour in the store's zone (an hour's rollup key). */
    public static Instant hourStart(Clock clock, ZoneId zone) {
        return ZonedDateTime.ofInstant(clock.instant(), zone).truncatedTo(ChronoUnit.HOURS).toInstant();
    }

    /** Energy above the usual for this hour and weekday; {@code hourly}: kWh per hour start (earlier weeks). */
    public static Optional<Finding> energyAboveUsual(Clock clock, ZoneId zone, double kwhSoFar, Map<Instant, Double> hourly) {
        Optional<double[]> usual = usual(hourly, hourStart(clock, zone), zone, WEEKS);
        if (usual.isEmpty()) return Optional.empty();
        return energyAboveUsual(clock, zone, kwhSoFar, usual.get()[0], (int) usual.get()[1]);
    }

    /** The same against a usual already known ({@code usual} kWh for this hour, made of {@code weeks} weeks). */
    public static Optional<Finding> energyAboveUsual(Clock clock, ZoneId zone, double kwhSoFar, double usual, int weeks) {
        Instant start = hourStart(clock, zone);
        double fullHour = fullHour(clock, zone, kwhSoFar);
        if (fullHour <= usual * ENERGY_FACTOR || fullHour - usual < ENERGY_MIN_EXTRA_KWH) return Optional.empty();
        return Optional.of(finding(Alert.ENERGY_ABOVE_USUAL, start, zone, round(fullHour), round(usual), weeks));
    }

    /** This hour's kWh so far scaled to a full hour, over at least 15 minutes. */
    public static double fullHour(Clock clock, ZoneId zone, double kwhSoFar) {
        long minutes = Math.max(15, Duration.between(hourStart(clock, zone), clock.instant()).toMinutes());
        return kwhSoFar * 60.0 / Math.min(60, minutes);
    }

    /** A traffic spike: visitors in this hour so far against the usual for the hour and weekday. */
    public static Optional<Finding> trafficSpike(Clock clock, ZoneId zone, long visitorsSoFar, Map<Instant, Double> hourly) {
        Optional<double[]> usual = usual(hourly, hourStart(clock, zone), zone, WEEKS);
        if (usual.isEmpty()) return Optional.empty();
        return trafficSpike(clock, zone, visitorsSoFar, usual.get()[0], (int) usual.get()[1]);
    }

    /** The same against a usual already known. */
    public static Optional<Finding> trafficSpike(Clock clock, ZoneId zone, long visitorsSoFar, double usual, int weeks) {
        if (visitorsSoFar < TRAFFIC_MIN_VISITORS || visitorsSoFar <= usual * TRAFFIC_FACTOR) return Optional.empty();
        return Optional.of(finding(Alert.TRAFFIC_SPIKE, hourStart(clock, zone), zone, visitorsSoFar, round(usual), weeks));
    }

    private static Finding finding(String rule, Instant start, ZoneId zone, double value, double usual, int weeks) {
        ZonedDateTime local = ZonedDateTime.ofInstant(start, zone);
        return new Finding(rule, start, local.getDayOfWeek(), local.getHour(), value, usual, weeks);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** The hour starts of the same hour and weekday in the last {@code weeks} weeks: what to read of the rollups. */
    public static List<Instant> baselineHours(Clock clock, ZoneId zone, int weeks) {
        Instant start = hourStart(clock, zone);
        return java.util.stream.IntStream.rangeClosed(1, weeks).mapToObj(w -> ZonedDateTime.ofInstant(start, zone).minusWeeks(w).toInstant()).toList();
    }
}
