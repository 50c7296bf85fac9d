package com.zhidian.lockers.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The pure rules of a locker: what a deposit takes, what each report of the device does to a compartment, what staff
 * may do. The device reports facts (door opened by a code, door closed and empty or not, door jammed, a shopper took a
 * compartment); the cloud keeps the state and moves the order.
 *
 * <pre>
 * free --deposit--> reserved --closed, not empty--> occupied --code--> open --closed, empty--> free (order completed)
 *                                                           open --closed, not empty--> occupied (code spent: staff)
 * any holding state --jammed--> jammed --staff clear--> open (code spent) | occupied | free
 * free --shopper takes (bag)--> occupied --code--> open --closed, empty--> free
 * reserved|occupied, pickup past its deadline: overdue (staff told) --staff report removal--> free
 * </pre>
 */
public final class LockerRules {
    private LockerRules() {}

    /** The result of a change: the locker after, and the pickup order it completes (null: none). */
    public record Outcome(Locker after, Compartment compartment, String completedOrder, boolean changed) {
        static Outcome same(Locker l, Compartment c) { return new Outcome(l, c, null, false); }
    }

    /** Sizes from small to large: a deposit takes the right size, or the next larger one that is free. */
    static final List<String> ORDER = List.of(Compartment.S, Compartment.M, Compartment.L);

    public static Outcome deposit(Locker l, String orderId, String size, String depositId, Instant deadline) {
        for (Compartment c : l.compartments()) {
            if (orderId.equals(c.orderId())) throw new LockerErrors.AlreadyDeposited(orderId);
        }
        for (String s : ORDER.subList(ORDER.indexOf(size), ORDER.size())) {
            for (Compartment c : l.compartments()) {
                if (c.size().equals(s) && Compartment.FREE.equals(c.state())) {
                    Compartment taken = new Compartment(c.id(), c.size(), Compartment.RESERVED, Compartment.PICKUP, orderId,
                            depositId, deadline, false, false);
                    return new Outcome(l.replaced(taken), taken, null, true);
                }
            }
        }
        throw new LockerErrors.NoFreeCompartment(size);
    }

    /** The device opened a compartment after checking a code of the use {@code depositId}: once per use. */
    public static Outcome openedByCode(Locker l, String compartmentId, String depositId) {
        Compartment c = l.compartment(compartmentId);
        if (!c.holdsSomething() || depositId == null || !depositId.equals(c.depositId()) || c.codeUsed()
                || !(Compartment.OCCUPIED.equals(c.state()) || Compartment.RESERVED.equals(c.state()))) {
            return Outcome.same(l, c);
        }
        Compartment open = new Compartment(c.id(), c.size(), Compartment.OPEN, c.use(), c.orderId(), c.depositId(), c.deadline(),
                true, c.overdue());
        return new Outcome(l.replaced(open), open, null, true);
    }

    /** The door reports closed, with the compartment's sensor saying whether anything is inside. */
    public static Outcome closed(Locker l, String compartmentId, boolean empty) {
        Compartment c = l.compartment(compartmentId);
        switch (c.state()) {
            case Compartment.RESERVED -> {
                if (empty) return Outcome.same(l, c); // staff closed it before putting the order in: still reserved
                Compartment o = c.with(Compartment.OCCUPIED);
                return new Outcome(l.replaced(o), o, null, true);
            }
            case Compartment.OPEN -> {
                if (!empty) {
                    Compartment o = c.with(Compartment.OCCUPIED);
                    return new Outcome(l.replaced(o), o, null, true);
                }
                Compartment f = c.emptied();
                String completed = Compartment.PICKUP.equals(c.use()) ? c.orderId() : null;
                return new Outcome(l.replaced(f), f, completed, true);
            }
            default -> {
                return Outcome.same(l, c); // a jammed door stays jammed until staff clear it; free and occupied stay
            }
        }
    }

    public static Outcome jammed(Locker l, String compartmentId) {
        Compartment c = l.compartment(compartmentId);
        if (Compartment.JAMMED.equals(c.state())) return Outcome.same(l, c);
        Compartment j = c.with(Compartment.JAMMED);
        return new Outcome(l.replaced(j), j, null, true);
    }

    /** Staff cleared a jammed door: the compartment goes back to what its contents say. */
    public static Outcome clearJam(Locker l, String compartmentId) {
        Compartment c = l.compartment(compartmentId);
        if (!Compartment.JAMMED.equals(c.state())) throw new LockerErrors.WrongState(compartmentId, c.state(), Compartment.JAMMED);
        Compartment back = !c.holdsSomething() ? c.emptied() : c.with(c.codeUsed() ? Compartment.OPEN : Compartment.OCCUPIED);
        return new Outcome(l.replaced(back), back, null, true);
    }

    /** A shopper took a free compartment at the keypad (bag deposit); the device made the use id and showed the code. */
    public static Outcome bagTaken(Locker l, String compartmentId, String depositId) {
        Compartment c = l.compartment(compartmentId);
        if (!Compartment.FREE.equals(c.state()) || depositId == null) return Outcome.same(l, c);
        Compartment o = new Compartment(c.id(), c.size(), Compartment.OCCUPIED, Compartment.BAG, null, depositId, null, false, false);
        return new Outcome(l.replaced(o), o, null, true);
    }

    /** Pickups past their deadline that nobody was told of yet, marked overdue. */
    public static Outcome overdue(Locker l, Instant now, List<Compartment> newlyOverdue) {
        List<Compartment> after = new ArrayList<>();
        for (Compartment c : l.compartments()) {
            boolean due = Compartment.PICKUP.equals(c.use()) && !c.overdue() && c.deadline() != null && !now.isBefore(c.deadline())
                    && (Compartment.RESERVED.equals(c.state()) || Compartment.OCCUPIED.equals(c.state()));
            if (due) {
                Compartment o = new Compartment(c.id(), c.size(), c.state(), c.use(), c.orderId(), c.depositId(), c.deadline(),
                        c.codeUsed(), true);
                newlyOverdue.add(o);
                after.add(o);
            } else {
                after.add(c);
            }
        }
        Locker next = new Locker(l.lockerId(), l.storeId(), l.name(), l.thingName(), l.key(), after, l.version());
        return new Outcome(next, null, null, !newlyOverdue.isEmpty());
    }

    /** Staff took an overdue pickup out (the door closed empty behind them): the compartment is free again. */
    public static Outcome removed(Locker l, String compartmentId) {
        Compartment c = l.compartment(compartmentId);
        if (!c.overdue()) throw new LockerErrors.WrongState(compartmentId, c.state(), "overdue");
        Compartment f = c.emptied();
        return new Outcome(l.replaced(f), f, null, true);
    }

    /** Compartment ids of a new locker: "01", "02", … in the order of the sizes given. */
    public static List<Compartment> layout(List<String> sizes) {
        List<Compartment> out = new ArrayList<>();
        for (int i = 0; i < sizes.size(); i++) out.add(Compartment.free(String.format("%02d", i + 1), sizes.get(i)));
        return out;
    }
}
