package com.zhidian.parking.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zhidian.core.paging.Page;
import com.zhidian.parking.domain.CarPark;
import com.zhidian.parking.domain.FreeHours;
import com.zhidian.parking.domain.MemberFacts;
import com.zhidian.parking.domain.MemberParking;
import com.zhidian.parking.domain.ParkingDevices;
import com.zhidian.parking.domain.ParkingPayments;
import com.zhidian.parking.domain.ParkingRepository;
import com.zhidian.parking.domain.Session;
import com.zhidian.parking.domain.Tariff;
import com.zhidian.parking.domain.Zone;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The exit's rules over fakes and a clock that moves: the grace time after paying, pay-after-exit, a debt. */
class ExitRulesTest {
    static final String T = "tn_a", S = "st_a", CAM = "dv_exit", IN = "dv_in";

    /** A clock the test moves. */
    static final class Moving extends Clock {
        Instant now = Instant.parse("2026-12-04T02:00:00Z");
        @Override public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    /** The stays, plates and accounts in memory (only what the exit's rules use). */
    static final class Repo implements ParkingRepository {
        CarPark park;
        final Map<String, Session> sessions = new HashMap<>();
        final Map<String, String> open = new HashMap<>();
        final Map<String, MemberParking> members = new HashMap<>();
        final Map<String, String> plates = new HashMap<>();

        public CarPark carPark(String t, String s) { return park; }
        public void saveCarPark(String t, CarPark p) { park = p; }
        public boolean enter(String t, Session s) {
            if (open.containsKey(s.plate())) return false;
            open.put(s.plate(), s.sessionId());
            sessions.put(s.sessionId(), s);
            return true;
        }
        public Session session(String t, String s, String id) { return sessions.get(id); }
        public Session openByPlate(String t, String s, String plate) { return open.containsKey(plate) ? sessions.get(open.get(plate)) : null; }
        public boolean save(String t, Session before, Session after) {
            if (sessions.get(before.sessionId()).version() != before.version()) return false;
            sessions.put(after.sessionId(), new Session(after.sessionId(), after.storeId(), after.plate(), after.memberId(), after.enteredAt(),
                    after.zone(), after.space(), after.status(), after.fee(), after.paid(), after.freeMinutes(), after.paidAt(), after.exitedAt(),
                    after.payment(), after.failure(), after.barrierAt(), after.exitThing(), before.version() + 1));
            if (!after.open()) open.remove(before.plate());
            return true;
        }
        public Page<Session> sessions(String t, String s, String st, int l, String c) { return new Page<>(List.copyOf(sessions.values()), null); }
        public List<Session> overlapping(String t, String s, Instant f, Instant to) { return List.copyOf(sessions.values()); }
        public List<Session> ofMember(String t, String m, int l) { return sessions.values().stream().filter(x -> m.equals(x.memberId())).toList(); }
        public MemberParking member(String t, String m) { return members.get(m); }
        public boolean bind(String t, String m, String plate) { plates.put(plate, m); return true; }
        public void unbind(String t, String m, String plate) { plates.remove(plate); }
        public String memberOfPlate(String t, String plate) { return plates.get(plate); }
        public void saveCard(String t, String m, String c, String pm, String l) { members.put(m, new MemberParking(m, List.of(), c, pm, l)); }
        public void eraseMember(String t, String m) { members.remove(m); }
        public List<String[]> membersWithPlates() { return List.of(); }
        final Map<String, HeldSpace> held = new HashMap<>();
        public void holdSpace(String t, String s, String plate, HeldSpace reading) { held.put(plate, reading); }
        public HeldSpace takeSpace(String t, String s, String plate) { return held.remove(plate); }
    }

    final Moving clock = new Moving();
    final Repo repo = new Repo();
    final List<String> opened = new ArrayList<>();
    final List<Long> charged = new ArrayList<>();
    boolean decline;
    long spent;

    final ParkingService s = new ParkingService(repo,
            (t, store, d) -> new ParkingDevices.Registered(d, store, "plate_camera", "zd-" + t + "-" + d),
            new ParkingPayments() {
                public String customer(String t, String m) { return "cus_1"; }
                public SavedCard setUp(String c, String pm, String k) { return new SavedCard(pm, "visa"); }
                public Charge charge(String t, String id, long amount, String c, String pm, boolean off, String key) {
                    if (decline) return new Charge(false, "pi_x", "generic_decline");
                    charged.add(amount);
                    return new Charge(true, "pi_" + charged.size(), null);
                }
            },
            (thing, session) -> opened.add(session),
            new MemberFacts() {
                public long spent(String t, String m, String store, Instant from, Instant to) { return spent; }
                public boolean active(String t, String m) { return true; }
            },
            (t, store) -> true, clock);

    ExitRulesTest() {
        repo.park = new CarPark(S, "P", List.of(new Zone("B1", 10)), new Tariff(500, 0, 4000), List.of(new FreeHours(10_000, 2)), 15, clock.now);
    }

    @Test
    void paidWithinTheGraceTimeTheBarrierOpens() {
        Session in = s.entered(T, S, IN, "粤B12345", "B1");
        clock.now = clock.now.plus(Duration.ofMinutes(50));
        s.payByPlate(T, S, "粤B12345", "pm_card_visa");
        clock.now = clock.now.plus(Duration.ofMinutes(15));
        ParkingService.Exit out = s.exited(T, S, CAM, "粤B12345");
        assertTrue(out.opened());
        assertEquals(Session.COMPLETED, out.session().status());
        assertEquals(List.of(500L), charged);
        assertEquals(List.of(in.sessionId()), opened);
    }

    @Test
    void pastTheGraceTimeTheLongerStayOwesTheDifference() {
        s.entered(T, S, IN, "粤B12345", "B1");
        clock.now = clock.now.plus(Duration.ofMinutes(50));
        s.payByPlate(T, S, "粤B12345", "pm_card_visa");
        clock.now = clock.now.plus(Duration.ofMinutes(16));
        ParkingService.Exit out = s.exited(T, S, CAM, "粤B12345");
        assertFalse(out.opened());
        assertEquals(Session.EXITING, out.session().status());
        assertEquals(1000, out.session().fee());
        s.payByPlate(T, S, "粤B12345", "pm_card_visa");
        assertEquals(List.of(500L, 500L), charged);
        assertEquals(1, opened.size(), "the car waiting at the barrier leaves once paid");
        assertEquals(Session.COMPLETED, repo.sessions.values().iterator().next().status());
    }

    @Test
    void aMemberWithACardLeavesFirstAndADeclineIsADebt() {
        repo.bind(T, "mb_1", "粤B12345");
        repo.saveCard(T, "mb_1", "cus_1", "pm_1", "visa");
        s.entered(T, S, IN, "粤B12345", "B1");
        clock.now = clock.now.plus(Duration.ofMinutes(70));
        decline = true;
        ParkingService.Exit out = s.exited(T, S, CAM, "粤B12345");
        assertTrue(out.opened(), "the barrier opens before the charge");
        assertEquals(Session.DEBT, out.session().status());
        assertEquals(1000, out.session().fee());
        assertEquals("generic_decline", out.session().failure());
        decline = false;
        Session paid = s.payDebt(T, "mb_1", S, out.session().sessionId());
        assertEquals(Session.COMPLETED, paid.status());
        assertEquals(1000, paid.paid());
    }

    @Test
    void aMembersSpendingThatDayTakesHoursOffTheFee() {
        repo.bind(T, "mb_1", "粤B12345");
        spent = 10_000;
        s.entered(T, S, IN, "粤B12345", "B1");
        clock.now = clock.now.plus(Duration.ofMinutes(120));
        ParkingService.Exit out = s.exited(T, S, CAM, "粤B12345");
        assertTrue(out.opened());
        assertEquals(0, out.session().fee());
        assertEquals(List.of(), charged);
    }

    @Test
    void aPlateInsideIsNotEnteredTwice() {
        Session a = s.entered(T, S, IN, "粤B12345", "B1");
        Session b = s.entered(T, S, IN, "粤B12345", "B1");
        assertEquals(a.sessionId(), b.sessionId());
        assertEquals(1, repo.sessions.size());
    }
}
