package com.zhidian.campaigns.bench;

import com.zhidian.campaigns.application.CampaignService;
import com.zhidian.campaigns.application.Campaigns;
import com.zhidian.campaigns.domain.Campaign;
import com.zhidian.campaigns.domain.DeliveryQueue;
import com.zhidian.campaigns.domain.Rule;
import com.zhidian.campaigns.domain.Segment;
import com.zhidian.core.aws.ReadAhead;
import com.zhidian.core.tenancy.TenantDirectory;
import com.zhidian.core.testing.RawCalls;
import com.zhidian.core.testing.TestTables;
import com.zhidian.members.application.MemberService;
import com.zhidian.members.application.Members;
import com.zhidian.members.domain.Consent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * Issue 22's campaign figures, by hand (not a test of the build):
 * <pre>
 * ./mvnw -B -q -pl functions/campaigns -am test -Dskip.npm -Dtest=CampaignBench -Dcampaign.bench=100000 -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * N members joined through the members context's use case (each with a marketing_push grant), on the DynamoDB
 * stand-in over HTTP, in process. (1) The preview of an in-app campaign to everyone (the real composition: members
 * read through their use cases, consent as it is now), 3 times, the median. (2) The send, then every queued job
 * through the delivery use case (as the consumer bean runs it), 4 threads: deliveries a second. (3) Against the raw
 * calls that delivery made: every DynamoDB request captured on the way, replayed in the same order and threads on a
 * second stand-in that holds the same data (the setup's requests replayed first, untimed).
 */
class CampaignBench {
    static final int THREADS = 4;
    static final String TENANT = "tn_campaignbench";

    @Test
    @EnabledIfSystemProperty(named = "campaign.bench", matches = "\\d+")
    void previewSendAndDeliver() throws Exception {
        int n = Integer.getInteger("campaign.bench");
        DynamoDbClient real = TestTables.client();
        RawCalls raw = new RawCalls(real);
        List<List<RawCalls.Call>> delivery = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) delivery.add(new ArrayList<>());
        DynamoDbClient db = raw.client();
        // 10:00 in Shanghai: no quiet hours
        Clock clock = Clock.fixed(Instant.parse("2026-12-07T02:00:00Z"), ZoneOffset.UTC);
        TenantDirectory tenants = new TenantDirectory() {
            @Override public Standing standing(String tenantId) { return new Standing("active", "premium", "Asia/Shanghai"); }
            @Override public Standing standing(String tenantId, ReadAhead.Key ahead) { return standing(tenantId); }
            @Override public boolean hasStore(String tenantId, String storeId) { return true; }
        };
        // joined through the members' use case; their logins (Cognito) are not part of a campaign and are not made here
        var pointsRepo = new com.zhidian.members.store.DynamoPointsRepository(db);
        MemberService members = new MemberService(new com.zhidian.members.store.DynamoMemberRepository(db, new com.zhidian.core.tenancy.Usage(db, clock)),
                pointsRepo, Members.wire(db, tenants, clock).points(), new com.zhidian.members.domain.CustomerLogins() {
                    @Override public void create(String tenantId, String phone, String memberId) {}
                    @Override public void delete(String tenantId, String phone) {}
                }, clock);
        long t0 = System.nanoTime();
        parallel(n, (i, t) -> members.join(TENANT, new MemberService.NewMember(String.format("139%08d", i), "会员" + i, null, "st_bench",
                Map.of(Consent.Purpose.MARKETING_PUSH, true), Consent.Channel.POS, "staff")));
        double seedS = (System.nanoTime() - t0) / 1e9;

        List<DeliveryQueue.Job> jobs = Collections.synchronizedList(new ArrayList<>());
        Campaigns c = Campaigns.wire(db, tenants, clock, d -> jobs::addAll);
        Segment everyone = c.segments().create(TENANT, "everyone", Segment.ALL, List.<Rule>of());
        Campaign campaign = c.campaigns().create(TENANT, new CampaignService.Draft("周末特惠", "全场饮料第二件半价", Campaign.IN_APP,
                everyone.segmentId(), null, null, 0));
        long[] previews = new long[3];
        CampaignService.Preview p = null;
        for (int r = 0; r < 3; r++) {
            long s = System.nanoTime();
            p = c.campaigns().preview(TENANT, campaign.campaignId());
            previews[r] = System.nanoTime() - s;
        }
        Arrays.sort(previews);
        long s0 = System.nanoTime();
        c.campaigns().send(TENANT, campaign.campaignId());
        double sendS = (System.nanoTime() - s0) / 1e9;
        List<DeliveryQueue.Job> queued = List.copyOf(jobs);

        long d0 = System.nanoTime();
        parallel(queued.size(), (i, t) -> {
            raw.recordInto(delivery.get(t));
            c.deliveries().handle(queued.get(i));
        });
        long deliverNs = System.nanoTime() - d0;
        long calls = delivery.stream().mapToLong(List::size).sum();

        DynamoDbClient fresh = TestTables.fresh();
        for (RawCalls.Call x : List.copyOf(raw.outside())) replay(fresh, x);
        long r0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> done = new ArrayList<>();
        for (List<RawCalls.Call> list : delivery) done.add(pool.submit(() -> {
            for (RawCalls.Call x : list) replay(fresh, x);
            return null;
        }));
        for (Future<?> f : done) f.get();
        long rawNs = System.nanoTime() - r0;
        pool.shutdown();

        System.out.printf(Locale.ROOT, "campaign bench: %d members (joined in %.1f s), %d threads, %d cores, Java %s%n", n, seedS, THREADS,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        System.out.printf(Locale.ROOT, "  preview: matching %d, messageable %d: median %.0f ms (min %.0f, max %.0f)%n", p.matching(), p.messageable(),
                previews[1] / 1e6, previews[0] / 1e6, previews[2] / 1e6);
        System.out.printf(Locale.ROOT, "  send (one job per member queued): %.2f s%n", sendS);
        System.out.printf(Locale.ROOT, "  delivery of %d jobs: %.2f s = %.0f deliveries/s%n", queued.size(), deliverNs / 1e9, queued.size() / (deliverNs / 1e9));
        System.out.printf(Locale.ROOT, "  raw DynamoDB calls it made (%d, %.2f a delivery): %.2f s = %.0f deliveries/s; delivery / raw %.2f×%n", calls,
                calls / (double) queued.size(), rawNs / 1e9, queued.size() / (rawNs / 1e9), deliverNs / (double) rawNs);
    }

    interface Step {
        void run(int i, int thread) throws Exception;
    }

    static void parallel(int n, Step step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                for (int i = thread; i < n; i += THREADS) step.run(i, thread);
                return null;
            }));
        }
        for (Future<?> f : done) f.get();
        pool.shutdown();
    }

    static void replay(DynamoDbClient db, RawCalls.Call call) {
        try {
            call.replay(db);
        } catch (DynamoDbException e) {
            // a conditional write that failed the first time fails again: the same call, the same cost
        }
    }
}
