package com.zhidian.telemetry.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The alert rules with an injected clock: each reading carries its own time, the silence check gets "now". */
class AlertRulesTest {
    /** 10:00 in Shanghai: open hours, outside the default 03:00 defrost window. */
    static final Instant T0 = Instant.parse("2026-12-04T02:00:00Z");
    static final AlertSettings S = AlertSettings.defaults();   // 5.0 °C for 15 min, hysteresis 1.0, defrost 03:00 for 30 min

    private final AtomicInteger ids = new AtomicInteger();
    private Monitor m = Monitor.first("st_1", Kinds.FRIDGE);
    private long seq;

    private List<AlertRules.Change> fridge(int minute, double celsius) {
        return reading(Kinds.FRIDGE, T0.plus(Duration.ofMinutes(minute)), Map.of("temperatureC", celsius), null, null);
    }

    private List<AlertRules.Change> reading(String kind, Instant at, Map<String, Double> metrics, String zone, String circuit) {
        AlertRules.Evaluation e = AlertRules.evaluate(m, new Reading("tn_1", "st_1", "dv_1", kind, ++seq, at, metrics, zone, circuit), S,
                () -> "al_" + ids.incrementAndGet());
        m = e.next();
        return e.changes();
    }

    @Test
    void aFridgeAboveTheLineAlertsOnlyAfterTheMinimumDuration() {
        assertTrue(fridge(0, 4.0).isEmpty());
        assertTrue(fridge(1, 5.5).isEmpty(), "over the line: the count starts");
        assertTrue(fridge(10, 6.0).isEmpty());
        List<AlertRules.Change> opened = fridge(16, 6.2);
        assertEquals(1, opened.size());
        assertTrue(opened.get(0).opened());
        assertEquals(Alert.FRIDGE_WARM, opened.get(0).rule());
        assertEquals(T0.plus(Duration.ofMinutes(1)), opened.get(0).since(), "since the first reading over the line");
        assertEquals(6.2, opened.get(0).facts().get("temperatureC"));
        assertTrue(fridge(20, 7.0).isEmpty(), "one alert, not one a reading");
    }

    @Test
    void exactlyAtTheLineIsNotOverIt_andAShortExcursionRaisesNothing() {
        assertTrue(fridge(0, 5.0).isEmpty());
        assertTrue(fridge(20, 5.0).isEmpty());
        assertTrue(fridge(21, 6.0).isEmpty());
        assertTrue(fridge(30, 3.9).isEmpty(), "back below line minus hysteresis: the count is reset");
        assertTrue(fridge(31, 6.0).isEmpty());
        assertTrue(fridge(45, 6.0).isEmpty(), "14 minutes of the new count");
        assertEquals(1, fridge(46, 6.0).size());
    }

    @Test
    void anOpenAlertClosesOnlyBelowTheLineMinusTheHysteresis() {
        fridge(0, 6.0);
        String id = fridge(15, 6.0).get(0).alertId();
        assertTrue(fridge(16, 4.5).isEmpty(), "below the line but inside the hysteresis band: still warm");
        assertTrue(fridge(17, 5.2).isEmpty());
        List<AlertRules.Change> closed = fridge(18, 4.0);
        assertEquals(1, closed.size());
        assertFalse(closed.get(0).opened());
        assertEquals(id, closed.get(0).alertId());
        assertTrue(m.watches().isEmpty(), "recovered: nothing remembered");
        assertTrue(fridge(19, 5.5).isEmpty(), "a new excursion needs the full duration again");
    }

    @Test
    void aDefrostWindowStartsNoCount_butDoesNotHideAnAlertAlreadyOpen() {
        Instant defrost = Instant.parse("2026-12-03T19:00:00Z");   // 03:00 Shanghai
        for (int minute = 0; minute < 30; minute++) {
            assertTrue(reading(Kinds.FRIDGE, defrost.plus(Duration.ofMinutes(minute)), Map.of("temperatureC", 9.0), null, null).isEmpty(),
                    "minute " + minute + " of the defrost");
        }
        assertTrue(reading(Kinds.FRIDGE, defrost.plus(Duration.ofMinutes(30)), Map.of("temperatureC", 9.0), null, null).isEmpty(),
                "the count starts when the window ends");
        assertEquals(1, reading(Kinds.FRIDGE, defrost.plus(Duration.ofMinutes(45)), Map.of("temperatureC", 9.0), null, null).size());
        assertTrue(reading(Kinds.FRIDGE, defrost.plus(Duration.ofHours(24)), Map.of("temperatureC", 9.0), null, null).isEmpty(),
                "the next night's defrost keeps the open alert open");
        assertEquals(1, reading(Kinds.FRIDGE, defrost.plus(Duration.ofHours(24).plusMinutes(5)), Map.of("temperatureC", 3.0), null, null).size(),
                "and it can recover inside the window");
    }

    @Test
    void silenceOpensOnceAfterTheStoresLimit_andTheNextReadingClosesIt() {
        fridge(0, 3.0);
        assertTrue(AlertRules.silence(m, S, T0.plus(Duration.ofMinutes(14)), () -> "al_x").changes().isEmpty());
        AlertRules.Evaluation silent = AlertRules.silence(m, S, T0.plus(Duration.ofMinutes(15)), () -> "al_silent");
        assertEquals(1, silent.changes().size());
        assertEquals(T0, silent.changes().get(0).since(), "silent since the last reading");
        m = silent.next();
        assertTrue(AlertRules.silence(m, S, T0.plus(Duration.ofMinutes(40)), () -> "al_y").changes().isEmpty(), "once");
        List<AlertRules.Change> back = fridge(41, 3.0);
        assertEquals(1, back.size());
        assertEquals("al_silent", back.get(0).alertId());
        assertFalse(back.get(0).opened());
    }

    @Test
    void batteryLowOpensAtOnceAndRecoversTenPointsAbove() {
        assertEquals(1, reading(Kinds.FRIDGE, T0, Map.of("batteryPct", 15.0), null, null).size());
        assertTrue(reading(Kinds.FRIDGE, T0.plusSeconds(60), Map.of("batteryPct", 25.0), null, null).isEmpty());
        assertEquals(1, reading(Kinds.FRIDGE, T0.plusSeconds(120), Map.of("batteryPct", 30.0), null, null).size());
    }

    @Test
    void airQualityNeedsTenMinutes_andEnergyWhileClosedSkipsRefrigeration() {
        m = Monitor.first("st_1", Kinds.ENV);
        assertTrue(reading(Kinds.ENV, T0, Map.of("co2Ppm", 1500.0), "floor", null).isEmpty());
        List<AlertRules.Change> co2 = reading(Kinds.ENV, T0.plus(Duration.ofMinutes(10)), Map.of("co2Ppm", 1400.0), "floor", null);
        assertEquals(Alert.CO2_HIGH, co2.get(0).rule());
        assertEquals("floor", co2.get(0).facts().get("zone"));

        m = Monitor.first("st_1", Kinds.ENERGY);
        Instant night = Instant.parse("2026-12-04T16:00:00Z");   // 00:00 Shanghai: closed
        assertTrue(reading(Kinds.ENERGY, night, Map.of("watts", 2000.0), null, "refrigeration").isEmpty());
        assertTrue(reading(Kinds.ENERGY, night.plus(Duration.ofMinutes(30)), Map.of("watts", 2000.0), null, "refrigeration").isEmpty(),
                "fridges run at night on purpose");
        m = Monitor.first("st_1", Kinds.ENERGY);
        assertTrue(reading(Kinds.ENERGY, night, Map.of("watts", 900.0), null, "lighting").isEmpty());
        assertEquals(Alert.ENERGY_WHILE_CLOSED, reading(Kinds.ENERGY, night.plus(Duration.ofMinutes(15)), Map.of("watts", 900.0), null, "lighting")
                .get(0).rule());
        assertTrue(reading(Kinds.ENERGY, T0, Map.of("watts", 900.0), null, "lighting").isEmpty(), "an older reading changes no rule");
    }

    @Test
    void theMeterCounterBecomesKwhUsed_andCountersBecomeOccupancy() {
        m = Monitor.first("st_1", Kinds.ENERGY);
        AlertRules.Evaluation first = AlertRules.evaluate(m, new Reading("t", "st_1", "d", Kinds.ENERGY, 1, T0, Map.of("kwhTotal", 100.0), null, "main"), S, () -> "x");
        assertFalse(first.derived().containsKey("kwh"), "the first counter value is only a start");
        AlertRules.Evaluation second = AlertRules.evaluate(first.next(), new Reading("t", "st_1", "d", Kinds.ENERGY, 2, T0.plusSeconds(60),
                Map.of("kwhTotal", 100.5), null, "main"), S, () -> "x");
        assertEquals(0.5, second.derived().get("kwh"), 1e-9);

        m = Monitor.first("st_1", Kinds.TRAFFIC);
        reading(Kinds.TRAFFIC, T0, Map.of("visitorsIn", 10.0, "visitorsOut", 0.0), AlertRules.CHECKOUT_ZONE, null);
        assertEquals(10, m.occupancy());
        reading(Kinds.TRAFFIC, T0.plusSeconds(60), Map.of("visitorsIn", 0.0, "visitorsOut", 1.0), AlertRules.CHECKOUT_ZONE, null);
        List<AlertRules.Change> queue = reading(Kinds.TRAFFIC, T0.plusSeconds(180), Map.of("visitorsIn", 0.0, "visitorsOut", 0.0),
                AlertRules.CHECKOUT_ZONE, null);
        assertEquals(Alert.QUEUE_AT_CHECKOUT, queue.get(0).rule(), "9 people for 3 minutes, more than 8");
        reading(Kinds.TRAFFIC, T0.plusSeconds(240), Map.of("visitorsIn", 0.0, "visitorsOut", 50.0), AlertRules.CHECKOUT_ZONE, null);
        assertEquals(0, m.occupancy(), "never below zero");
    }

    @Test
    void aDefrostWindowMayRunPastMidnight() {
        AlertSettings late = new AlertSettings(5, 15, 1, LocalTime.of(23, 45), 30, 15, 20, 1000, 75, 30, 70, LocalTime.of(8, 0),
                LocalTime.of(22, 0), 300, 8, "Asia/Shanghai");
        assertTrue(late.inDefrost(Instant.parse("2026-12-04T16:10:00Z")), "00:10 Shanghai");
        assertFalse(late.inDefrost(Instant.parse("2026-12-04T16:20:00Z")), "00:20 Shanghai");
        assertTrue(late.closed(Instant.parse("2026-12-04T16:10:00Z")));
        assertFalse(late.closed(T0));
    }

    /** Energy above the usual for the hour and weekday, from the baseline the ingest reads once at the hour's first reading. */
    @Test
    void energyAboveTheUsualForTheHour_opensOnce_andClosesWhenTheHourComesBack() {
        m = Monitor.first("st_1", Kinds.ENERGY);
        // 10:00 Shanghai on a Friday; the same hour of the last three Fridays used 2 kWh each
        Map<Instant, Double> baseline = Map.of(T0.minus(Duration.ofDays(7)), 2.0, T0.minus(Duration.ofDays(14)), 2.0, T0.minus(Duration.ofDays(21)), 2.0);
        Reading first = new Reading("tn_1", "st_1", "dv_1", Kinds.ENERGY, 1, T0.plusSeconds(60), Map.of("kwhTotal", 500.0), null, "hvac");
        assertTrue(AlertRules.needsBaseline(m, first, S));
        AlertRules.Evaluation e = AlertRules.evaluate(m, first, S, baseline, () -> "al_x");
        m = e.next();
        assertEquals(2.0, m.usual().level());
        assertEquals(3, m.usual().weeks());
        assertFalse(AlertRules.needsBaseline(m, new Reading("tn_1", "st_1", "dv_1", Kinds.ENERGY, 2, T0.plusSeconds(600), Map.of(), null, "hvac"), S),
                "one read per device and hour");
        // 20 minutes in: 1 kWh is 3 kWh for the hour, not over 1.5 × 2
        assertTrue(reading(Kinds.ENERGY, T0.plus(Duration.ofMinutes(20)), Map.of("kwhTotal", 501.0), null, "hvac").isEmpty());
        // 30 minutes in: 2.5 kWh is 5 for the hour
        List<AlertRules.Change> opened = reading(Kinds.ENERGY, T0.plus(Duration.ofMinutes(30)), Map.of("kwhTotal", 502.5), null, "hvac");
        assertEquals(1, opened.size());
        assertEquals(Alert.ENERGY_ABOVE_USUAL, opened.get(0).rule());
        assertEquals(5.0, opened.get(0).facts().get("value"));
        assertEquals(2.0, opened.get(0).facts().get("usual"));
        assertEquals("hvac", opened.get(0).facts().get("circuit"));
        assertEquals(T0.plus(Duration.ofMinutes(30)), opened.get(0).since());
        assertTrue(reading(Kinds.ENERGY, T0.plus(Duration.ofMinutes(40)), Map.of("kwhTotal", 503.0), null, "hvac").isEmpty(), "once, not every reading");
        // the next hour: a new usual (none known here, so nothing to compare) closes it
        List<AlertRules.Change> closed = reading(Kinds.ENERGY, T0.plus(Duration.ofMinutes(61)), Map.of("kwhTotal", 503.1), null, "hvac");
        assertEquals(1, closed.size());
        assertFalse(closed.get(0).opened());
    }

    @Test
    void aTrafficSpikeOpensOnceTheHourHasTwiceTheUsualVisitors_withoutAUsualNothingOpens() {
        m = Monitor.first("st_1", Kinds.TRAFFIC);
        Map<Instant, Double> baseline = Map.of(T0.minus(Duration.ofDays(7)), 12.0, T0.minus(Duration.ofDays(14)), 8.0);
        AlertRules.Evaluation e = AlertRules.evaluate(m, new Reading("tn_1", "st_1", "dv_1", Kinds.TRAFFIC, 1, T0.plusSeconds(5),
                Map.of("visitorsIn", 15.0, "visitorsOut", 0.0), "entrance", null), S, baseline, () -> "al_t");
        m = e.next();
        assertTrue(e.changes().isEmpty(), "15 is not over twice 10");
        List<AlertRules.Change> spike = reading(Kinds.TRAFFIC, T0.plusSeconds(65), Map.of("visitorsIn", 6.0, "visitorsOut", 10.0), "entrance", null);
        assertEquals(Alert.TRAFFIC_SPIKE, spike.get(0).rule());
        assertEquals(21L, spike.get(0).facts().get("value") instanceof Number n ? n.longValue() : -1);
        assertEquals("entrance", spike.get(0).facts().get("zone"));

        m = Monitor.first("st_1", Kinds.TRAFFIC);
        AlertRules.Evaluation none = AlertRules.evaluate(m, new Reading("tn_1", "st_1", "dv_1", Kinds.TRAFFIC, 1, T0.plusSeconds(5),
                Map.of("visitorsIn", 500.0), "entrance", null), S, Map.of(T0.minus(Duration.ofDays(7)), 5.0), () -> "al_n");
        assertTrue(none.changes().isEmpty(), "one earlier week is no usual: a new store is not alarmed");
    }
}
