package com.zhidian.samplestore;

import com.zhidian.catalog.application.CatalogServices;
import com.zhidian.catalog.application.PriceService;
import com.zhidian.catalog.application.ProductService;
import com.zhidian.catalog.domain.Category;
import com.zhidian.catalog.domain.Product;
import com.zhidian.catalog.domain.VariableMeasure;
import com.zhidian.core.auth.Caller;
import com.zhidian.core.auth.Role;
import com.zhidian.core.dynamo.DynamoTenantDirectory;
import com.zhidian.orders.application.Orders;
import com.zhidian.orders.application.OrdersService;
import com.zhidian.orders.application.PaymentsService;
import com.zhidian.orders.domain.Order;
import com.zhidian.orders.domain.PaymentGateway;
import com.zhidian.orders.domain.OrderRules;
import com.zhidian.samplestore.year.SampleYear;
import com.zhidian.samplestore.year.YearOrders;
import com.zhidian.samplestore.year.YearProduct;
import com.zhidian.samplestore.year.YearStock;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Loads the sample year into the sample tenant's sample stores through the application services themselves (catalog
 * products, prices and receipts; members with consents and coupons; orders placed with their member and coupon, paid
 * in cash or by card through the Stripe stand-in, and refunded), built in process over a clock this loader moves
 * through the year: a local, sample-only path; no HTTP route takes a time from its caller. Weighed goods (fruit,
 * vegetables, deli) are products sold by weight with a 5-digit PLU and a price per kg; a till's sale of them comes as
 * the scale's label in the tenant's format, a mini-program's as grams. A card payment is started at the Stripe stand-in (a
 * PaymentIntent awaiting 3-D Secure), its success is delivered to the payments service in process at the order's
 * historical time, and then the stand-in's tester completes the intent (its webhook finds the order paid already).
 * Each promotion of the year is set as the tenant price's promotion (promoPrice from its first to its last day) on the
 * morning it starts, so the orders are priced at it by the same price rule as live ones. Every morning (and once at
 * the end, at the real time) the members' own points job runs over the year's clock, so earned points are released
 * when each order's return window has passed, as they would be live.
 */
public final class SampleYearLoader {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** A clock the loader sets to each historical moment. */
    static final class YearClock extends Clock {
        private volatile Instant now = Instant.EPOCH;
        void set(Instant i) { now = i; }
        @Override public ZoneId getZone() { return ZoneId.of("UTC"); }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    /**
     * What the run command shows: state (waiting, loading, done, failed), orders done of total, the percent of the whole
     * load, the step now running and what is loaded so far (orders, members, coupons issued, card payments, refunds…).
     */
    public record Progress(String state, long done, long total, int percent, String step, Map<String, Long> loaded) {}

    private final SampleYear year;
    private final String tenantId;
    private final List<String> storeIds;
    private final YearClock clock = new YearClock();
    private final CatalogServices catalog;
    private final OrdersService orders;
    private final PaymentsService payments;
    private final Caller owner;
    private volatile Progress progress = new Progress("waiting", 0, 0, 0, null, Map.of());
    private final AtomicInteger failures = new AtomicInteger();
    private final YearMembers people;
    private final String stripeTester;
    private final YearTraffic traffic;
    private final com.zhidian.members.application.PointsService pointsJob;
    private long promotionsSet, pointsReleased;
    private Consumer<Progress> listener = p -> { };
    private long cardPayments, refunded, couponOrders, memberOrders;
    private final Map<String, String> plus;
    private VariableMeasure scales = VariableMeasure.DEFAULT;

    public SampleYearLoader(DynamoDbClient db, SampleYear year, String tenantId, List<String> storeIds) {
        this(db, year, tenantId, storeIds, null);
    }

    /**
     * {@code gatewayUrl}: Zhidian Local's gateway, whose Stripe tester confirms card payments at the stand-in (null: card
     * payments are recorded as paid without telling the stand-in).
     */
    public SampleYearLoader(DynamoDbClient db, SampleYear year, String tenantId, List<String> storeIds, String gatewayUrl) {
        if (storeIds.size() < year.stores().size()) throw new IllegalArgumentException("the year needs " + year.stores().size() + " stores");
        this.year = year;
        this.plus = plus(year);
        this.tenantId = tenantId;
        this.storeIds = List.copyOf(storeIds);
        this.catalog = CatalogServices.dynamo(db, clock);
        Orders o = Orders.wire(db, new DynamoTenantDirectory(db), clock);
        this.orders = o.orders();
        this.payments = o.payments();
        this.owner = new Caller("sample-year-loader", "sample-year-loader", Role.OWNER, tenantId, Set.copyOf(storeIds), null);
        this.people = new YearMembers(db, clock, year, tenantId, this.storeIds, failures);
        this.stripeTester = gatewayUrl == null ? null : gatewayUrl.replaceAll("/$", "") + "/local/stripe/payment_intents/";
        this.traffic = new YearTraffic(db, clock, year, tenantId, this.storeIds, failures);
        this.pointsJob = com.zhidian.members.application.Members.points(db, new DynamoTenantDirectory(db), clock);
    }

    /** Hears every change of progress (the run command passes it on to {@code GET /local/sample-year}). */
    public SampleYearLoader onProgress(Consumer<Progress> l) {
        this.listener = l;
        return this;
    }

    private void report(String state, long done, long total, int percent, String step) {
        Map<String, Long> loaded = new LinkedHashMap<>();
        loaded.put("orders", done);
        loaded.put("memberOrders", memberOrders);
        loaded.put("members", people.joined());
        loaded.put("couponsIssued", people.issued());
        loaded.put("couponOrders", couponOrders);
        loaded.put("cardPayments", cardPayments);
        loaded.put("refunds", refunded);
        loaded.put("telemetryHours", traffic.hours());
        loaded.put("promotions", promotionsSet);
        loaded.put("pointsReleases", pointsReleased);
        progress = new Progress(state, done, total, percent, step, loaded);
        listener.accept(progress);
    }

    public Progress progress() { return progress; }
    public int failures() { return failures.get(); }

    /** The services key products by the GTIN-14 form. */
    static String g14(String gtin13) { return "0" + gtin13; }

    private Instant at(LocalDateTime t) { return t.atZone(ZONE).toInstant(); }

    /** Loads the whole year; {@code log} hears a line now and then. Returns the number of orders paid. */
    public long load(Consumer<String> log) {
        long total = 0;
        for (int s = 0; s < year.stores().size(); s++) for (int d = 0; d < year.days(); d++) total += YearOrders.on(year, s, d).size();
        report("loading", 0, total, 0, "catalog");
        clock.set(at(year.date(0).atStartOfDay().minusDays(1)));
        Set<String> loaded = products();
        scales = catalog.products().settings(owner);
        people.templates();
        traffic.devices();
        report("loading", 0, total, 3, "members");
        people.joinDue(year.date(0).minusDays(1));
        Map<String, List<YearStock.Receipt>> receiptsByDay = new HashMap<>();
        for (int s = 0; s < year.stores().size(); s++)
            for (YearProduct p : year.products())
                if (loaded.contains(p.gtin()))
                    for (YearStock.Receipt r : YearStock.receipts(year, s, p.gtin()))
                        receiptsByDay.computeIfAbsent(r.store() + "/" + r.day(), k -> new ArrayList<>()).add(r);
        PriorityQueue<Object[]> refunds = new PriorityQueue<>(Comparator.comparing(x -> (LocalDateTime) x[0]));
        long done = 0, paid = 0;
        Map<Integer, List<SampleYear.Promotion>> promotionsByDay = new HashMap<>();
        for (SampleYear.Promotion p : year.promotions())
            if (loaded.contains(p.gtin())) promotionsByDay.computeIfAbsent(p.fromDay(), k -> new ArrayList<>()).add(p);
        for (int d = 0; d < year.days(); d++) {
            clock.set(at(year.date(d).atTime(4, 0)));
            runPointsJob();
            clock.set(at(year.date(d).atTime(5, 0)));
            people.joinDue(year.date(d));
            for (SampleYear.Promotion p : promotionsByDay.getOrDefault(d, List.of())) promote(p);
            for (int s = 0; s < year.stores().size(); s++) {
                clock.set(at(year.date(d).atTime(6, 0)));
                for (YearStock.Receipt r : receiptsByDay.getOrDefault(s + "/" + d, List.of())) {
                    catalog.stock().receive(owner, storeIds.get(s), g14(r.gtin()), r.quantity(), r.cost(), r.reference(), r.expiresOn().toString());
                }
            }
            List<YearOrders.Order> day = new ArrayList<>();
            for (int s = 0; s < year.stores().size(); s++) day.addAll(YearOrders.on(year, s, d));
            day.sort(Comparator.comparing(YearOrders.Order::at));
            for (YearOrders.Order o : day) {
                while (!refunds.isEmpty() && !((LocalDateTime) refunds.peek()[0]).isAfter(o.at())) refund(refunds.poll());
                clock.set(at(o.at()));
                Order placed = place(o, loaded);
                if (placed != null) {
                    paid++;
                    if (o.refund() != null) refunds.add(new Object[] {o.refund().at(), o, placed});
                }
                ++done;
                if (done % 200 == 0) report("loading", done, total, 3 + (int) (95 * done / Math.max(1, total)), "orders " + year.date(d));
                if (done % 5000 == 0) log.accept("sample year: " + done + " / " + total + " orders (" + year.date(d) + ")");
            }
            for (int s = 0; s < year.stores().size(); s++) traffic.day(s, d, YearOrders.on(year, s, d));
        }
        while (!refunds.isEmpty()) refund(refunds.poll());
        Instant now = Instant.now();
        if (now.isAfter(clock.instant())) clock.set(now); // the windows that have passed by now, released as the nightly job would
        runPointsJob();
        report("done", done, total, 100, null);
        return paid;
    }

    /** The members' scheduled points job (PointsExpiryJob's work) at the year clock's time: releases due pending points. */
    private void runPointsJob() {
        try {
            com.zhidian.members.application.PointsService.JobResult r;
            do {
                r = pointsJob.runDue(200);
                pointsReleased += r.released();
            } while (r.seen() >= 200);
        } catch (RuntimeException e) {
            if (failures.incrementAndGet() <= 3) System.err.println("[sample-year] points job: " + e);
        }
    }

    /** A promotion as the tenant price's promotion, from its first day's start to the end of its last day. */
    private void promote(SampleYear.Promotion p) {
        YearProduct product = year.product(p.gtin());
        try {
            catalog.prices().setForTenant(owner, g14(p.gtin()), new PriceService.Input(product.price(), p.promoPrice(),
                    at(year.date(p.fromDay()).atStartOfDay()), at(year.date(p.toDay()).plusDays(1).atStartOfDay()), null));
            promotionsSet++;
        } catch (RuntimeException e) {
            if (failures.incrementAndGet() <= 3) System.err.println("[sample-year] promotion " + p.gtin() + " not set: " + e);
        }
    }

    private Order place(YearOrders.Order o, Set<String> loaded) {
        Map<String, Long> lines = new LinkedHashMap<>();
        List<OrdersService.Weighed> weighed = new ArrayList<>();
        boolean till = o.channel() != YearOrders.Channel.MINI_PROGRAM;
        for (YearOrders.Line l : o.lines()) {
            if (!loaded.contains(l.gtin())) continue;
            if (!year.product(l.gtin()).weighed()) lines.merge(g14(l.gtin()), l.quantity(), Long::sum);
            else weighed.add(till ? OrdersService.Weighed.byLabel(label(l)) : OrdersService.Weighed.byWeight(g14(l.gtin()), l.quantity()));
        }
        if (lines.isEmpty() && weighed.isEmpty()) return null;
        String storeId = storeIds.get(o.store());
        try {
            String member = o.member() >= 0 ? people.member(o.member(), o.store()) : null;
            boolean online = o.channel() == YearOrders.Channel.MINI_PROGRAM && member != null;
            String coupon = o.coupon() != null && member != null ? people.couponFor(member, o.coupon()) : null;
            Order placed;
            try {
                placed = orders.place(tenantId, "sample-year", new OrdersService.Placing(storeId, online ? Order.MINI_PROGRAM : Order.POS,
                        online ? Order.PICKUP : Order.IN_STORE, lines, weighed, member, coupon, 0, null, null));
            } catch (RuntimeException notApplicable) {
                if (coupon == null) throw notApplicable;
                coupon = null; // the basket at the loaded prices fell below the coupon's threshold
                placed = orders.place(tenantId, "sample-year", new OrdersService.Placing(storeId, online ? Order.MINI_PROGRAM : Order.POS,
                        online ? Order.PICKUP : Order.IN_STORE, lines, weighed, member, null, 0, null, null));
            }
            if (coupon != null) { people.used(member, o.coupon(), coupon); couponOrders++; }
            if (member != null) memberOrders++;
            try {
                return pay(placed, o);
            } catch (RuntimeException e) {
                // the order's payBy is on the year's clock, so Zhidian Local's timeout job (on the real clock) may cancel
                // it between placing and paying; the till then rings the same basket up again
                if (!Order.CANCELLED.equals(orders.get(tenantId, placed.orderId()).status())) throw e;
                placed = orders.place(tenantId, "sample-year", new OrdersService.Placing(storeId, placed.channel(),
                        placed.fulfilment(), lines, weighed, member, coupon, 0, null, null));
                return pay(placed, o);
            }
        } catch (RuntimeException e) {
            if (failures.incrementAndGet() <= 3) System.err.println("[sample-year] order " + o.key() + " not loaded: " + e);
            return null;
        }
    }

    private Order pay(Order placed, YearOrders.Order o) {
        if (o.payment() == YearOrders.Payment.CARD) return payByCard(placed, o);
        long tendered = (placed.total() + 99) / 100 * 100; // the customer hands over whole yuan
        return payments.payCash(tenantId, placed.orderId(), tendered, "sample-year");
    }

    /**
     * The label the scale prints for a weighed line, in the tenant's format: its weight in grams, or (a price-bearing
     * format) the line's amount, which the order turns back into grams at the price in force.
     */
    private String label(YearOrders.Line l) {
        long value = scales.carriesWeight() ? l.quantity() : l.amount();
        return scales.encode(plus.get(l.gtin()), Math.min(value, scales.maxValueExclusive() - 1));
    }

    /** The 5-digit PLU of the year's weighed products, in their order: 20001, 20002… (10001 is the sample catalog's apple) (the same from the same seed). */
    private static Map<String, String> plus(SampleYear year) {
        Map<String, String> out = new HashMap<>();
        for (YearProduct p : year.products()) if (p.weighed()) out.put(p.gtin(), String.format("%05d", 20_001 + out.size()));
        return out;
    }

    /** A PaymentIntent at the Stripe stand-in; its success delivered in process at the order's time; then the stand-in told. */
    private Order payByCard(Order placed, YearOrders.Order o) {
        if (placed.total() == 0) return payments.payCash(tenantId, placed.orderId(), 0, "sample-year");
        // a card that asks the customer to authenticate (3-D Secure) waits at the stand-in until its tester completes it,
        // so the success reaches the payments service here first, at the order's time, and the stand-in's webhook after
        Order started = payments.startPayment(tenantId, placed.orderId(), "card", "pm_card_threeDSecure2Required", "sample-year");
        Order.Payment p = started.payments().get(started.payments().size() - 1);
        PaymentsService.Outcome out = payments.onEvent(new PaymentGateway.Event("evt_sample_" + p.providerRef(), PaymentGateway.Event.SUCCEEDED,
                p.providerRef(), tenantId, placed.orderId(), placed.total(), clock.instant().getEpochSecond()));
        if (out != PaymentsService.Outcome.PAID) throw new IllegalStateException("card payment of " + o.key() + ": " + out);
        cardPayments++;
        if (stripeTester != null) {
            try {
                java.net.http.HttpResponse<String> r = HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(stripeTester + p.providerRef()
                        + "/succeed")).POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200 && failures.incrementAndGet() <= 3) System.err.println("[sample-year] stand-in: " + r.statusCode() + " " + r.body());
            } catch (java.io.IOException | InterruptedException e) {
                if (failures.incrementAndGet() <= 3) System.err.println("[sample-year] stand-in not told: " + e);
            }
        }
        return orders.get(tenantId, placed.orderId());
    }

    private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newHttpClient();

    private void refund(Object[] item) {
        YearOrders.Order o = (YearOrders.Order) item[1];
        Order placed = (Order) item[2];
        // a card payment the stand-in was not told of has no charge there to refund
        if (stripeTester == null && o.payment() == YearOrders.Payment.CARD) return;
        clock.set(at((LocalDateTime) item[0]));
        YearOrders.Line l = o.lines().get(o.refund().line());
        Order.Line line = placed.lines().stream().filter(x -> x.gtin().equals(g14(l.gtin()))).findFirst().orElse(null);
        if (line == null) return;
        // a weighed line's grams may be a few less than the generator's (a price-bearing label read back at the price per kg)
        long qty = Math.min(o.refund().quantity(), line.qty());
        try {
            payments.refund(tenantId, placed.orderId(), new PaymentsService.RefundAsk("rf-" + placed.orderId(),
                    List.of(new OrderRules.Ask(g14(l.gtin()), qty)), "sample year", false), "sample-year");
            refunded++;
        } catch (RuntimeException e) {
            if (failures.incrementAndGet() <= 3) System.err.println("[sample-year] refund " + o.key() + " not loaded: " + e);
        }
    }

    /** Categories, products and tenant prices (effective from the year's first day); returns the GTINs in the catalog. */
    private Set<String> products() {
        ProductService ps = catalog.products();
        Map<String, String> ids = new HashMap<>();
        for (Category c : ps.categories(owner)) ids.put(c.parentId() == null ? c.name() : c.parentId() + "/" + c.name(), c.categoryId());
        Set<String> out = new java.util.HashSet<>();
        for (YearProduct p : year.products()) {
            String[] path = p.category().split("/");
            String top = ids.computeIfAbsent(path[0], n -> ps.createCategory(owner, n, null).categoryId());
            String sub = ids.computeIfAbsent(top + "/" + path[1], n -> ps.createCategory(owner, path[1], top).categoryId());
            try {
                ps.create(owner, new ProductService.Draft(g14(p.gtin()), p.nameZh(), p.brand(), sub, p.unit(), p.spec(), p.shelfLifeDays(), null,
                        plus.get(p.gtin()), p.weighed() ? Product.BY_WEIGHT : Product.BY_PIECE));
            } catch (com.zhidian.catalog.domain.CatalogErrors.DuplicateProduct already) {
                // in the catalog already (another year loaded into this tenant before): its price is set again below
            } catch (RuntimeException e) {
                if (failures.incrementAndGet() <= 3) System.err.println("[sample-year] product " + p.gtin() + " not created: " + e);
            }
            try {
                catalog.prices().setForTenant(owner, g14(p.gtin()), new PriceService.Input(p.price(), null, null, null, null,
                        p.weighed() ? PriceService.Input.PER_KG : PriceService.Input.PER_PIECE));
                out.add(p.gtin());
            } catch (RuntimeException e) {
                if (failures.incrementAndGet() <= 3) System.err.println("[sample-year] price " + p.gtin() + " not set: " + e);
            }
        }
        return out;
    }
}
