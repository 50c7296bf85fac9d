package com.zhidian.apitests.bench;

import static com.zhidian.apitests.support.Api.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.catalog.Catalog;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import com.zhidian.core.Env;
import com.zhidian.core.aws.AwsClients;
import com.zhidian.core.tenancy.TenantDirectory;
import com.zhidian.local.stripe.StripeLocal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Issue 19's speed figures, by hand (not a test of the build):
 * <pre>
 * ./mvnw -B -q -pl functions/api-tests -am test -Dskip.npm -Dtest=OrdersBench -Dorders.bench=5 -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * ({@code orders.bench} = seconds per measured window; {@code -Dorders.stores=4} spreads the 16 clients over 4 stores;
 * {@code -Dorders.jfr=/tmp/orders.jfr} records one more route window and one more walled floor window ({@code -floor.jfr}),
 * not counted, under JFR's profile settings, {@code -Dorders.jfrSeconds} long: their samples, not their rate, unless JFR
 * ran from the JVM's start, since starting JFR makes the JIT compile again; {@code -Dorders.perThread=true} says each
 * window's CPU per op by thread group, exactly, where JFR only samples; {@code -Dzhidian.local.maxConcurrent=16} sets
 * the gateway's admission). Each window ends when the JVM is idle again (see {@link #settle}) and says the JVM's CPU per op. Against the in-process Zhidian Local (gateway, JWT authorizer,
 * OrdersFunction, DynamoDB and Stripe stand-ins), as {@link EslBench} and {@link PointsBench}:
 * <ol>
 * <li>{@code POST /orders} (staff, Idempotency-Key) with 5 lines, a member, a coupon of that member (a fresh one every
 * order) and 100 points, 16 clients in a closed loop, one store; next to it, alternating in 3 windows each (so both
 * meet the same moments of the shared machine), its <b>floor</b> with the same 16 clients: the raw DynamoDB calls it
 * must make, with the AWS SDK against the same stand-in: the tenant's standing (GetItem), every item read by key in one
 * consistent BatchGetItem (the store, the 5 products, the coupon, the points account, the store's day counter), a
 * Query of each product's price versions, and one TransactWriteItems of the 25 items a perfect order's transaction
 * writes (order, day counter, member pointer, 5 × stock level + hold + movement, coupon + its template's counters +
 * its hold, points account + ledger entry, the Idempotency-Key's stored answer and the audit entry), written under the
 * bench's own keys, each client its own: the floor does not contend. (Until 2026-12-04 the floor read only the
 * products and wrote 23 items: no store, coupon, account or counter read, no template counter, answer or audit.) The route's 16 clients do, as 16 tills of one store would: every order takes the store's next number
 * without gaps (one counter item) and holds the same 5 products' stock levels (bench/journal/orders.md). A second floor, <b>through the wall</b>, makes the same calls
 * as the route does in AWS: with the functions' client in a request scope of the tenant, so each call is signed with
 * the tenant's session of the tenant data role and passes IAM's {@code dynamodb:LeadingKeys} (Zhidian Local's tenant
 * data wall); its items lead with the tenant's prefix, as they must behind the wall.</li>
 * <li>Issue 17's reservation (no route: orders call it in process): {@code StockService.reserve} of 5 lines through the
 * catalog's service over the same stand-in, 16 threads, against its floor: GetItem store, BatchGetItem of the 5
 * products, TransactWriteItems of 15 (5 × level + hold + movement) under the bench's keys; alternating as above.</li>
 * <li>Webhook to {@code paid}: orders placed the same way with a card payment started (a pending PaymentIntent in the
 * Stripe stand-in); then a signed {@code payment_intent.succeeded} per order posted to {@code /webhooks/stripe} by 16
 * clients. The function answers 200 after the order, its stock, coupon and the event id are written together (and
 * the points are earned), so the POST's time is the webhook-to-paid time; every order is read back as paid.</li>
 * </ol>
 */
class OrdersBench {
    /** -Dorders.clients=1: one till alone measures an order's latency against its calls' without the 2 cores shared. */
    private static final int CLIENTS = Integer.getInteger("orders.clients", 16);
    /**
     * -Dorders.holdStreams=true: the stream reader is held while a window runs and let go after it, so the stream
     * functions an order's writes reach (rollups, member summaries: other Lambdas in AWS) run in the tail, not beside
     * the route; the window's CPU is then the route's own, the tail's the consumers'.
     */
    static final boolean HOLD_STREAMS = Boolean.getBoolean("orders.holdStreams");
    /** Only the route's and the floor's timed windows hold it; the reservation and webhook figures run as before. */
    private static volatile boolean holdNow;
    private static final int MEMBERS = 64;
    private static final long[] PRICES = {350, 500, 1200, 800, 650};

    @org.junit.jupiter.api.Test
    @org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "orders.bench", matches = "\\d+")
    void ordersAgainstTheirFloor_andWebhookToPaid() throws Exception {
        run(Integer.getInteger("orders.bench"));
    }

    /** The tenant; its stores and a cashier of each (client c tills in store c mod stores); the first for the other figures. */
    record World(Fixtures.TenantFixture t, List<String> stores, List<String> gtins, List<String> members,
                 List<ConcurrentLinkedQueue<String[]>> pools, List<Api> cashiers) {
        String store() { return stores.get(0); }

        Api cashier() { return cashiers.get(0); }
    }

    static void run(int seconds) throws Exception {
        System.setProperty("LOG_LEVEL", "OFF");
        com.zhidian.apitests.support.Local.gatewayUrl();  // starts Zhidian Local, which points the AWS SDK at its stand-ins
        long t0 = System.nanoTime();
        World w = setUp(3, Integer.getInteger("orders.stores", 1));
        System.out.printf(Locale.ROOT, "machine: %d cores, Java %s, load %s; gateway admission %s; set-up %d ms (%d coupons)%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), load(),
                System.getProperty("zhidian.local.maxConcurrent", "default"),
                ms(t0), w.pools().stream().mapToInt(ConcurrentLinkedQueue::size).sum());
        DynamoDbClient db = AwsClients.dynamo();
        Floor[] floors = new Floor[CLIENTS];
        for (int c = 0; c < CLIENTS; c++) floors[c] = new Floor(db, w, c, false);
        // the second floor: the same calls signed as the route's are, with the tenant's session of the tenant data
        // role (the functions' own client, TenantScopedDynamo) and so through the stand-in's tenant data wall
        if (!java.lang.reflect.Proxy.isProxyClass(db.getClass())) throw new IllegalStateException("the functions' client is not tenant-scoped here");
        Floor[] walled = new Floor[CLIENTS];
        for (int c = 0; c < CLIENTS; c++) walled[c] = new Floor(db, w, c, true);

        // warm-up (not measured): the JIT compiles the order path and the SDK path
        // -Dorders.warmup: the route's warm-up in seconds (at load 15-30 its code was still being compiled after 10 s)
        window("warm-up route", CLIENTS, Integer.getInteger("orders.warmup", 10), c -> order(w, c));
        window("warm-up floor", CLIENTS, 5, c -> floors[c].once());
        window("warm-up floor through the wall", CLIENTS, 5, c -> walled[c].once());
        List<Result> route = new ArrayList<>();
        List<Result> floor = new ArrayList<>();
        List<Result> wall = new ArrayList<>();
        holdNow = HOLD_STREAMS;
        for (int slice = 0; slice < 3; slice++) {
            route.add(window("POST /orders", CLIENTS, seconds, c -> order(w, c)));
            floor.add(window("floor", CLIENTS, seconds, c -> floors[c].once()));
            wall.add(window("floor, tenant session through the wall", CLIENTS, seconds, c -> walled[c].once()));
        }
        holdNow = false;
        Result r = Result.merge(route);
        Result f = Result.merge(floor);
        Result fw = Result.merge(wall);
        System.out.printf(Locale.ROOT, "%nPOST /orders, %d clients in %d store(s): %s%nfloor (GetItem standing + BatchGetItem store, 5 products, coupon,"
                + " account, counter + 5 Query price versions + TransactWriteItems 25): %s%nratio: p50 %.2f×, p99 %.2f×, throughput floor ÷ route %.2f×, CPU per order route ÷ floor %.2f× (in the windows %.2f×)%s%n",
                CLIENTS, w.stores().size(), r, f, r.p(0.5) / f.p(0.5), r.p(0.99) / f.p(0.99), f.perSecond() / r.perSecond(), r.cpuMsPerOp() / f.cpuMsPerOp(),
                r.windowCpuMsPerOp() / f.windowCpuMsPerOp(), HOLD_STREAMS ? "; stream reader held in the windows" : "");
        System.out.printf(Locale.ROOT, "floor signed with the tenant's session, through the tenant data wall: %s%nratio to it: p50 %.2f×,"
                + " p99 %.2f×, throughput floor ÷ route %.2f×, CPU per order route ÷ floor %.2f× (in the windows %.2f×)%n",
                fw, r.p(0.5) / fw.p(0.5), r.p(0.99) / fw.p(0.99), fw.perSecond() / r.perSecond(), r.cpuMsPerOp() / fw.cpuMsPerOp(),
                r.windowCpuMsPerOp() / fw.windowCpuMsPerOp());

        String jfr = System.getProperty("orders.jfr");
        if (jfr != null) {
            // one more route window and one more walled floor window (not counted), each under JFR's profile settings
            int jfrSeconds = Integer.getInteger("orders.jfrSeconds", seconds);
            record("POST /orders under JFR", jfrSeconds, c -> order(w, c), jfr);
            record("walled floor under JFR", jfrSeconds, c -> walled[c].once(), jfr.replace(".jfr", "-floor.jfr"));
        }
        reservations(w, db, seconds);
        webhooks(w, Math.max(400, (int) Math.min(2000, r.perSecond() * seconds)), CLIENTS);
        webhooks(w, 200, 1);
        System.out.printf(Locale.ROOT, "load after: %s%n", load());
    }

    /**
     * One window under JFR's profile settings, dumped to {@code file}. Starting JFR in a JVM that has not run it makes
     * the JIT compile again: start the JVM with {@code -XX:StartFlightRecording} (see the journal) to read a rate too.
     */
    static void record(String name, int seconds, Op op, String file) throws Exception {
        try (jdk.jfr.Recording rec = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"))) {
            rec.start();
            holdNow = HOLD_STREAMS;
            window(name, CLIENTS, seconds, op);
            holdNow = false;
            rec.stop();
            rec.dump(java.nio.file.Path.of(file));
        }
        System.out.printf(Locale.ROOT, "JFR of that window: %s%n", file);
    }

    // ---- set-up, through the public API ----

    static World setUp(int templates, int storeCount) {
        Fixtures.TenantFixture t = Fixtures.newTenant("premium", storeCount);
        String store = t.storeIds().get(0);
        Api owner = t.owner();
        String category = Catalog.category(owner, "饮料");
        List<String> gtins = new ArrayList<>();
        for (int i = 0; i < PRICES.length; i++) {
            String g = Catalog.product(owner, category, "压测商品 " + i);
            expect(owner.put("/prices/" + g, map("price", PRICES[i])), 200);
            for (String st : t.storeIds()) {
                expect(owner.post("/stores/" + st + "/stock/" + g + "/receipts", map("quantity", 1_000_000, "cost", 100, "reference", "BENCH"),
                        UUID.randomUUID().toString()), 201);
            }
            gtins.add(g);
        }
        // seeds far above the default adjustment limit: the bench tenant lifts it (as an owner may)
        expect(owner.put("/points/settings", map("pointsPerYuan", 1, "returnWindowDays", 7, "expiry", "end_of_following_year",
                "adjustLimit", 1_000_000_000, "adjustConfirmAbove", 1_000_000_000)), 200);
        List<String> members = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            String m = expect(owner.post("/members", map("phone", Fixtures.uniquePhone(), "name", "压测", "storeId", store)), 201)
                    .get("memberId").asText();
            expect(owner.post("/members/" + m + "/points/adjust", map("delta", 1_000_000, "reason", "bench seed"),
                    UUID.randomUUID().toString()), 200);
            members.add(m);
        }
        // each client owns MEMBERS / CLIENTS members and the coupons issued to them (100 per member and template)
        List<ConcurrentLinkedQueue<String[]>> pools = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) pools.add(new ConcurrentLinkedQueue<>());
        for (int k = 0; k < templates; k++) {
            String template = expect(owner.post("/coupon-templates", map("name", "压测减1元", "kind", "amount_off", "value", 100,
                    "minSpend", 0, "validDays", 30, "totalStock", MEMBERS * 100, "perMemberLimit", 100)), 201).get("templateId").asText();
            for (int round = 0; round < 100; round++) {
                JsonNode issued = expect(owner.post("/coupon-templates/" + template + "/issue", map("memberIds", members)), 200);
                for (JsonNode x : issued.get("results")) {
                    String m = x.get("memberId").asText();
                    pools.get(members.indexOf(m) % CLIENTS).add(new String[] {m, x.get("code").asText()});
                }
            }
        }
        List<Api> cashiers = new ArrayList<>();
        for (String st : t.storeIds()) cashiers.add(t.staff(st));
        return new World(t, t.storeIds(), gtins, members, pools, cashiers);
    }

    /** One order of 5 lines with the client's next member, that member's coupon and 100 points. */
    static boolean order(World w, int client) {
        String[] mc = w.pools().get(client).poll();
        if (mc == null) throw new IllegalStateException("the coupon pool ran dry: raise the templates");
        List<Object> lines = new ArrayList<>();
        for (String g : w.gtins()) lines.add(map("gtin", g, "qty", 1));
        int at = client % w.stores().size();
        Api.Res r = w.cashiers().get(at).post("/orders", map("storeId", w.stores().get(at), "channel", "pos", "fulfilment", "in_store",
                "memberId", mc[0], "couponCode", mc[1], "pointsToUse", 100, "lines", lines), UUID.randomUUID().toString());
        return r.status() == 201;
    }

    // ---- the floor: the raw calls, with the SDK, against the same stand-in ----

    static final class Floor {
        private final DynamoDbClient db;
        private final World w;
        private final String pk;
        private final String table = Env.tableName();
        private final String pad;
        private long n;
        private long accountVersion;

        /** True: each op runs in a request scope of the tenant, so the functions' client signs it with the tenant's session. */
        private final boolean walled;

        Floor(DynamoDbClient db, World w, int client, boolean walled) {
            this.db = db;
            this.w = w;
            this.walled = walled;
            // behind the wall the floor's own items must lead with the tenant's prefix, as the route's do
            this.pk = (walled ? "T#" + w.t().tenantId() + "#" : "") + "BENCH#orders#" + UUID.randomUUID() + "#" + client;
            // an order's JSON document is about this long with 5 lines, 1 payment-less timeline step and a coupon
            this.pad = "x".repeat(1800);
            this.answerPad = "x".repeat(2000);
            this.client = client;
        }

        private final String answerPad;
        private final int client;

        boolean once() {
            if (!walled) return calls();
            com.zhidian.core.scope.RequestScope scope = com.zhidian.core.scope.RequestScope.enter(w.t().tenantId());
            try {
                return calls();
            } finally {
                scope.exit();
            }
        }

        private boolean calls() {
            String tenant = w.t().tenantId();
            db.getItem(b -> b.tableName(table).key(key(TenantDirectory.pk(tenant), TenantDirectory.SK)));
            // every item the order reads by key, in one consistent BatchGetItem: the store, the 5 products, the coupon,
            // the member's points account and the store's day counter (the floor's own)
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            keys.add(key(TenantDirectory.storesPk(tenant), w.store()));
            for (String g : w.gtins()) keys.add(key(com.zhidian.catalog.store.Keys.products(tenant), g));
            String[] mc = w.pools().get(client).peek();
            String member = mc == null ? w.members().get(0) : mc[0];
            keys.add(key(com.zhidian.coupons.store.Keys.coupon(tenant, mc == null ? "NONE" : mc[1].replace("-", "")),
                    com.zhidian.coupons.store.Keys.COUPON_SK));
            keys.add(com.zhidian.members.store.Keys.pointsAccount(tenant, member).attributes());
            keys.add(key(pk + "#N", "day"));
            db.batchGetItem(b -> b.requestItems(Map.of(table, KeysAndAttributes.builder().consistentRead(true).keys(keys).build())));
            for (String g : w.gtins()) {
                db.query(b -> b.tableName(table).keyConditionExpression("pk = :pk AND sk BETWEEN :a AND :b")
                        .expressionAttributeValues(Map.of(":pk", s(com.zhidian.catalog.store.Keys.prices(tenant)), ":a", s(g + "#"),
                                ":b", s(g + "#~"))));
            }
            long id = ++n;
            List<TransactWriteItem> items = new ArrayList<>();
            items.add(put(item(pk + "#O", "o" + id, "doc", s(pad)), "attribute_not_exists(pk)"));
            items.add(put(item(pk + "#N", "day", "n", num(id)), null));
            items.add(put(item(pk + "#M", "o" + id, "orderId", s("o" + id)), null));
            for (String g : w.gtins()) {
                items.add(TransactWriteItem.builder().update(u -> u.tableName(table).key(key(pk + "#L", g))
                        .updateExpression("ADD reserved :q, v :one").conditionExpression("attribute_not_exists(onHand) OR onHand >= :q")
                        .expressionAttributeValues(Map.of(":q", num(1), ":one", num(1)))).build());
                items.add(put(item(pk + "#H", "o" + id + "#" + g, "qty", num(1)), "attribute_not_exists(pk)"));
                items.add(put(item(pk + "#MV", "o" + id + "#" + g, "kind", s("reserve")), "attribute_not_exists(pk)"));
            }
            items.add(put(item(pk + "#C", "c" + id, "state", s("reserved")), "attribute_not_exists(pk)"));
            items.add(TransactWriteItem.builder().update(u -> u.tableName(table).key(key(pk + "#CT", "template"))
                    .updateExpression("ADD reserved :one, available :minus").expressionAttributeValues(Map.of(":one", num(1), ":minus", num(-1)))).build());
            items.add(TransactWriteItem.builder().update(u -> u.tableName(table).key(key(pk + "#CH", "holds"))
                    .updateExpression("ADD held :one").expressionAttributeValues(Map.of(":one", num(1)))).build());
            long v = accountVersion;
            Map<String, AttributeValue> account = item(pk + "#A", "account", "version", num(v + 1));
            items.add(v == 0 ? put(account, "attribute_not_exists(pk)") : TransactWriteItem.builder().put(p -> p.tableName(table)
                    .item(account).conditionExpression("version = :v").expressionAttributeValues(Map.of(":v", num(v)))).build());
            accountVersion = v + 1;
            items.add(put(item(pk + "#A", "L#" + (v + 1), "delta", num(-100)), "attribute_not_exists(pk)"));
            // the Idempotency-Key's stored answer (it is the key's claim too) and the audit entry, in the same transaction
            Map<String, AttributeValue> answer = item(pk + "#K", "k" + id, "state", s("COMPLETED"));
            answer.put("body", s(answerPad));
            items.add(put(answer, "attribute_not_exists(pk)"));
            items.add(put(item(pk + "#AU", "a" + id, "route", s("POST /orders")), null));
            db.transactWriteItems(b -> b.transactItems(items));
            return true;
        }

        private TransactWriteItem put(Map<String, AttributeValue> item, String condition) {
            return TransactWriteItem.builder().put(p -> {
                p.tableName(table).item(item);
                if (condition != null) p.conditionExpression(condition);
            }).build();
        }
    }

    // ---- issue 17: a reservation through the catalog's service, against its floor ----

    static void reservations(World w, DynamoDbClient db, int seconds) throws Exception {
        com.zhidian.catalog.application.StockService stock = com.zhidian.catalog.application.CatalogServices.dynamo(db,
                java.time.Clock.systemUTC()).stock();
        com.zhidian.core.auth.Caller owner = new com.zhidian.core.auth.Caller("bench", "bench@zhidian.local", com.zhidian.core.auth.Role.OWNER,
                w.t().tenantId(), java.util.Set.of(), null);
        Map<String, Long> lines = new java.util.LinkedHashMap<>();
        for (String g : w.gtins()) lines.put(g, 1L);
        String table = Env.tableName();
        String tenant = w.t().tenantId();
        AtomicInteger seq = new AtomicInteger();
        String run = UUID.randomUUID().toString();
        Op route = c -> {
            stock.reserve(owner, w.store(), "bench-" + run + "-" + seq.incrementAndGet(), lines);
            return true;
        };
        Op floor = c -> {
            String id = "r" + seq.incrementAndGet();
            String pk = "BENCH#reserve#" + run + "#" + c;
            db.getItem(b -> b.tableName(table).key(key(com.zhidian.catalog.store.Keys.stores(tenant), w.store())).projectionExpression("pk"));
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            for (String g : w.gtins()) keys.add(key(com.zhidian.catalog.store.Keys.products(tenant), g));
            db.batchGetItem(b -> b.requestItems(Map.of(table, KeysAndAttributes.builder().keys(keys).build())));
            List<TransactWriteItem> items = new ArrayList<>();
            for (String g : w.gtins()) {
                items.add(TransactWriteItem.builder().update(u -> u.tableName(table).key(key(pk + "#L", g))
                        .updateExpression("SET updatedAt = :at ADD reserved :q, v :one")
                        .conditionExpression("attribute_not_exists(available) OR available >= :q")
                        .expressionAttributeValues(Map.of(":q", num(1), ":one", num(1), ":at", s(java.time.Instant.now().toString())))).build());
                Map<String, AttributeValue> hold = item(pk + "#H", id + "#" + g, "quantity", num(1));
                items.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(hold).conditionExpression("attribute_not_exists(pk)")).build());
                Map<String, AttributeValue> mv = item(pk + "#MV", id + "#" + g, "kind", s("reserve"));
                mv.put("orderId", s(id));
                mv.put("by", s("bench"));
                items.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(mv)).build());
            }
            db.transactWriteItems(b -> b.transactItems(items));
            return true;
        };
        window("warm-up reservation", CLIENTS, 5, route);
        window("warm-up its floor", CLIENTS, 3, floor);
        List<Result> rs = new ArrayList<>();
        List<Result> fs = new ArrayList<>();
        for (int slice = 0; slice < 3; slice++) {
            rs.add(window("StockService.reserve (5 lines)", CLIENTS, seconds, route));
            fs.add(window("floor", CLIENTS, seconds, floor));
        }
        Result r = Result.merge(rs);
        Result f = Result.merge(fs);
        System.out.printf(Locale.ROOT, "%nreservation of 5 lines through StockService, " + CLIENTS + " threads: %s%nfloor (GetItem store + BatchGetItem 5"
                + " products + TransactWriteItems 15): %s%nratio: p50 %.2f×, p99 %.2f×, throughput floor ÷ route %.2f×%n%n",
                r, f, r.p(0.5) / f.p(0.5), r.p(0.99) / f.p(0.99), f.perSecond() / r.perSecond());
    }

    // ---- webhook to paid ----

    static void webhooks(World w, int count, int clients) throws Exception {
        // orders with a pending card payment, made by the 16 clients (not measured)
        ConcurrentLinkedQueue<String[]> ready = new ConcurrentLinkedQueue<>();
        AtomicInteger left = new AtomicInteger(count);
        window("orders with a card payment started", CLIENTS, 3600, c -> {
            if (left.getAndDecrement() <= 0) return false;
            String[] mc = w.pools().get(c).poll();
            List<Object> lines = new ArrayList<>();
            for (String g : w.gtins()) lines.add(map("gtin", g, "qty", 1));
            JsonNode o = expect(w.cashier().post("/orders", map("storeId", w.store(), "channel", "pos", "fulfilment", "in_store",
                    "memberId", mc[0], "couponCode", mc[1], "pointsToUse", 100, "lines", lines), UUID.randomUUID().toString()), 201);
            String id = o.get("orderId").asText();
            JsonNode p = expect(w.cashier().post("/orders/" + id + "/payments", map("method", "card"), UUID.randomUUID().toString()), 200);
            ready.add(new String[] {id, p.at("/payments/0/providerRef").asText(), o.get("total").asText()});
            return true;
        }, () -> left.get() <= 0);
        List<String[]> orders = new ArrayList<>(ready);
        ConcurrentLinkedQueue<String[]> todo = new ConcurrentLinkedQueue<>(orders);
        Api anon = Fixtures.anonymous();
        Result r = window("webhook → paid", clients, 3600, c -> {
            String[] o = todo.poll();
            if (o == null) return false;
            String payload = "{\"id\":\"evt_bench_" + o[0] + "\",\"object\":\"event\",\"type\":\"payment_intent.succeeded\",\"created\":"
                    + System.currentTimeMillis() / 1000 + ",\"data\":{\"object\":{\"id\":\"" + o[1] + "\",\"object\":\"payment_intent\","
                    + "\"amount\":" + o[2] + ",\"amount_received\":" + o[2] + ",\"currency\":\"cny\",\"status\":\"succeeded\","
                    + "\"metadata\":{\"tenantId\":\"" + w.t().tenantId() + "\",\"orderId\":\"" + o[0] + "\"}}}}";
            Api.Res res = anon.with("Stripe-Signature", sign(payload)).post("/webhooks/stripe", payload);
            return res.status() == 200;
        }, todo::isEmpty);
        int paid = 0;
        for (String[] o : orders) if ("paid".equals(w.t().owner().get("/orders/" + o[0]).json().get("status").asText())) paid++;
        System.out.printf(Locale.ROOT, "webhook → paid, %d clients, %d orders: %s; %d of %d read back as paid%n", clients, orders.size(), r, paid,
                orders.size());
    }

    static String sign(String payload) {
        try {
            long t = System.currentTimeMillis() / 1000;
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(StripeLocal.DEFAULT_WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac.doFinal((t + "." + payload).getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- the load ----

    interface Op {
        boolean run(int client) throws Exception;
    }

    static Result window(String name, int clients, int seconds, Op op) throws Exception {
        return window(name, clients, seconds, op, () -> false);
    }

    /** A closed loop of {@code clients} for {@code seconds} (or until {@code done}); latencies in µs of every call. */
    static Result window(String name, int clients, int seconds, Op op, java.util.function.BooleanSupplier done) throws Exception {
        long[][] lat = new long[clients][1 << 18];
        int[] counts = new int[clients];
        int[] errors = new int[clients];
        CountDownLatch go = new CountDownLatch(1);
        long[] end = new long[1];
        List<Thread> threads = new ArrayList<>();
        java.util.concurrent.atomic.LongAdder clientCpu = new java.util.concurrent.atomic.LongAdder();
        java.util.concurrent.atomic.LongAdder clientAlloc = new java.util.concurrent.atomic.LongAdder();
        for (int c = 0; c < clients; c++) {
            int me = c;
            Thread th = new Thread(() -> {
                try {
                    go.await();
                    long own0 = THREADS.getCurrentThreadCpuTime();
                    long bytes0 = ALLOC.getCurrentThreadAllocatedBytes();
                    while (System.nanoTime() < end[0] && !done.getAsBoolean()) {
                        long s0 = System.nanoTime();
                        boolean ok;
                        try {
                            ok = op.run(me);
                        } catch (RuntimeException | AssertionError e) {
                            ok = false;
                        }
                        long us = (System.nanoTime() - s0) / 1000;
                        if (!ok) errors[me]++;
                        else if (counts[me] < lat[me].length) lat[me][counts[me]++] = us;
                    }
                    clientCpu.add(THREADS.getCurrentThreadCpuTime() - own0);
                    clientAlloc.add(ALLOC.getCurrentThreadAllocatedBytes() - bytes0);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            th.start();
            threads.add(th);
        }
        if (holdNow) com.zhidian.apitests.support.Local.instance().holdStreams(true);
        Map<String, Long> byThread0 = cpuByThreadGroup();
        Map<String, Long> alloc0 = allocatedByThreadGroup();
        long cpu0 = processCpuNanos();
        long start = System.nanoTime();
        end[0] = start + seconds * 1_000_000_000L;
        go.countDown();
        for (Thread th : threads) th.join();
        double secs = (System.nanoTime() - start) / 1e9;
        long inWindow = processCpuNanos() - cpu0;
        Map<String, Long> byThread = cpuByThreadGroup();
        Map<String, Long> alloc = allocatedByThreadGroup();
        if (holdNow) com.zhidian.apitests.support.Local.instance().holdStreams(false);
        long tail = settle();
        Result r = Result.of(lat, counts, Arrays.stream(errors).sum(), secs, processCpuNanos() - cpu0, inWindow, tail);
        System.out.printf(Locale.ROOT, "  %-40s %s%n", name, r);
        if (PER_THREAD && r.sorted().length > 0) {
            // where the window's CPU went, per op, by thread: the clients (the bench's own threads: the floor's SDK
            // calls, the route's HTTP requests), the gateway's (the function and its SDK calls), the stand-in's
            int ops = r.sorted().length;
            System.out.printf(Locale.ROOT, "    CPU in the window by thread, ms/op: %s%n",
                    perOp(clientCpu.sum(), byThread0, byThread, 1e6 * ops, 0.01, "%.2f"));
            System.out.printf(Locale.ROOT, "    allocated in the window by thread, KiB/op: %s%n",
                    perOp(clientAlloc.sum(), alloc0, alloc, 1024.0 * ops, 1, "%.0f"));
        }
        return r;
    }

    /** "clients x, group y, …": the window's growth of each group divided by {@code per}, the largest first, those under {@code min} left out. */
    private static String perOp(long clients, Map<String, Long> before, Map<String, Long> after, double per, double min, String format) {
        List<String> parts = new ArrayList<>();
        parts.add("clients " + String.format(Locale.ROOT, format, clients / per));
        after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), (e.getValue() - before.getOrDefault(e.getKey(), 0L)) / per))
                .filter(e -> e.getValue() >= min)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> parts.add(e.getKey() + " " + String.format(Locale.ROOT, format, e.getValue())));
        return String.join(", ", parts);
    }

    /** -Dorders.perThread=true: each window also says its CPU per op by thread group (names without their numbers). */
    static final boolean PER_THREAD = Boolean.getBoolean("orders.perThread");
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    private static final com.sun.management.ThreadMXBean ALLOC = (com.sun.management.ThreadMXBean) THREADS;

    /** CPU so far of the live threads, summed by name with the digits left out (gateway-12 → gateway-N). */
    static Map<String, Long> cpuByThreadGroup() {
        return byThreadGroup(THREADS::getThreadCpuTime);
    }

    /** Bytes allocated so far by the live threads, summed by name as {@link #cpuByThreadGroup}. */
    static Map<String, Long> allocatedByThreadGroup() {
        return byThreadGroup(ALLOC::getThreadAllocatedBytes);
    }

    private static Map<String, Long> byThreadGroup(java.util.function.LongUnaryOperator measure) {
        Map<String, Long> out = new HashMap<>();
        if (!PER_THREAD) return out;
        for (long id : THREADS.getAllThreadIds()) {
            java.lang.management.ThreadInfo info = THREADS.getThreadInfo(id);
            long value = measure.applyAsLong(id);
            if (info == null || value < 0 || info.getThreadName().matches("Thread-\\d+")) continue;  // the clients: counted by themselves
            out.merge(info.getThreadName().replaceAll("\\d+", "N"), value, Long::sum);
        }
        return out;
    }

    /**
     * Waits (at most 60 s) until this JVM is idle again: under 10 % of one core over 200 ms. What a window leaves behind
     * (the stream pollers' backlog and the stream functions they call, which in AWS run on Lambdas of their own) then
     * lands in its own figures, not in the next window's; returns the wait in ms.
     */
    static long settle() throws InterruptedException {
        long t0 = System.nanoTime();
        long cpu = processCpuNanos();
        while (System.nanoTime() - t0 < 60_000_000_000L) {
            Thread.sleep(200);
            long now = processCpuNanos();
            boolean idle = now - cpu < 20_000_000L;  // 20 ms of CPU in 200 ms
            cpu = now;
            if (idle) break;
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Latencies, failures, the window's seconds, the JVM's CPU in it and in its tail, the tail's ms (see settle). */
    record Result(long[] sorted, int errors, double seconds, long cpuNanos, long windowCpuNanos, long tailMs) {
        static Result of(long[][] lat, int[] counts, int errors, double seconds, long cpuNanos, long windowCpuNanos, long tailMs) {
            int n = Arrays.stream(counts).sum();
            long[] all = new long[n];
            int i = 0;
            for (int c = 0; c < lat.length; c++) {
                System.arraycopy(lat[c], 0, all, i, counts[c]);
                i += counts[c];
            }
            Arrays.sort(all);
            return new Result(all, errors, seconds, cpuNanos, windowCpuNanos, tailMs);
        }

        static Result merge(List<Result> parts) {
            int n = parts.stream().mapToInt(p -> p.sorted().length).sum();
            long[] all = new long[n];
            int i = 0;
            for (Result p : parts) {
                System.arraycopy(p.sorted(), 0, all, i, p.sorted().length);
                i += p.sorted().length;
            }
            Arrays.sort(all);
            return new Result(all, parts.stream().mapToInt(Result::errors).sum(), parts.stream().mapToDouble(Result::seconds).sum(),
                    parts.stream().mapToLong(Result::cpuNanos).sum(), parts.stream().mapToLong(Result::windowCpuNanos).sum(),
                    parts.stream().mapToLong(Result::tailMs).sum());
        }

        double p(double q) {
            return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * q))] / 1000.0;
        }

        double perSecond() {
            return sorted.length / seconds;
        }

        /** The whole machine's worth (every thread of this JVM: client, gateway, functions, stand-ins, stream pollers) per op. */
        double cpuMsPerOp() {
            return sorted.length == 0 ? 0 : cpuNanos / 1e6 / sorted.length;
        }

        /** The same, counted only while the clients ran (the tail after the window left out). */
        double windowCpuMsPerOp() {
            return sorted.length == 0 ? 0 : windowCpuNanos / 1e6 / sorted.length;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d ok (%d failed) in %.1f s = %.0f/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms; CPU %.2f ms/op"
                    + " (%.2f in the window; tail %d ms)", sorted.length, errors, seconds, perSecond(), p(0.5), p(0.99),
                    sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1000.0, cpuMsPerOp(), windowCpuMsPerOp(), tailMs);
        }
    }

    // ---- helpers ----

    static JsonNode expect(Api.Res r, int status) {
        if (r.status() != status) throw new AssertionError("expected " + status + ": " + r);
        return r.json();
    }

    static String load() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "?";
        }
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        Map<String, AttributeValue> k = new HashMap<>();
        k.put("pk", s(pk));
        k.put("sk", s(sk));
        return k;
    }

    private static Map<String, AttributeValue> item(String pk, String sk, String name, AttributeValue value) {
        Map<String, AttributeValue> i = key(pk, sk);
        i.put(name, value);
        return i;
    }

    private static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    private static AttributeValue num(long v) {
        return AttributeValue.fromN(Long.toString(v));
    }
}
