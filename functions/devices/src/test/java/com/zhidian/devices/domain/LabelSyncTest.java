package com.zhidian.devices.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class LabelSyncTest {
    private static final LabelPrice COLA = new LabelPrice("06901234567892", "可口可乐 330ml", null, 350L, 299L,
            Instant.parse("2026-12-31T16:00:00Z"), null, null, null);

    /** What a label that shows {@code desired} reports: the fields as Gson gives them (numbers as doubles), and the hash. */
    private static Map<String, Object> reportedBy(Map<String, Object> desired) {
        Map<String, Object> r = new HashMap<>();
        desired.forEach((k, v) -> r.put(k, v instanceof Long l ? (Object) l.doubleValue()
                : v instanceof Map<?, ?> m ? asDoubles(m) : v));
        r.put("renderedHash", LabelContent.hash(r));
        r.put("firmware", "esl-sim-1.0");
        r.put("battery", 97.0);
        return r;
    }

    private static Map<String, Object> asDoubles(Map<?, ?> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put((String) k, v instanceof Long l ? l.doubleValue() : v));
        return out;
    }

    @Test
    void theHashIsTheOneTheSimulatedLabelComputes() {
        // LabelRendering.hash (iot/) of the same fields, numbers as the device SDK's Gson parses them; checked apart with
        // python3: sha256 of json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False), "unitPrice": false
        assertEquals("bc0c29e0f1cfac5656e3fccdac1cdf8ed069bb09d1adf6030984a82efff36bd1", LabelContent.hash(LabelContent.desired(COLA)));
    }

    @Test
    void syncedNeedsTheSameHashAndNoDelta() {
        Map<String, Object> desired = LabelContent.desired(COLA);
        Map<String, Object> reported = reportedBy(desired);
        assertEquals(LabelSync.SYNCED, LabelSync.of(new LabelShadows.State(desired, reported, false), 0));
        assertEquals(LabelSync.SYNCED, LabelSync.of(new LabelShadows.State(desired, reported, false), 5), "synced wins over past retries");
        assertEquals(LabelSync.PENDING, LabelSync.of(new LabelShadows.State(desired, reported, true), 0), "a delta remains");
        Map<String, Object> newer = new LinkedHashMap<>(desired);
        newer.put("price", 390L);
        assertEquals(LabelSync.PENDING, LabelSync.of(new LabelShadows.State(newer, reported, false), 1));
        assertEquals(LabelSync.FAILED, LabelSync.of(new LabelShadows.State(newer, reported, false), LabelSync.MAX_ATTEMPTS));
        assertEquals(LabelSync.PENDING, LabelSync.of(LabelShadows.State.NONE, 0), "nothing desired yet");
        assertEquals(LabelSync.PENDING, LabelSync.of(new LabelShadows.State(desired, null, false), 0), "never reported");
    }

    @Test
    void thePayablePriceIsThePromotionsWhileOneIsShown() {
        assertEquals(299L, LabelContent.payable(LabelContent.desired(COLA)));
        LabelPrice regular = new LabelPrice("06901234567892", "可乐", "330ml", 350L, null, null, 390L, Instant.parse("2027-01-01T00:00:00Z"), null);
        Map<String, Object> d = LabelContent.desired(regular);
        assertEquals(350L, LabelContent.payable(d));
        assertEquals(false, d.get("promotion"), "an ended promotion is false, not removed, so the label hears of it");
        assertEquals(Map.of("price", 390L, "at", "2027-01-01T00:00:00Z", "promotion", false,
                "unitPrice", UnitPrice.of(390L, "330ml").orElseThrow().fields()), d.get("next"),
                "the next version goes ahead with what the label shows from its start");
        assertNull(LabelContent.payable(LabelContent.desired(new LabelPrice("06901234567892", "x", null, null, null, null, null, null, null))));
    }

    /**
     * A next version whose promotion runs from its start goes ahead with that promotion and the unit price of what is
     * paid then, so a label that switches by itself shows exactly what the cloud wants after that instant.
     */
    @Test
    void theNextVersionCarriesThePromotionRunningAtItsStart() {
        Instant at = Instant.parse("2027-01-01T00:00:00Z");
        Instant promoEnds = Instant.parse("2027-01-08T00:00:00Z");
        LabelPrice now = new LabelPrice("06901234567892", "绿茶", "500ml", 300L, null, null, 280L, at, at, 250L, promoEnds);
        LabelPrice then = new LabelPrice("06901234567892", "绿茶", "500ml", 280L, 250L, promoEnds, null, null, promoEnds);
        Map<String, Object> shown = new LinkedHashMap<>(LabelContent.desired(now));
        @SuppressWarnings("unchecked") Map<String, Object> next = (Map<String, Object>) shown.get("next");
        shown.put("price", next.get("price"));
        shown.put("promotion", next.get("promotion"));
        shown.put("unitPrice", next.get("unitPrice"));
        shown.put("next", false);
        assertEquals(LabelContent.desired(then), shown);
        assertEquals(LabelContent.hash(LabelContent.desired(then)), LabelContent.hash(shown));
    }

    /** Whatever the label shows, reporting it faithfully is synced, and any other price is not. */
    @Property
    void aFaithfulReportIsSynced_andAnyOtherPriceIsNot(@ForAll @LongRange(min = 1, max = 10_000_000) long price,
                                                        @ForAll @LongRange(min = 1, max = 10_000_000) long shown,
                                                        @ForAll @IntRange(min = 0, max = 5) int attempts) {
        Map<String, Object> desired = LabelContent.desired(new LabelPrice("06901234567892", "x", "1L", price, null, null, null, null, null));
        Map<String, Object> showing = new LinkedHashMap<>(desired);
        showing.put("price", shown);
        LabelSync sync = LabelSync.of(new LabelShadows.State(desired, reportedBy(showing), false), attempts);
        if (shown == price) assertEquals(LabelSync.SYNCED, sync);
        else assertEquals(attempts >= LabelSync.MAX_ATTEMPTS ? LabelSync.FAILED : LabelSync.PENDING, sync);
    }
}
