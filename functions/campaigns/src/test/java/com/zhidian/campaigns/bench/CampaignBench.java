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
 * Since the member summaries: {@code campaign.bench.deliver} (default 10,000) members are joined through the members'
 * use case, their summaries fed as the stream would; the rest of the N are summaries only (another home store), stamped
 * as the writers stamp them. On the DynamoDB stand-in over HTTP, in process, the real composition ({@code Campaigns.wire}).
 * (1) The preview of an in-app campaign to everyone through the instance's summary cache: cold (the whole partition),
 * warm (nothing changed, 5 times), and three times after 1,000 withdrawals; beside it the same preview over a whole
 * read (it must count the same) and the raw Queries: the partition whole and projected, the changes read.
 * (2) The send, then the delivery of the joined members in SQS-sized batches through {@code handleAll}, 4 threads, in
 * rounds of 1,000, each round's captured DynamoDB calls replayed at once on a second stand-in holding the same data
 * (the set-up's calls replayed first, untimed): wall time and CPU time of both; then a check that every job was
 * delivered once. {@code -Dcampaign.jfr=FILE} records the delivery rounds (and their replays) alone.
 */
class CampaignBench {
    static final int THREADS = 4;
    static final String TENANT = "tn_campaignbench";

    @Test
    @EnabledIfSystemProperty(named = "campaign.bench", matches = "\\d+")
    void previewSendAndDeliver() throws Exception {
        int n = Integer.getInteger("campaign.bench");
        int joined = Math.min(n, Integer.getInteger("campaign.bench.deliver", 10_000));
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
        // the summaries as the members' stream keeps them (no stream runs in this bench: the feed's use case is called
        // with what each member's items say, as MemberFeedHandler would)
        var summaryRepo = new com.zhidian.campaigns.store.DynamoSegmentRepository(db);
        var feed = new com.zhidian.campaigns.application.SummaryFeed(summaryRepo);
        parallel(joined, (i, t) -> {
            var j = members.join(TENANT, new MemberService.NewMember(String.format("139%08d", i), "会员" + i, null, "st_bench",
                    Map.of(Consent.Purpose.MARKETING_PUSH, true), Consent.Channel.POS, "staff"));
            var m = j.member();
            feed.member(TENANT, m.memberId(), true, m.storeId(), m.createdAt(), m.birthday(), true);
            feed.consent(TENANT, m.memberId(), "marketing_push", true, m.createdAt());
            feed.points(TENANT, m.memberId(), 0);
        });
        double seedS = (System.nanoTime() - t0) / 1e9;
        // the other members of the 100,000: their summaries only (another home store), written in batches, untimed
        long e0 = System.nanoTime();
        seedSummaries(db, n - joined);
        double extraS = (System.nanoTime() - e0) / 1e9;

        List<DeliveryQueue.Job> jobs = Collections.synchronizedList(new ArrayList<>());
        Campaigns c = Campaigns.wire(db, tenants, clock, d -> jobs::addAll);
        Segment everyone = c.segments().create(TENANT, "everyone", Segment.ALL, List.<Rule>of());
        Campaign campaign = c.campaigns().create(TENANT, new CampaignService.Draft("周末特惠", "全场饮料第二件半价", Campaign.IN_APP,
                everyone.segmentId(), null, null, 0));
        Segment joinedOnes = c.segments().create(TENANT, "本店", Segment.ALL,
                List.of(new Rule(Rule.HOME_STORE, null, null, null, List.of("st_bench"))));
        Campaign toSend = c.campaigns().create(TENANT, new CampaignService.Draft("周末特惠", "全场饮料第二件半价", Campaign.IN_APP,
                joinedOnes.segmentId(), null, null, 0));
        // (1) the preview through this instance's cache: the first (cold) reads the whole partition, the next ones only
        // what changed since; then 1,000 members withdraw and one more preview must see it
        System.gc();
        long heap0 = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        long c0 = System.nanoTime();
        CampaignService.Preview p = c.campaigns().preview(TENANT, campaign.campaignId());
        long coldNs = System.nanoTime() - c0;
        System.gc();
        long heapMb = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory() - heap0) >> 20;
        long[] warm = new long[5];
        for (int r = 0; r < warm.length; r++) {
            long s = System.nanoTime();
            CampaignService.Preview again = c.campaigns().preview(TENANT, campaign.campaignId());
            warm[r] = System.nanoTime() - s;
            if (!again.equals(p)) throw new AssertionError("a warm preview with nothing changed differs: " + again + " / " + p);
        }
        Arrays.sort(warm);
        // three times: 1,000 withdrawals as the members' stream reports them, then the preview (the changes read, then
        // the count), then the same changes read as a raw Query (its floor); medians
        List<String> withdrawn = new ArrayList<>();
        summaryRepo.forEach(TENANT, false, x -> {
            if (withdrawn.size() < 3_000 && x.member() != null && x.member().marketingPush()
                    && "st_other".equals(x.member().storeId())) withdrawn.add(x.memberId()); // not the ones the send delivers to
        });
        long[] afterChanges = new long[3], changesRaw = new long[3];
        long changed = 0;
        double withdrawS = 0;
        CampaignService.Preview afterWithdrawals = null;
        for (int r = 0; r < 3; r++) {
            List<String> now = withdrawn.subList(r * 1_000, (r + 1) * 1_000);
            long since = System.currentTimeMillis() - com.zhidian.campaigns.application.SummaryCache.OVERLAP_MS;
            long w0 = System.nanoTime();
            parallel(now.size(), (i, t) -> feed.consent(TENANT, now.get(i), "marketing_push", false, clock.instant()));
            withdrawS += (System.nanoTime() - w0) / 1e9;
            long a0 = System.nanoTime();
            afterWithdrawals = c.campaigns().preview(TENANT, campaign.campaignId());
            afterChanges[r] = System.nanoTime() - a0;
            long q0 = System.nanoTime();
            changed = rawChanges(db, since);
            changesRaw[r] = System.nanoTime() - q0;
        }
        Arrays.sort(afterChanges);
        Arrays.sort(changesRaw);
        long afterNs = afterChanges[1];
        // the same preview over a whole read (no cache): it must count the same
        CampaignService uncached = new CampaignService(new com.zhidian.campaigns.store.DynamoCampaignRepository(db),
                new com.zhidian.campaigns.application.SegmentService(summaryRepo, summaryRepo, tenants, clock), jobs::addAll, null, clock);
        long u0 = System.nanoTime();
        CampaignService.Preview wholePreview = uncached.preview(TENANT, campaign.campaignId());
        long uncachedNs = System.nanoTime() - u0;
        if (!wholePreview.equals(afterWithdrawals) || afterWithdrawals.messageable() != p.messageable() - 3_000) {
            throw new AssertionError("after " + withdrawn.size() + " withdrawals: cached " + afterWithdrawals + ", whole read " + wholePreview
                    + ", before " + p);
        }
        // the floors, side by side under the same load: the partition as raw paged Queries (one thread, nothing parsed
        // into summaries; whole items and projected, alternating which goes first) and the warm preview's raw read (the
        // changes Query of the last 5 s, empty when nothing changed)
        long[] whole = new long[4], projected = new long[4], changes = new long[3];
        long[] items = new long[3];
        for (int r = 0; r < 4; r++) {
            for (int k = 0; k < 2; k++) {
                boolean projectedNow = (r + k) % 2 == 1;
                long s = System.nanoTime();
                if (projectedNow) items[1] = rawRead(db, List.of("sk", "active", "storeId", "createdAt", "bmonth", "points", "push",
                        "pushAt", "personal", "hasPhone", "openid", "times"));
                else items[0] = rawRead(db, null);
                (projectedNow ? projected : whole)[r] = System.nanoTime() - s;
            }
        }
        for (int r = 0; r < 3; r++) {
            long s = System.nanoTime();
            items[2] = rawChanges(db, System.currentTimeMillis() - com.zhidian.campaigns.application.SummaryCache.OVERLAP_MS);
            changes[r] = System.nanoTime() - s;
        }
        Arrays.sort(whole);
        Arrays.sort(projected);
        Arrays.sort(changes);
        p = afterWithdrawals;
        long s0 = System.nanoTime();
        c.campaigns().send(TENANT, toSend.campaignId());
        double sendS = (System.nanoTime() - s0) / 1e9;
        List<DeliveryQueue.Job> queued = List.copyOf(jobs);

        // (2) the delivery side by side with its raw calls: rounds of 1,000 jobs, as the consumer takes them (SQS batches of
        // 10, each decided and written at once by handleAll, 4 threads), each round's captured calls replayed at once on
        // a second stand-in that holds the same data, so both sides see the same minutes of a shared machine; wall time,
        // the calling threads' CPU time and the process's (the stand-in and the GC included)
        DynamoDbClient fresh = TestTables.fresh();
        for (RawCalls.Call x : List.copyOf(raw.outside())) replay(fresh, x);
        // -Dcampaign.jfr=FILE: a JFR recording (settings "profile") of these rounds alone, not of the seeding (deeper
        // stacks than the SDK's frames fill: -DargLine=-XX:FlightRecorderOptions=stackdepth=256)
        String jfr = System.getProperty("campaign.jfr");
        jdk.jfr.Recording recording = null;
        if (jfr != null) {
            recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
            recording.start();
        }
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long deliverNs = 0, rawNs = 0, calls = 0;
        long[] deliverCpu = {0}, rawCpu = {0};
        long deliverProcessCpu = 0, rawProcessCpu = 0;
        int round = 1_000;
        for (int from = 0; from < queued.size(); from += round) {
            List<DeliveryQueue.Job> part = queued.subList(from, Math.min(queued.size(), from + round));
            for (List<RawCalls.Call> l : delivery) l.clear();
            int batches = (part.size() + 9) / 10;
            long p0 = os.getProcessCpuTime(), d0 = System.nanoTime();
            parallel(batches, (i, t) -> {
                raw.recordInto(delivery.get(t));
                long cpu0 = mx.getCurrentThreadCpuTime();
                c.deliveries().handleAll(part.subList(i * 10, Math.min(part.size(), i * 10 + 10)));
                synchronized (deliverCpu) { deliverCpu[0] += mx.getCurrentThreadCpuTime() - cpu0; }
                raw.recordInto(null);
            });
            deliverNs += System.nanoTime() - d0;
            deliverProcessCpu += os.getProcessCpuTime() - p0;
            calls += delivery.stream().mapToLong(List::size).sum();
            p0 = os.getProcessCpuTime();
            long r0 = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> done = new ArrayList<>();
            for (List<RawCalls.Call> list : delivery) done.add(pool.submit(() -> {
                long cpu0 = mx.getCurrentThreadCpuTime();
                for (RawCalls.Call x : list) replay(fresh, x);
                synchronized (rawCpu) { rawCpu[0] += mx.getCurrentThreadCpuTime() - cpu0; }
                return null;
            }));
            for (Future<?> f : done) f.get();
            rawNs += System.nanoTime() - r0;
            rawProcessCpu += os.getProcessCpuTime() - p0;
            pool.shutdown();
        }
        // every job of the send decided once: one delivery each (the bench's members all hold a grant, no quiet hours)
        Map<String, Long> counts = c.campaigns().counts(TENANT, toSend.campaignId());
        if (counts.getOrDefault("delivered", 0L) != queued.size() || counts.values().stream().mapToLong(Long::longValue).sum() != queued.size()) {
            throw new AssertionError("deliveries of " + queued.size() + " jobs: " + counts);
        }
        if (recording != null) {
            recording.stop();
            recording.dump(java.nio.file.Path.of(jfr));
            recording.close();
        }

        System.out.printf(Locale.ROOT, "campaign bench: %d member summaries (%d members joined in %.1f s, %d summaries written in %.1f s), %d threads, %d cores, Java %s%n",
                n, joined, seedS, n - joined, extraS, THREADS, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        System.out.printf(Locale.ROOT, "  preview, cold (the whole partition read into this instance's cache, about %d MB of heap): %.0f ms%n",
                heapMb, coldNs / 1e6);
        System.out.printf(Locale.ROOT, "  preview, warm (nothing changed; median of %d): %.1f ms (min %.1f, max %.1f)%n", warm.length,
                warm[warm.length / 2] / 1e6, warm[0] / 1e6, warm[warm.length - 1] / 1e6);
        System.out.printf(Locale.ROOT, "  preview after 1,000 withdrawals (median of 3; each 1,000 written in %.1f s on average): %.1f ms (min %.1f, max %.1f); its raw changes Query (%d items): %.1f ms; matching %d, messageable %d after 3,000 (the whole read's preview: the same, in %.0f ms)%n",
                withdrawS / 3, afterNs / 1e6, afterChanges[0] / 1e6, afterChanges[2] / 1e6, changed, changesRaw[1] / 1e6, p.matching(), p.messageable(),
                uncachedNs / 1e6);
        System.out.printf(Locale.ROOT, "  raw Queries, one thread (median of 4 / of 3): the partition whole %d in %.0f ms, projected %d in %.0f ms; the changes of the last 5 s, %d items, in %.1f ms%n",
                items[0], (whole[1] + whole[2]) / 2e6, items[1], (projected[1] + projected[2]) / 2e6, items[2], changes[1] / 1e6);
        System.out.printf(Locale.ROOT, "  send (one job per member queued): %.2f s%n", sendS);
        System.out.printf(Locale.ROOT, "  delivery of %d jobs (rounds of %d): %.2f s = %.0f deliveries/s%n", queued.size(), round,
                deliverNs / 1e9, queued.size() / (deliverNs / 1e9));
        System.out.printf(Locale.ROOT, "  raw DynamoDB calls it made (%d, %.2f a delivery), each round replayed after it: %.2f s = %.0f deliveries/s%n",
                calls, calls / (double) queued.size(), rawNs / 1e9, queued.size() / (rawNs / 1e9));
        System.out.printf(Locale.ROOT, "  delivery / raw: %.2f× wall time; CPU a delivery: calling threads %.3f / %.3f ms (%.2f×), process %.3f / %.3f ms (%.2f×)%n",
                deliverNs / (double) rawNs, deliverCpu[0] / 1e6 / queued.size(), rawCpu[0] / 1e6 / queued.size(),
                deliverCpu[0] / (double) rawCpu[0], deliverProcessCpu / 1e6 / queued.size(), rawProcessCpu / 1e6 / queued.size(),
                deliverProcessCpu / (double) rawProcessCpu);
    }

    /** Pages through the tenant's summary partition as the SDK returns it; how many items it read. */
    static long rawRead(DynamoDbClient db, List<String> projection) {
        String pk = com.zhidian.campaigns.store.Keys.profiles(TENANT);
        long count = 0;
        Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> start = null;
        do {
            var from = start;
            var r = db.query(b -> {
                b.tableName(com.zhidian.core.Env.tableName()).keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", av(pk))).exclusiveStartKey(from);
                if (projection != null) b.projectionExpression("#" + String.join(", #", projection)).expressionAttributeNames(
                        projection.stream().collect(java.util.stream.Collectors.toMap(a -> "#" + a, a -> a)));
            });
            count += r.items().size();
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        return count;
    }

    /** The tenant's summaries stamped as changed at or after {@code since} (gsi1), as raw paged Queries; how many. */
    static long rawChanges(DynamoDbClient db, long since) {
        long count = 0;
        Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> start = null;
        do {
            var from = start;
            var r = db.query(b -> b.tableName(com.zhidian.core.Env.tableName()).indexName("gsi1")
                    .keyConditionExpression("gsi1pk = :p AND gsi1sk >= :from")
                    .expressionAttributeValues(Map.of(":p", av(com.zhidian.campaigns.store.Keys.summaryChanges(TENANT)),
                            ":from", av(com.zhidian.campaigns.store.Keys.changesFrom(since)))).exclusiveStartKey(from));
            count += r.items().size();
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        return count;
    }

    /** Summaries of members known only to campaigns here (home store st_other, half with a grant), 25 to a BatchWriteItem. */
    static void seedSummaries(DynamoDbClient db, int count) throws Exception {
        String pk = com.zhidian.campaigns.store.Keys.profiles(TENANT);
        int chunks = (count + 24) / 25;
        parallel(chunks, (c, t) -> {
            List<software.amazon.awssdk.services.dynamodb.model.WriteRequest> puts = new ArrayList<>();
            for (int i = c * 25; i < Math.min(count, c * 25 + 25); i++) {
                Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item = new java.util.HashMap<>();
                item.put("pk", av(pk));
                String id = com.zhidian.core.Ids.next("mb");
                item.put("sk", av(id));
                // stamped as the writers stamp a summary they change
                item.put("gsi1pk", av(com.zhidian.campaigns.store.Keys.summaryChanges(TENANT)));
                item.put("gsi1sk", av(com.zhidian.campaigns.store.Keys.changeSk(System.currentTimeMillis(), id)));
                item.put("active", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromBool(true));
                item.put("hasPhone", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromBool(true));
                item.put("storeId", av("st_other"));
                item.put("createdAt", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN("1764547200000"));
                item.put("points", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN(Integer.toString(i % 5000)));
                item.put("push", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromBool(i % 2 == 0));
                item.put("pushAt", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN("1764547200000"));
                puts.add(software.amazon.awssdk.services.dynamodb.model.WriteRequest.builder().putRequest(r -> r.item(item)).build());
            }
            var left = Map.of(com.zhidian.core.Env.tableName(), puts);
            while (!left.isEmpty()) {
                var ask = left;
                var r = db.batchWriteItem(b -> b.requestItems(ask));
                left = r.hasUnprocessedItems() ? r.unprocessedItems() : Map.of();
            }
        });
    }

    static software.amazon.awssdk.services.dynamodb.model.AttributeValue av(String v) {
        return software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(v);
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
