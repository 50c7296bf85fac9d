package com.zhidian.parking.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.zhidian.core.auth.Caller;
import com.zhidian.core.auth.Role;
import com.zhidian.parking.domain.CarPark;
import com.zhidian.parking.domain.MemberFacts;
import com.zhidian.parking.domain.ParkingDevices;
import com.zhidian.parking.domain.ParkingPayments;
import com.zhidian.parking.domain.Session;
import com.zhidian.parking.domain.Tariff;
import com.zhidian.parking.domain.Zone;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The day's chart counts only hours begun so far; a space reading that comes before its stay is kept a short while. */
class DayAndEarlySpaceTest {
    static final String T = ExitRulesTest.T, S = ExitRulesTest.S, IN = "dv_in", SENSOR = "dv_sensor";
    final ExitRulesTest.Moving clock = new ExitRulesTest.Moving();   // 2026-12-04 10:00 in Shanghai
    final ExitRulesTest.Repo repo = new ExitRulesTest.Repo();
    final ParkingService s = new ParkingService(repo,
            (t, store, d) -> new ParkingDevices.Registered(d, store, SENSOR.equals(d) ? "space_sensor" : "plate_camera", "zd-" + t + "-" + d),
            new ParkingPayments() {
                public String customer(String t, String m) { return "cus_1"; }
                public SavedCard setUp(String c, String pm, String k) { return new SavedCard(pm, "visa"); }
                public Charge charge(String t, String id, long amount, String c, String pm, boolean off, String key) { return new Charge(true, "pi_1", null); }
            },
            (thing, session) -> { },
            new MemberFacts() {
                public long spent(String t, String m, String store, Instant from, Instant to) { return 0; }
                public boolean active(String t, String m) { return true; }
            },
            (t, store) -> true, clock);
    final Caller owner = new Caller("o", "owner@x", Role.OWNER, T, Set.of(), null);

    DayAndEarlySpaceTest() {
        repo.park = new CarPark(S, "P", List.of(new Zone("B1", 10), new Zone("B2", 10)), new Tariff(500, 0, 4000), List.of(), 15, clock.now);
    }

    static List<Integer> hours(int[] counts, int from, int to) {
        return IntStream.range(from, to).mapToObj(h -> counts[h]).toList();
    }

    @Test
    void aCarStillParked_countsInTheHoursBegunSoFar_notInTheRestOfToday() {
        clock.now = Instant.parse("2026-12-03T14:30:00Z");                 // yesterday 22:30 in Shanghai
        s.entered(T, S, IN, "粤B12345", "B1");
        clock.now = Instant.parse("2026-12-04T02:10:00Z");                 // today 10:10
        s.entered(T, S, IN, "粤B67890", "B1");
        clock.now = Instant.parse("2026-12-04T03:20:00Z");                 // today 11:20, both still parked

        ParkingService.Day today = s.day(owner, S, LocalDate.parse("2026-12-04"));
        assertEquals(List.of(1, 1, 1, 1, 1, 1, 1, 1, 1, 1), hours(today.carsByHour(), 0, 10), "the car from last night, hour by hour");
        assertEquals(List.of(2, 2), hours(today.carsByHour(), 10, 12), "both, up to the hour under way");
        assertEquals(List.of(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), hours(today.carsByHour(), 12, 24), "hours still to come");
        assertEquals(1, today.entriesByHour()[10]);

        ParkingService.Day yesterday = s.day(owner, S, LocalDate.parse("2026-12-03"));
        assertEquals(List.of(1, 1), hours(yesterday.carsByHour(), 22, 24), "a past day counts to its end");
        assertEquals(0, yesterday.carsByHour()[21]);

        ParkingService.Day tomorrow = s.day(owner, S, LocalDate.parse("2026-12-05"));
        assertEquals(0, IntStream.of(tomorrow.carsByHour()).sum(), "nothing in a day to come");
    }

    @Test
    void aSpaceReadBeforeTheEntry_isAppliedWhenTheStayAppears() {
        s.space(T, S, SENSOR, "B2", "B2-007", "粤B12345");
        clock.now = clock.now.plusSeconds(3);
        Session in = s.entered(T, S, IN, "粤B12345", "B1");
        assertEquals("B2", in.zone());
        assertEquals("B2-007", in.space());
        assertEquals("B2-007", s.find(T, S, "粤B12345").space());
        assertEquals(0, repo.held.size(), "taken once");
    }

    @Test
    void aSpaceReadLongBeforeTheEntry_isNotApplied() {
        s.space(T, S, SENSOR, "B2", "B2-007", "粤B12345");
        clock.now = clock.now.plus(ParkingService.EARLY_SPACE).plusSeconds(1);
        Session in = s.entered(T, S, IN, "粤B12345", "B1");
        assertEquals("B1", in.zone());
        assertNull(in.space());
        assertEquals(0, repo.held.size(), "a stale reading is dropped");
    }

    @Test
    void aSpaceReadOfAnUnknownZone_orFromACamera_isNotKept() {
        s.space(T, S, SENSOR, "C9", "C9-001", "粤B12345");
        s.space(T, S, IN, "B1", "B1-001", "粤B12345");
        assertEquals(0, repo.held.size());
        Session in = s.entered(T, S, IN, "粤B12345", "B1");
        assertNull(in.space());
    }

    @Test
    void aSpaceReadAfterTheEntry_movesTheStayAsBefore() {
        s.entered(T, S, IN, "粤B12345", "B1");
        clock.now = clock.now.plus(Duration.ofMinutes(2));
        s.space(T, S, SENSOR, "B2", "B2-003", "粤B12345");
        assertEquals("B2-003", s.find(T, S, "粤B12345").space());
        assertEquals(0, repo.held.size());
    }
}
