package com.zhidian.campaigns.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.zhidian.campaigns.application.SegmentService;
import com.zhidian.campaigns.application.SummaryCache;
import com.zhidian.campaigns.domain.Campaign;
import com.zhidian.campaigns.domain.Delivery;
import com.zhidian.campaigns.domain.MemberSummaries;
import com.zhidian.campaigns.domain.MemberSummary;
import com.zhidian.campaigns.domain.Message;
import com.zhidian.campaigns.domain.Profile;
import com.zhidian.campaigns.domain.Rule;
import com.zhidian.campaigns.domain.Segment;
import com.zhidian.core.aws.ReadAhead;
import com.zhidian.core.tenancy.TenantDirectory;
import com.zhidian.core.testing.TestTables;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The preview's cache against the DynamoDB stand-in: under random writes of every writer of a summary (the members'
 * facts, erasures, both consents, points, WeChat bindings, purchase history, delivered contacts), with the wall clock
 * moving and each writer's stamp taken up to {@link SummaryCache#OVERLAP_MS} before its write lands, and previews
 * between them at random: what the cache holds (and so every count) equals a whole read of the partition now, the
 * first (cold) read included, with and without the purchase history.
 */
class SummaryCacheProperties {
    static final List<String> MEMBERS = List.of("mb_a1", "mb_b2", "mb_c3", "mb_d4", "mb_e5");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T02:00:00Z"), ZoneOffset.UTC);
    static final TenantDirectory TENANTS = new TenantDirectory() {
        @Override public Standing standing(String tenantId) { return new Standing("active", "premium", "Asia/Shanghai"); }
        @Override public Standing standing(String tenantId, ReadAhead.Key ahead) { return standing(tenantId); }
        @Override public boolean hasStore(String tenantId, String storeId) { return true; }
    };

    /** One write ({@code kind}) to one member, then the clock moves {@code advance} ms; a preview after it or not. */
    record Step(int kind, int member, boolean flag, int amount, int advance, int late, boolean preview) {}

    @Provide
    Arbitrary<List<Step>> histories() {
        return Combinators.combine(Arbitraries.integers().between(0, 7), Arbitraries.integers().between(0, MEMBERS.size() - 1),
                Arbitraries.of(true, false), Arbitraries.integers().between(0, 400), Arbitraries.integers().between(0, 12_000),
                Arbitraries.integers().between(0, (int) SummaryCache.OVERLAP_MS), Arbitraries.of(true, false))
                .as(Step::new).list().ofMinSize(1).ofMaxSize(20);
    }

    @Property(tries = 40)
    void theCacheHoldsWhatAWholeReadFindsNow(@ForAll("histories") List<Step> steps) {
        String tenant = "tn_cache" + Long.toString(System.nanoTime(), 36);
        long[] now = {System.currentTimeMillis()};
        long[] late = {0};
        var db = TestTables.client();
        // a writer's stamp is taken up to OVERLAP_MS before its write is seen (slow writer, clock behind, index late)
        DynamoSegmentRepository store = new DynamoSegmentRepository(db, () -> now[0] - late[0]);
        DynamoCampaignRepository campaigns = new DynamoCampaignRepository(db, () -> now[0] - late[0]);
        SummaryCache cache = new SummaryCache(store, () -> now[0]);
        SegmentService cached = new SegmentService(store, cache, TENANTS, CLOCK);
        SegmentService whole = new SegmentService(store, store, TENANTS, CLOCK);
        int delivery = 0;
        for (Step s : steps) {
            late[0] = s.late();
            write(store, campaigns, tenant, s, delivery++);
            now[0] += s.advance();
            if (s.preview()) same(tenant, store, cache, cached, whole);
        }
        same(tenant, store, cache, cached, whole);
    }

    private static void write(DynamoSegmentRepository store, DynamoCampaignRepository campaigns, String tenant, Step s, int n) {
        String m = MEMBERS.get(s.member());
        Instant at = CLOCK.instant();
        switch (s.kind()) {
            case 0 -> store.member(tenant, m, true, s.flag() ? "st_a" : "st_b", at.minusSeconds(86_400L * s.amount()),
                    1 + s.amount() % 12, s.flag());
            case 1 -> store.member(tenant, m, false, null, null, null, false); // erased
            case 2 -> store.consent(tenant, m, "marketing_push", s.flag(), at);
            case 3 -> store.consent(tenant, m, "personalization", s.flag(), at);
            case 4 -> store.points(tenant, m, s.amount());
            case 5 -> store.bindWeChat(tenant, m, "oid_" + s.amount());
            case 6 -> {
                Profile p = store.profile(tenant, m).orElse(Profile.empty(tenant, m));
                store.saveProfile(p.paid(new Profile.PaidOrder("or_" + n, at.minusSeconds(3_600L * s.amount()), 100L * s.amount(), 0,
                        List.of(s.flag() ? "cat_tea" : "cat_snack"), List.of("690" + s.amount())), at));
            }
            default -> {
                var before = campaigns.contacts(tenant, m);
                String messageId = "msg_" + n;
                campaigns.deliver(new Delivery(tenant, "cp_" + n, m, Delivery.DELIVERED, null, at, null, messageId, null),
                        new Message(tenant, m, messageId, "cp_" + n, Campaign.IN_APP, "t", "b", null, "tok", at, null),
                        before, List.of(at));
            }
        }
    }

    /** The cache (caught up now) and a whole read agree, summary by summary and in two segments' counts. */
    private static void same(String tenant, MemberSummaries store, SummaryCache cache, SegmentService cached, SegmentService whole) {
        for (boolean history : new boolean[] {false, true}) {
            assertEquals(byMember(store, tenant, history), byMember(cache, tenant, history), history ? "with history" : "facts only");
        }
        List<Rule> plain = List.of(new Rule(Rule.POINTS_BALANCE, 100L, null, null, null), new Rule(Rule.HOME_STORE, null, null, null, List.of("st_a")));
        List<Rule> bought = List.of(new Rule(Rule.SPEND, 5_000L, null, 30, null), new Rule(Rule.BOUGHT_CATEGORY, null, null, 30, List.of("cat_tea")));
        assertEquals(whole.preview(tenant, Segment.ANY, plain), cached.preview(tenant, Segment.ANY, plain));
        assertEquals(whole.preview(tenant, Segment.ALL, bought), cached.preview(tenant, Segment.ALL, bought));
    }

    private static Map<String, MemberSummary> byMember(MemberSummaries s, String tenant, boolean history) {
        Map<String, MemberSummary> out = new HashMap<>();
        s.forEach(tenant, history, x -> out.put(x.memberId(), x));
        return out;
    }
}
