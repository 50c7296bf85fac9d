package com.zhidian.lockers.application;

import com.zhidian.core.Ids;
import com.zhidian.core.auth.Caller;
import com.zhidian.core.errors.ConcurrentChange;
import com.zhidian.lockers.domain.Compartment;
import com.zhidian.lockers.domain.Locker;
import com.zhidian.lockers.domain.LockerCommands;
import com.zhidian.lockers.domain.LockerDevices;
import com.zhidian.lockers.domain.LockerErrors;
import com.zhidian.lockers.domain.LockerRepository;
import com.zhidian.lockers.domain.LockerRules;
import com.zhidian.lockers.domain.OverdueAlerts;
import com.zhidian.lockers.domain.PickupCodes;
import com.zhidian.lockers.domain.PickupOrders;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * Lockers of a store: set-up, deposits of pickup orders, the device's reports, staff's jam clearing and removals, the
 * overdue sweep, and the customer's pickup code.
 */
public final class LockerService {
    /** How long a deposited pickup waits for its customer before staff are told. */
    public static final Duration HOLD = Duration.ofHours(48);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A set-up locker with its key, shown this once (the device is given it). */
    public record SetUp(Locker locker, String key) {}

    /** A deposit: the compartment taken and its deadline. */
    public record Deposit(Locker locker, Compartment compartment) {}

    /** A customer's pickup code: 8 digits, and where. */
    public record PickupCode(String orderId, String code, String lockerId, String lockerName, String compartmentId, Instant deadline) {}

    private final LockerRepository lockers;
    private final LockerDevices devices;
    private final PickupOrders orders;
    private final LockerCommands commands;
    private final BiPredicate<String, String> stores;
    private final Clock clock;

    private final OverdueAlerts alerts;

    /** {@code stores}: whether the tenant has the store (TenantDirectory.hasStore). */
    public LockerService(LockerRepository lockers, LockerDevices devices, PickupOrders orders, LockerCommands commands,
                         BiPredicate<String, String> stores, Clock clock) {
        this(lockers, devices, orders, commands, stores, clock, OverdueAlerts.NONE);
    }

    /** {@code alerts}: where overdue pickups are told (the store's alerts). */
    public LockerService(LockerRepository lockers, LockerDevices devices, PickupOrders orders, LockerCommands commands,
                         BiPredicate<String, String> stores, Clock clock, OverdueAlerts alerts) {
        this.alerts = alerts;
        this.stores = stores;
        this.lockers = lockers;
        this.devices = devices;
        this.orders = orders;
        this.commands = commands;
        this.clock = clock;
    }

    public SetUp setUp(Caller caller, String storeId, String deviceId, List<String> sizes) {
        requireStore(caller, storeId);
        LockerDevices.Registered d = devices.find(caller.tenantId(), storeId, deviceId);
        if (d == null || !"locker".equals(d.kind())) throw new LockerErrors.NotALocker(deviceId);
        if (lockers.find(caller.tenantId(), deviceId) != null) throw new LockerErrors.AlreadySetUp(deviceId);
        byte[] k = new byte[32];
        RANDOM.nextBytes(k);
        String key = Base64.getEncoder().encodeToString(k);
        Locker l = new Locker(deviceId, storeId, d.name(), d.thingName(), key, LockerRules.layout(sizes), 1);
        lockers.add(caller.tenantId(), l);
        return new SetUp(l, key);
    }

    public List<Locker> list(Caller caller, String storeId) {
        requireStore(caller, storeId);
        return lockers.inStore(caller.tenantId(), storeId);
    }

    public Locker get(Caller caller, String storeId, String lockerId) {
        requireStore(caller, storeId);
        return locker(caller.tenantId(), storeId, lockerId);
    }

    /** Staff put a ready pickup order in a free compartment of its size: reserved, the door opens, the order is ready. */
    public Deposit deposit(Caller caller, String storeId, String lockerId, String orderId, String size) {
        requireStore(caller, storeId);
        String tenant = caller.tenantId();
        locker(tenant, storeId, lockerId);
        PickupOrders.PickupOrder o = orders.find(tenant, orderId);
        if (o == null || !o.storeId().equals(storeId)) throw new LockerErrors.OrderNotFound(orderId);
        if (lockers.lockerOf(tenant, orderId) != null) throw new LockerErrors.AlreadyDeposited(orderId);
        if (!"pickup".equals(o.fulfilment()) || !("paid".equals(o.status()) || "picking".equals(o.status()))) {
            throw new LockerErrors.OrderNotDepositable(orderId, o.status());
        }
        String depositId = Ids.next("dp");
        Instant deadline = clock.instant().plus(HOLD);
        LockerRules.Outcome out = change(tenant, storeId, lockerId, l -> LockerRules.deposit(l, orderId, size, depositId, deadline));
        orders.ready(tenant, orderId);
        tell(out.after(), out.compartment().id());
        return new Deposit(out.after(), out.compartment());
    }

    public Locker clearJam(Caller caller, String storeId, String lockerId, String compartmentId) {
        requireStore(caller, storeId);
        return change(caller.tenantId(), storeId, lockerId, l -> LockerRules.clearJam(l, compartmentId)).after();
    }

    public Locker removed(Caller caller, String storeId, String lockerId, String compartmentId) {
        requireStore(caller, storeId);
        String orderId = locker(caller.tenantId(), storeId, lockerId).compartment(compartmentId).orderId();
        LockerRules.Outcome out = change(caller.tenantId(), storeId, lockerId, l -> LockerRules.removed(l, compartmentId));
        if (orderId != null) alerts.over(caller.tenantId(), orderId);
        tell(out.after(), null);
        return out.after();
    }

    /** The customer's code of their own order (another member's order is as unknown as none). */
    public PickupCode pickupCode(String tenantId, String memberId, String orderId) {
        PickupOrders.PickupOrder o = orders.find(tenantId, orderId);
        if (o == null || memberId == null || !memberId.equals(o.memberId())) throw new LockerErrors.OrderNotFound(orderId);
        String lockerId = lockers.lockerOf(tenantId, orderId);
        Locker l = lockerId == null ? null : lockers.find(tenantId, lockerId);
        Compartment c = l == null ? null : l.compartments().stream().filter(x -> orderId.equals(x.orderId())).findFirst().orElse(null);
        if (c == null || c.codeUsed()) throw new LockerErrors.NoPickupCode(orderId);
        return new PickupCode(orderId, PickupCodes.code(l.key(), l.lockerId(), c.id(), c.depositId()), l.lockerId(), l.name(), c.id(),
                c.deadline());
    }

    /**
     * A report of a locker over MQTT (topic {@code zhidian/<tenant>/<store>/<device>/locker}): opened by a code,
     * closed (empty or not), jammed, a bag taken. Reports for an unknown locker or compartment are dropped.
     */
    public void report(String tenantId, String storeId, String lockerId, String type, String compartmentId, String depositId, boolean empty) {
        Locker l = lockers.find(tenantId, lockerId);
        if (l == null || !l.storeId().equals(storeId) || l.compartments().stream().noneMatch(c -> c.id().equals(compartmentId))) return;
        Function<Locker, LockerRules.Outcome> rule = switch (type) {
            case "opened" -> x -> LockerRules.openedByCode(x, compartmentId, depositId);
            case "closed" -> x -> LockerRules.closed(x, compartmentId, empty);
            case "jammed" -> x -> LockerRules.jammed(x, compartmentId);
            case "bag_taken" -> x -> LockerRules.bagTaken(x, compartmentId, depositId);
            default -> null;
        };
        if (rule == null) return;
        LockerRules.Outcome out = change(tenantId, storeId, lockerId, rule);
        if (out.completedOrder() != null) {
            orders.collected(tenantId, out.completedOrder());
            alerts.over(tenantId, out.completedOrder());
        }
        if (out.changed()) tell(out.after(), null);
    }

    /** The sweep: pickups past their deadline are marked overdue (listed for staff); how many were newly overdue. */
    public int sweepOverdue() {
        int n = 0;
        for (String[] tl : lockers.all()) {
            Locker l = lockers.find(tl[0], tl[1]);
            if (l == null) continue;
            List<Compartment> now = new ArrayList<>();
            LockerRules.Outcome out = LockerRules.overdue(l, clock.instant(), now);
            if (!out.changed()) continue;
            // told before the mark is saved: a sweep that dies in between tells again next time, and the alert is raised once
            for (Compartment c : now) {
                PickupOrders.PickupOrder o = orders.find(tl[0], c.orderId());
                alerts.overdue(tl[0], l, c, o == null ? c.orderId() : o.number());
            }
            if (lockers.save(tl[0], l, out.after())) n += now.size();
        }
        return n;
    }

    private LockerRules.Outcome change(String tenant, String storeId, String lockerId, Function<Locker, LockerRules.Outcome> rule) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Locker l = locker(tenant, storeId, lockerId);
            LockerRules.Outcome out = rule.apply(l);
            if (!out.changed() || lockers.save(tenant, l, out.after())) return out;
        }
        throw new ConcurrentChange("this locker is changing too fast; retry");
    }

    /** The shadow's desired state: each compartment's current use (the device honours only those codes), and an open for staff. */
    private void tell(Locker l, String open) {
        // "" rather than null: a null in a shadow document deletes the key, and the device would never see the use end
        Map<String, Object> uses = new LinkedHashMap<>();
        for (Compartment c : l.compartments()) {
            uses.put(c.id(), c.depositId() == null || c.codeUsed() ? "" : c.depositId());
        }
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("uses", uses);
        // "<compartment>:<depositId>": each deposit's open is a new value, even in the same compartment as the last one
        state.put("open", open == null ? "" : open + ":" + l.compartment(open).depositId());
        commands.desire(l.thingName(), state);
    }

    private Locker locker(String tenant, String storeId, String lockerId) {
        Locker l = lockers.find(tenant, lockerId);
        if (l == null || !l.storeId().equals(storeId)) throw new LockerErrors.LockerNotFound(lockerId);
        return l;
    }

    private void requireStore(Caller caller, String storeId) {
        if (!caller.canSeeStore(storeId) || !stores.test(caller.tenantId(), storeId)) throw new LockerErrors.StoreNotFound(storeId);
    }
}
