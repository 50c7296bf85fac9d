package com.zhidian.lockers.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.zhidian.core.auth.Caller;
import com.zhidian.core.auth.Role;
import com.zhidian.lockers.domain.Locker;
import com.zhidian.lockers.domain.LockerDevices;
import com.zhidian.lockers.domain.LockerErrors;
import com.zhidian.lockers.domain.LockerRepository;
import com.zhidian.lockers.domain.PickupCodes;
import com.zhidian.lockers.domain.PickupOrders;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The use cases over in-memory fakes: orders move, the shadow is told, a stale save is retried. */
class LockerServiceTest {
    static final Caller OWNER = new Caller("u1", "owner", Role.OWNER, "t1", Set.of(), null);
    static final Caller STAFF_ELSEWHERE = new Caller("u2", "staff", Role.STAFF, "t1", Set.of("st2"), null);

    final Map<String, Locker> stored = new HashMap<>();
    final Map<String, String> pickups = new HashMap<>();
    final Map<String, PickupOrders.PickupOrder> orders = new HashMap<>();
    final List<Map<String, Object>> told = new ArrayList<>();
    int staleSaves = 0;

    final LockerRepository repo = new LockerRepository() {
        public void add(String t, Locker l) { stored.put(l.lockerId(), l); }
        public Locker find(String t, String id) { return stored.get(id); }
        public List<Locker> inStore(String t, String s) { return stored.values().stream().filter(l -> l.storeId().equals(s)).toList(); }
        public boolean save(String t, Locker before, Locker after) {
            if (staleSaves > 0) {
                staleSaves--;
                return false;
            }
            if (stored.get(before.lockerId()).version() != before.version()) return false;
            stored.put(after.lockerId(), new Locker(after.lockerId(), after.storeId(), after.name(), after.thingName(), after.key(),
                    after.compartments(), before.version() + 1));
            pickups.clear();
            stored.values().forEach(l -> l.compartments().forEach(c -> { if (c.orderId() != null) pickups.put(c.orderId(), l.lockerId()); }));
            return true;
        }
        public String lockerOf(String t, String orderId) { return pickups.get(orderId); }
        public List<String[]> all() { return stored.keySet().stream().map(id -> new String[] {"t1", id}).toList(); }
    };

    final PickupOrders pickupOrders = new PickupOrders() {
        public PickupOrder find(String t, String id) { return orders.get(id); }
        public void ready(String t, String id) { set(id, "ready_for_pickup"); }
        public void collected(String t, String id) { set(id, "completed"); }
        void set(String id, String status) {
            PickupOrder o = orders.get(id);
            orders.put(id, new PickupOrder(id, o.storeId(), o.fulfilment(), status, o.memberId(), o.number()));
        }
    };

    final LockerDevices devices = (t, s, id) -> "dv1".equals(id) && "st1".equals(s) ? new LockerDevices.Registered("dv1", "st1", "locker", "门口柜", "zd-t1-dv1")
            : "dv2".equals(id) ? new LockerDevices.Registered("dv2", "st1", "fridge_sensor", "冷柜", "zd-t1-dv2") : null;

    final Clock clock = Clock.fixed(Instant.parse("2026-12-04T10:00:00Z"), ZoneOffset.UTC);
    final LockerService s = new LockerService(repo, devices, pickupOrders, (thing, state) -> told.add(state),
            (t, store) -> Set.of("st1", "st2").contains(store), clock);

    @Test
    void aDepositReadiesTheOrder_tellsTheLocker_andTheCustomersCodeOpensIt_thenClosedEmptyCompletes() {
        s.setUp(OWNER, "st1", "dv1", List.of("S", "M"));
        orders.put("o1", new PickupOrders.PickupOrder("o1", "st1", "pickup", "paid", "m1", "A-1"));
        staleSaves = 1; // a concurrent change: the deposit reads again and succeeds
        LockerService.Deposit d = s.deposit(OWNER, "st1", "dv1", "o1", "M");
        assertEquals("02", d.compartment().id());
        assertEquals("ready_for_pickup", orders.get("o1").status());
        assertEquals("02:" + d.compartment().depositId(), told.get(told.size() - 1).get("open"));
        LockerService.PickupCode code = s.pickupCode("t1", "m1", "o1");
        Locker l = stored.get("dv1");
        assertEquals(PickupCodes.code(l.key(), "dv1", "02", d.compartment().depositId()), code.code());
        assertThrows(LockerErrors.OrderNotFound.class, () -> s.pickupCode("t1", "someone-else", "o1"));

        s.report("t1", "st1", "dv1", "closed", "02", null, false);
        s.report("t1", "st1", "dv1", "opened", "02", d.compartment().depositId(), false);
        s.report("t1", "st1", "dv1", "closed", "02", null, true);
        assertEquals("completed", orders.get("o1").status());
        assertEquals("free", stored.get("dv1").compartment("02").state());
        assertThrows(LockerErrors.NoPickupCode.class, () -> s.pickupCode("t1", "m1", "o1"));
        // a report for another store's or an unknown compartment is dropped
        s.report("t1", "st2", "dv1", "jammed", "01", null, false);
        s.report("t1", "st1", "dv1", "jammed", "99", null, false);
        assertEquals("free", stored.get("dv1").compartment("01").state());
    }

    @Test
    void setUpRefusesAnythingButARegisteredLockerOfTheStore_andStaffOfAnotherStoreSeeNoStore() {
        assertThrows(LockerErrors.NotALocker.class, () -> s.setUp(OWNER, "st1", "dv2", List.of("S")));
        assertThrows(LockerErrors.NotALocker.class, () -> s.setUp(OWNER, "st1", "dv9", List.of("S")));
        assertThrows(LockerErrors.StoreNotFound.class, () -> s.setUp(OWNER, "st9", "dv1", List.of("S")));
        s.setUp(OWNER, "st1", "dv1", List.of("S"));
        assertThrows(LockerErrors.AlreadySetUp.class, () -> s.setUp(OWNER, "st1", "dv1", List.of("S")));
        assertThrows(LockerErrors.StoreNotFound.class, () -> s.list(STAFF_ELSEWHERE, "st1"));
        assertThrows(LockerErrors.LockerNotFound.class, () -> s.get(OWNER, "st2", "dv1"));
    }

    @Test
    void onlyAPaidOrPickingPickupOrderOfTheStoreGoesIn() {
        s.setUp(OWNER, "st1", "dv1", List.of("S", "S"));
        orders.put("placed", new PickupOrders.PickupOrder("placed", "st1", "pickup", "placed", "m1", "A-2"));
        orders.put("instore", new PickupOrders.PickupOrder("instore", "st1", "in_store", "paid", "m1", "A-3"));
        orders.put("elsewhere", new PickupOrders.PickupOrder("elsewhere", "st2", "pickup", "paid", "m1", "A-4"));
        assertThrows(LockerErrors.OrderNotDepositable.class, () -> s.deposit(OWNER, "st1", "dv1", "placed", "S"));
        assertThrows(LockerErrors.OrderNotDepositable.class, () -> s.deposit(OWNER, "st1", "dv1", "instore", "S"));
        assertThrows(LockerErrors.OrderNotFound.class, () -> s.deposit(OWNER, "st1", "dv1", "elsewhere", "S"));
        assertThrows(LockerErrors.OrderNotFound.class, () -> s.deposit(OWNER, "st1", "dv1", "nothing", "S"));
        assertEquals("free", stored.get("dv1").compartment("01").state(), "no refusal wrote anything");
    }
}
