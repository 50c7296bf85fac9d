package com.zhidian.lockers.api;

import com.zhidian.lockers.application.LockerService;
import com.zhidian.lockers.domain.Compartment;
import com.zhidian.lockers.domain.Locker;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shapes of the lockers context's answers (the key never appears but in the set-up's answer). */
final class Views {
    private Views() {}

    static Map<String, Object> locker(Locker l) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("lockerId", l.lockerId());
        o.put("storeId", l.storeId());
        o.put("name", l.name());
        o.put("thingName", l.thingName());
        List<Map<String, Object>> cs = l.compartments().stream().map(Views::compartment).toList();
        o.put("compartments", cs);
        return o;
    }

    static Map<String, Object> compartment(Compartment c) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("compartmentId", c.id());
        o.put("size", c.size());
        o.put("state", c.state());
        o.put("use", c.use());
        o.put("orderId", c.orderId());
        o.put("deadline", c.deadline() == null ? null : c.deadline().toString());
        o.put("overdue", c.overdue());
        return o;
    }

    static Map<String, Object> deposit(LockerService.Deposit d) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("lockerId", d.locker().lockerId());
        o.put("compartment", compartment(d.compartment()));
        return o;
    }

    static Map<String, Object> code(LockerService.PickupCode p) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("orderId", p.orderId());
        o.put("code", p.code());
        o.put("lockerId", p.lockerId());
        o.put("lockerName", p.lockerName());
        o.put("compartmentId", p.compartmentId());
        o.put("deadline", p.deadline() == null ? null : p.deadline().toString());
        return o;
    }
}
