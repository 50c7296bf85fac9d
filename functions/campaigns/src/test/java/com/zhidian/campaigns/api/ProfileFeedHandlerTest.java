package com.zhidian.campaigns.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zhidian.campaigns.application.ProfileService;
import com.zhidian.campaigns.domain.Profile;
import com.zhidian.campaigns.fakes.InMemorySegments;
import com.zhidian.campaigns.fakes.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ProfileFeedHandlerTest {
    private final InMemorySegments repo = new InMemorySegments();
    private final ProfileFeedHandler handler = new ProfileFeedHandler(
            new ProfileService(repo, new MutableClock(Instant.parse("2026-12-04T06:00:00Z"))), (t, gtins) -> List.of("cat_milk"));

    private static Map<String, Object> s(String v) { return Map.of("S", v); }

    private static Map<String, Object> line(String gtin, long net) {
        return Map.of("M", Map.of("gtin", s(gtin), "qty", Map.of("N", "1"), "net", Map.of("N", Long.toString(net))));
    }

    static Map<String, Object> record(String eventId, String event, String member, List<Map<String, Object>> lines) {
        Map<String, Object> image = new java.util.HashMap<>(Map.of("kind", s("order.event"), "eventId", s(eventId), "event", s(event),
                "tenantId", s("t1"), "storeId", s("st_1"), "orderId", s("or_1"), "at", s("2026-12-04T04:10:00Z"), "lines", Map.of("L", lines)));
        if (member != null) image.put("memberId", s(member));
        return Map.of("eventName", "INSERT", "dynamodb", Map.of("NewImage", image));
    }

    private Map<String, Object> handle(List<Map<String, Object>> records) {
        return handler.handleRequest(Map.of("Records", records), null);
    }

    private Profile profile() {
        return repo.profile("t1", "mb_9").orElse(Profile.empty("t1", "mb_9"));
    }

    @Test
    void paidThenRefunded_eachAppliedOnce_evenWhenTheBatchIsRedelivered() {
        var paid = record("or_1#paid", "paid", "mb_9", List.of(line("6901234567892", 600), line("6901234567893", 400)));
        var refund = record("or_1#refunded#rf_1", "refunded", "mb_9", List.of(line("6901234567892", 300)));
        assertEquals(Map.of("records", 2, "applied", 2), handle(List.of(paid, refund)));
        assertEquals(Map.of("records", 2, "applied", 0), handle(List.of(paid, refund)), "a redelivered batch changes nothing");
        Profile p = profile();
        assertEquals(1, p.orders().size());
        assertEquals(1000, p.orders().get(0).amount());
        assertEquals(300, p.orders().get(0).refunded(), "the refund counted once");
        assertEquals(List.of("6901234567892", "6901234567893"), p.orders().get(0).gtins());
        assertEquals(List.of("cat_milk"), p.orders().get(0).categories(), "the categories come from the catalog");
    }

    @Test
    void anEventWithoutAMember_orOfAnotherKind_isPassedOver() {
        assertEquals(Map.of("records", 0, "applied", 0), handle(List.of(record("or_2#paid", "paid", null, List.of(line("1", 100))))));
        assertTrue(repo.profiles("t1").isEmpty());
    }

    /** Under any order of redeliveries, the refunded total is the sum of distinct refunds (capped at the amount). */
    @Property(tries = 200)
    void redeliveriesNeverCountARefundTwice(@ForAll @IntRange(min = 1, max = 5) int refunds, @ForAll @IntRange(min = 1, max = 4) int copies,
                                            @ForAll long seed) {
        InMemorySegments r = new InMemorySegments();
        ProfileFeedHandler h = new ProfileFeedHandler(new ProfileService(r, new MutableClock(Instant.parse("2026-12-04T06:00:00Z"))), (t, g) -> List.of());
        List<Map<String, Object>> batch = new ArrayList<>();
        batch.add(record("or_1#paid", "paid", "mb_9", List.of(line("1", 10_000))));
        for (int i = 0; i < refunds; i++) {
            for (int c = 0; c < copies; c++) batch.add(record("or_1#refunded#rf_" + i, "refunded", "mb_9", List.of(line("1", 100 * (i + 1)))));
        }
        java.util.Collections.shuffle(batch.subList(1, batch.size()), new java.util.Random(seed));
        h.handleRequest(Map.of("Records", batch), null);
        h.handleRequest(Map.of("Records", batch), null);
        long expected = 0;
        for (int i = 0; i < refunds; i++) expected += 100L * (i + 1);
        assertEquals(expected, r.profile("t1", "mb_9").orElseThrow().orders().get(0).refunded());
    }
}
