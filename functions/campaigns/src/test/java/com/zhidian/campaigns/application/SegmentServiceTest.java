package com.zhidian.campaigns.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zhidian.campaigns.domain.AudienceMember;
import com.zhidian.campaigns.domain.Rule;
import com.zhidian.campaigns.domain.Segment;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentServiceTest {
    private final Harness h = new Harness();

    private void member(String id, String store, int month, long points, boolean personalization) {
        h.audience.put(new AudienceMember(id, true, store, Harness.MORNING.minus(Duration.ofDays(40)), month, points, true, true,
                personalization));
    }

    @Test
    void criteria_combineWithAllAndAny() {
        member("a", "st1", 5, 1000, true);
        member("b", "st2", 5, 10, true);
        member("c", "st2", 7, 2000, true);
        List<Rule> rules = List.of(new Rule(Rule.POINTS_BALANCE, 500L, null, null, null),
                new Rule(Rule.BIRTHDAY_MONTH, null, null, null, List.of("5")));
        assertEquals(1, h.segments.preview(Harness.T, Segment.ALL, rules).matching());
        assertEquals(3, h.segments.preview(Harness.T, Segment.ANY, rules).matching());
        assertEquals(2, h.segments.preview(Harness.T, Segment.ALL,
                List.of(new Rule(Rule.HOME_STORE, null, null, null, List.of("st2")))).matching());
        assertEquals(3, h.segments.preview(Harness.T, Segment.ALL,
                List.of(new Rule(Rule.MEMBER_SINCE, 30L, 60L, null, null))).matching());
    }

    @Test
    void purchaseHistory_comesFromTheProfile_andCountsOnlyMembersWithAPersonalizationGrant() {
        member("a", "st1", 1, 0, true);
        member("b", "st1", 1, 0, false);
        member("c", "st1", 1, 0, true);
        for (String m : List.of("a", "b")) {
            h.profiles.onOrderPaid(Harness.T, m, "o-" + m, Harness.MORNING.minus(Duration.ofDays(3)), 25_000, List.of("饮料"), List.of("6901234567892"));
        }
        h.profiles.onOrderPaid(Harness.T, "c", "o-c", Harness.MORNING.minus(Duration.ofDays(200)), 90_000, List.of("零食"), List.of());
        List<Rule> spend = List.of(new Rule(Rule.SPEND, 20_000L, null, 30, null));
        SegmentService.Count n = h.segments.preview(Harness.T, Segment.ALL, spend);
        assertEquals(1, n.matching(), "b spent too but gave no personalization grant; c's order is outside the window");
        assertTrue(n.needsPersonalization());
        assertEquals(1, h.segments.preview(Harness.T, Segment.ALL,
                List.of(new Rule(Rule.BOUGHT_CATEGORY, null, null, 30, List.of("饮料")))).matching());
        assertEquals(2, h.segments.preview(Harness.T, Segment.ALL,
                List.of(new Rule(Rule.LAST_VISIT, null, 365L, null, null))).matching());
        // a full refund takes the order out of spend, order count and what was bought
        h.profiles.onOrderRefunded(Harness.T, "a", "o-a", 25_000);
        assertEquals(0, h.segments.preview(Harness.T, Segment.ALL, spend).matching());
    }

    @Test
    void onOrderPaid_twiceForOneOrder_countsItOnce() {
        for (int i = 0; i < 2; i++) {
            h.profiles.onOrderPaid(Harness.T, "a", "o1", Harness.MORNING, 5_000, List.of("x"), List.of());
            h.profiles.onOrderRefunded(Harness.T, "a", "o1", 1_000);
        }
        var p = h.profiles.profile(Harness.T, "a");
        assertEquals(1, p.orders().size());
        assertEquals(4_000, p.spendSince(Harness.MORNING.minusSeconds(1)));
    }
}
