package com.zhidian.devices.domain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class DeviceRulesTest {
    @Test
    void onlyConnectedAndDisconnectedEventsSayWhereADeviceIs() {
        assertTrue(Presence.changes("connected"));
        assertTrue(Presence.changes("disconnected"));
        assertFalse(Presence.changes("connect_failed"), "a refused attempt by another client with the same id");
        assertFalse(Presence.changes(null));
        assertFalse(Presence.changes("subscribed"));
    }

    @Test
    void thingNamesSplitBackIntoTenantAndDevice() {
        String name = Device.thingName("tn_a-b", "dv_0123456789abcdef");
        assertEquals("zd-tn_a-b-dv_0123456789abcdef", name);
        assertArrayEquals(new String[] {"tn_a-b", "dv_0123456789abcdef"}, Device.tenantAndDevice(name));
        assertNull(Device.tenantAndDevice("other-thing"));
        assertNull(Device.tenantAndDevice("zd-"));
        assertNull(Device.tenantAndDevice("zd-t-"));
        assertNull(Device.tenantAndDevice(null));
    }

    @Test
    void gtinsAreCheckedAndPaddedToFourteenDigits() {
        assertEquals("06901234567892", Gtins.parse("6901234567892"));
        assertEquals("00000096385074", Gtins.parse("96385074"));
        assertThrows(DeviceErrors.InvalidGtin.class, () -> Gtins.parse("6901234567893"));
        assertThrows(DeviceErrors.InvalidGtin.class, () -> Gtins.parse("69012345678"));
        assertThrows(DeviceErrors.InvalidGtin.class, () -> Gtins.parse("69O1234567892"));
    }

    @Test
    void aDisconnectAtTheSameMillisecondWins() {
        Presence p = Presence.NEVER.after(true, 100);
        assertTrue(p.online());
        assertFalse(p.after(false, 100).online());
        assertFalse(p.after(false, 100).after(true, 100).online());
        assertTrue(p.after(false, 99).online(), "an older disconnect changes nothing");
    }

    /** Events in any order end where the latest one says (a disconnect breaks ties): order of arrival does not matter. */
    @Property
    void presenceDoesNotDependOnArrivalOrder(@ForAll @Size(min = 1, max = 12) List<@IntRange(min = 1, max = 20) Integer> times,
                                             @ForAll @Size(min = 12, max = 12) List<Boolean> kinds) {
        List<long[]> events = new ArrayList<>();
        for (int i = 0; i < times.size(); i++) events.add(new long[] {times.get(i), kinds.get(i) ? 1 : 0});
        Presence inOrder = apply(events);
        Collections.reverse(events);
        assertEquals(inOrder, apply(events));
        long latest = times.stream().mapToLong(Integer::longValue).max().orElseThrow();
        boolean anyDisconnectAtLatest = events.stream().anyMatch(e -> e[0] == latest && e[1] == 0);
        assertEquals(!anyDisconnectAtLatest, inOrder.online());
        assertEquals(latest, inOrder.lastSeenMillis());
    }

    private static Presence apply(List<long[]> events) {
        Presence p = Presence.NEVER;
        for (long[] e : events) p = p.after(e[1] == 1, e[0]);
        return p;
    }
}
