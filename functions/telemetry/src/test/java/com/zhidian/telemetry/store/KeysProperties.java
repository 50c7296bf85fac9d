package com.zhidian.telemetry.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** A raw reading's sort key: the sequence zero-padded to 16 digits, so that keys of one instant sort by sequence. */
class KeysProperties {
    @Property
    void rawSkPadsTheSequenceAsFormatDid(@ForAll @LongRange(min = 0, max = 9_000_000_000_000_000L) long seq) {
        assertEquals("2026-12-04T10:00:00Z#" + String.format("%016d", seq), Keys.rawSk("2026-12-04T10:00:00Z", seq));
    }

    @Property
    void rawSkSortsBySequence(@ForAll @LongRange(min = 0, max = 9_000_000_000_000_000L) long a, @ForAll @LongRange(min = 0, max = 9_000_000_000_000_000L) long b) {
        String at = "2026-12-04T10:00:00Z";
        assertTrue(Long.signum(Long.compare(a, b)) == Integer.signum(Keys.rawSk(at, a).compareTo(Keys.rawSk(at, b))));
    }
}
