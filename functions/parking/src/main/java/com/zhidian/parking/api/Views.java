package com.zhidian.parking.api;

import com.zhidian.parking.application.ParkingService;
import com.zhidian.parking.domain.CarPark;
import com.zhidian.parking.domain.MemberParking;
import com.zhidian.parking.domain.Plates;
import com.zhidian.parking.domain.Session;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** The JSON shapes of the parking context's answers. A public page shows a plate masked, never a member. */
final class Views {
    private Views() {}

    static Map<String, Object> carPark(CarPark p, List<Session> inside, String link) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("storeId", p.storeId());
        o.put("name", p.name());
        o.put("zones", p.zones().stream().map(z -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("zone", z.zone());
            m.put("spaces", z.spaces());
            m.put("occupied", inside.stream().filter(s -> z.zone().equals(s.zone())).count());
            return m;
        }).toList());
        o.put("tariff", Map.of("perHourFen", p.tariff().perHourFen(), "freeMinutes", p.tariff().freeMinutes(), "dailyCapFen", p.tariff().dailyCapFen()));
        o.put("memberFreeHours", p.memberFreeHours().stream().map(f -> Map.of("spendFen", f.spendFen(), "hours", f.hours())).toList());
        o.put("graceMinutes", p.graceMinutes());
        o.put("spaces", p.spaces());
        o.put("occupied", inside.size());
        o.put("free", Math.max(0, p.spaces() - inside.size()));
        o.put("linkToken", link);
        o.put("updatedAt", p.updatedAt().toString());
        return o;
    }

    static Map<String, Object> session(Session s) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("sessionId", s.sessionId());
        o.put("storeId", s.storeId());
        o.put("plate", s.plate().isEmpty() ? null : s.plate());
        o.put("member", s.memberId() != null);
        o.put("status", s.status());
        o.put("enteredAt", s.enteredAt().toString());
        o.put("exitedAt", s.exitedAt() == null ? null : s.exitedAt().toString());
        o.put("zone", s.zone());
        o.put("space", s.space());
        o.put("fee", s.fee());
        o.put("paid", s.paid());
        o.put("freeMinutes", s.freeMinutes());
        o.put("paidAt", s.paidAt() == null ? null : s.paidAt().toString());
        o.put("failure", s.failure());
        o.put("barrierAt", s.barrierAt() == null ? null : s.barrierAt().toString());
        return o;
    }

    static Map<String, Object> quote(ParkingService.Quote q) {
        Session s = q.session();
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("sessionId", s.sessionId());
        o.put("plate", Plates.masked(s.plate()));
        o.put("enteredAt", s.enteredAt().toString());
        o.put("status", s.status());
        o.put("fee", q.fee());
        o.put("paid", s.paid());
        o.put("due", q.due());
        o.put("freeMinutes", q.freeMinutes());
        o.put("paidAt", s.paidAt() == null ? null : s.paidAt().toString());
        return o;
    }

    static Map<String, Object> found(Session s) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("plate", Plates.masked(s.plate()));
        o.put("zone", s.zone());
        o.put("space", s.space());
        o.put("enteredAt", s.enteredAt().toString());
        return o;
    }

    static Map<String, Object> mine(MemberParking m, List<Session> stays) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("plates", m.plates());
        o.put("maxPlates", MemberParking.MAX_PLATES);
        o.put("card", m.hasCard() ? Map.of("label", m.cardLabel() == null ? "card" : m.cardLabel()) : null);
        o.put("debt", stays.stream().filter(s -> Session.DEBT.equals(s.status())).mapToLong(s -> s.fee() - s.paid()).sum());
        o.put("stays", stays.stream().map(Views::session).toList());
        return o;
    }

    static Map<String, Object> day(ParkingService.Day d) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("date", d.date().toString());
        o.put("spaces", d.spaces());
        o.put("hours", IntStream.range(0, 24).mapToObj(h -> Map.of("hour", h, "cars", d.carsByHour()[h], "entries", d.entriesByHour()[h])).toList());
        o.put("revenue", d.revenue());
        o.put("paidStays", d.paidStays());
        return o;
    }

}
