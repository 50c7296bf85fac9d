package com.zhidian.lockers.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class LockerRulesTest {
    static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");
    static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    static Locker locker(String... sizes) {
        return new Locker("dv1", "st1", "门口储物柜", "zd-t1-dv1", KEY, LockerRules.layout(List.of(sizes)), 1);
    }

    @Test
    void a_deposit_takes_a_free_compartment_of_its_size_or_the_next_larger() {
        Locker l = locker("S", "M", "L");
        LockerRules.Outcome a = LockerRules.deposit(l, "o1", "M", "dp1", T0);
        assertEquals("02", a.compartment().id());
        assertEquals(Compartment.RESERVED, a.compartment().state());
        LockerRules.Outcome b = LockerRules.deposit(a.after(), "o2", "M", "dp2", T0);
        assertEquals("03", b.compartment().id(), "M taken: the L one");
        assertThrows(LockerErrors.NoFreeCompartment.class, () -> LockerRules.deposit(b.after(), "o3", "M", "dp3", T0));
        assertEquals("01", LockerRules.deposit(b.after(), "o3", "S", "dp3", T0).compartment().id());
        assertThrows(LockerErrors.AlreadyDeposited.class, () -> LockerRules.deposit(b.after(), "o1", "S", "dp4", T0));
    }

    @Test
    void the_pickup_lifecycle_completes_the_order_only_when_closed_and_empty() {
        Locker l = LockerRules.deposit(locker("S"), "o1", "S", "dp1", T0).after();
        l = LockerRules.closed(l, "01", false).after();
        assertEquals(Compartment.OCCUPIED, l.compartment("01").state());
        l = LockerRules.openedByCode(l, "01", "dp1").after();
        assertEquals(Compartment.OPEN, l.compartment("01").state());
        LockerRules.Outcome notTaken = LockerRules.closed(l, "01", false);
        assertNull(notTaken.completedOrder());
        assertEquals(Compartment.OCCUPIED, notTaken.after().compartment("01").state());
        LockerRules.Outcome done = LockerRules.closed(l, "01", true);
        assertEquals("o1", done.completedOrder());
        assertEquals(Compartment.FREE, done.after().compartment("01").state());
    }

    @Test
    void a_code_opens_once_and_only_its_own_use() {
        Locker l = LockerRules.closed(LockerRules.deposit(locker("S"), "o1", "S", "dp1", T0).after(), "01", false).after();
        assertFalse(LockerRules.openedByCode(l, "01", "dp-other").changed());
        Locker opened = LockerRules.openedByCode(l, "01", "dp1").after();
        Locker back = LockerRules.closed(opened, "01", false).after();
        assertFalse(LockerRules.openedByCode(back, "01", "dp1").changed(), "a spent code opens nothing");
    }

    @Test
    void a_jammed_door_does_not_complete_and_staff_clear_it() {
        Locker l = LockerRules.closed(LockerRules.deposit(locker("S"), "o1", "S", "dp1", T0).after(), "01", false).after();
        l = LockerRules.openedByCode(l, "01", "dp1").after();
        l = LockerRules.jammed(l, "01").after();
        LockerRules.Outcome closedWhileJammed = LockerRules.closed(l, "01", true);
        assertNull(closedWhileJammed.completedOrder());
        assertEquals(Compartment.JAMMED, closedWhileJammed.after().compartment("01").state());
        Locker cleared = LockerRules.clearJam(l, "01").after();
        assertEquals(Compartment.OPEN, cleared.compartment("01").state(), "the code was spent: the next closed report decides");
        assertEquals("o1", LockerRules.closed(cleared, "01", true).completedOrder());
        Locker fine = cleared;
        assertThrows(LockerErrors.WrongState.class, () -> LockerRules.clearJam(fine, "01"));
    }

    @Test
    void an_uncollected_pickup_is_overdue_once_and_freed_after_removal() {
        Locker l = LockerRules.closed(LockerRules.deposit(locker("S", "S"), "o1", "S", "dp1", T0).after(), "01", false).after();
        List<Compartment> early = new ArrayList<>();
        assertFalse(LockerRules.overdue(l, T0.minusSeconds(1), early).changed());
        assertThrows(LockerErrors.WrongState.class, () -> LockerRules.removed(l, "01"));
        List<Compartment> due = new ArrayList<>();
        Locker after = LockerRules.overdue(l, T0, due).after();
        assertEquals(1, due.size());
        assertTrue(after.compartment("01").overdue());
        List<Compartment> again = new ArrayList<>();
        assertFalse(LockerRules.overdue(after, T0.plusSeconds(60), again).changed(), "staff are told once");
        assertEquals(Compartment.FREE, LockerRules.removed(after, "01").after().compartment("01").state());
    }

    @Test
    void a_bag_takes_a_free_compartment_and_its_code_opens_it_once() {
        Locker l = LockerRules.bagTaken(locker("M"), "01", "bg1").after();
        assertEquals(Compartment.OCCUPIED, l.compartment("01").state());
        assertFalse(LockerRules.bagTaken(l, "01", "bg2").changed(), "an occupied compartment is not taken again");
        l = LockerRules.openedByCode(l, "01", "bg1").after();
        LockerRules.Outcome out = LockerRules.closed(l, "01", true);
        assertNull(out.completedOrder());
        assertEquals(Compartment.FREE, out.after().compartment("01").state());
    }

    @Test
    void codes_name_their_compartment_and_verify_only_with_the_key_and_use() {
        String code = PickupCodes.code(KEY, "dv1", "03", "dp1");
        assertEquals(8, code.length());
        assertEquals("03", PickupCodes.compartmentOf(code));
        assertTrue(PickupCodes.verify(KEY, "dv1", "03", "dp1", code));
        assertFalse(PickupCodes.verify(KEY, "dv1", "03", "dp2", code));
        assertFalse(PickupCodes.verify(KEY, "dv2", "03", "dp1", code));
        String other = Base64.getEncoder().encodeToString("another key, 32 bytes long......".getBytes());
        assertFalse(PickupCodes.verify(other, "dv1", "03", "dp1", code));
    }

    @Property(tries = 200)
    void a_code_with_any_one_digit_changed_opens_nothing(@ForAll @AlphaChars @StringLength(min = 1, max = 24) String use,
                                                         @ForAll @IntRange(min = 0, max = 7) int position,
                                                         @ForAll @IntRange(min = 1, max = 9) int shift) {
        String code = PickupCodes.code(KEY, "dv1", "01", use);
        assertTrue(code.matches("01[0-9]{6}"));
        assertTrue(PickupCodes.verify(KEY, "dv1", "01", use, code));
        char[] c = code.toCharArray();
        c[position] = (char) ('0' + (c[position] - '0' + shift) % 10);
        assertFalse(PickupCodes.verify(KEY, "dv1", "01", use, new String(c)));
    }
}
