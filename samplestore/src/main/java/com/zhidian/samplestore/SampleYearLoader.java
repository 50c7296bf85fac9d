package com.zhidian.samplestore;

import com.zhidian.catalog.application.CatalogServices;
import com.zhidian.catalog.application.PriceService;
import com.zhidian.catalog.application.ProductService;
import com.zhidian.catalog.domain.Category;
import com.zhidian.core.auth.Caller;
import com.zhidian.core.auth.Role;
import com.zhidian.core.dynamo.DynamoTenantDirectory;
import com.zhidian.orders.application.Orders;
import com.zhidian.orders.application.OrdersService;
import com.zhidian.orders.application.PaymentsService;
import com.zhidian.orders.domain.Order;
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
 * products, prices and receipts; orders placed, paid and refunded), built in process over a clock this loader moves
 * through the year: a local, sample-only path; no HTTP route takes a time from its caller. Weighed goods are left
 * out of the loaded orders (their line price is per kg).
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

    /** What the run command shows: state (waiting, loading, done, failed), orders done of total. */
    public record Progress(String state, long done, long total) {}

    private final SampleYear year;
    private final String tenantId;
    private final List<String> storeIds;
    private final YearClock clock = new YearClock();
    private final CatalogServices catalog;
    private final OrdersService orders;
    private final PaymentsService payments;
    private final Caller owner;
    private volatile Progress progress = new Progress("waiting", 0, 0);
    private final AtomicInteger failures = new AtomicInteger();

    public SampleYearLoader(DynamoDbClient db, SampleYear year, String tenantId, List<String> storeIds) {
        if (storeIds.size() < year.stores().size()) throw new IllegalArgumentException("the year needs " + year.stores().size() + " stores");
        this.year = year;
        this.tenantId = tenantId;
        this.storeIds = List.copyOf(storeIds);
        this.catalog = CatalogServices.dynamo(db, clock);
        Orders o = Orders.wire(db, new DynamoTenantDirectory(db), clock);
        this.orders = o.orders();
        this.payments = o.payments();
        this.owner = new Caller("sample-year-loader", "sample-year-loader", Role.OWNER, tenantId, Set.copyOf(storeIds), null);
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
        progress = new Progress("loading", 0, total);
        clock.set(at(year.date(0).atStartOfDay().minusDays(1)));
        Set<String> loaded = products();
        Map<String, List<YearStock.Receipt>> receiptsByDay = new HashMap<>();
        for (int s = 0; s < year.stores().size(); s++)
            for (YearProduct p : year.products())
                if (loaded.contains(p.gtin()))
                    for (YearStock.Receipt r : YearStock.receipts(year, s, p.gtin()))
                        receiptsByDay.computeIfAbsent(r.store() + "/" + r.day(), k -> new ArrayList<>()).add(r);
        PriorityQueue<Object[]> refunds = new PriorityQueue<>(Comparator.comparing(x -> (LocalDateTime) x[0]));
        long done = 0, paid = 0;
        for (int d = 0; d < year.days(); d++) {
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
                progress = new Progress("loading", ++done, total);
                if (done % 5000 == 0) log.accept("sample year: " + done + " / " + total + " orders (" + year.date(d) + ")");
            }
        }
        while (!refunds.isEmpty()) refund(refunds.poll());
        progress = new Progress("done", done, total);
        return paid;
    }

    private Order place(YearOrders.Order o, Set<String> loaded) {
        Map<String, Long> lines = new LinkedHashMap<>();
        for (YearOrders.Line l : o.lines()) if (loaded.contains(l.gtin()) && !year.product(l.gtin()).weighed()) lines.merge(g14(l.gtin()), l.quantity(), Long::sum);
        if (lines.isEmpty()) return null;
        String storeId = storeIds.get(o.store());
        try {
            Order placed = orders.place(tenantId, "sample-year", new OrdersService.Placing(storeId, Order.POS, Order.IN_STORE, lines,
                    null, null, 0, null, null));
            long tendered = (placed.total() + 99) / 100 * 100; // the customer hands over whole yuan
            return payments.payCash(tenantId, placed.orderId(), tendered, "sample-year");
        } catch (RuntimeException e) {
            if (failures.incrementAndGet() <= 3) System.err.println("[sample-year] order " + o.key() + " not loaded: " + e);
            return null;
        }
    }

    private void refund(Object[] item) {
        YearOrders.Order o = (YearOrders.Order) item[1];
        Order placed = (Order) item[2];
        clock.set(at((LocalDateTime) item[0]));
        YearOrders.Line l = o.lines().get(o.refund().line());
        if (placed.lines().stream().noneMatch(x -> x.gtin().equals(g14(l.gtin())))) return;
        try {
            payments.refund(tenantId, placed.orderId(), new PaymentsService.RefundAsk("rf-" + o.key(),
                    List.of(new OrderRules.Ask(g14(l.gtin()), o.refund().quantity())), "sample year", false), "sample-year");
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
                ps.create(owner, new ProductService.Draft(g14(p.gtin()), p.nameZh(), p.brand(), sub, p.unit(), p.spec(), p.shelfLifeDays(), null, null));
            } catch (RuntimeException e) {
                if (!String.valueOf(e.getMessage()).contains("exists") && failures.incrementAndGet() <= 3)
                    System.err.println("[sample-year] product " + p.gtin() + " not created: " + e);
            }
            try {
                catalog.prices().setForTenant(owner, g14(p.gtin()), new PriceService.Input(p.price(), null, null, null, null));
                out.add(p.gtin());
            } catch (RuntimeException e) {
                if (failures.incrementAndGet() <= 3) System.err.println("[sample-year] price " + p.gtin() + " not set: " + e);
            }
        }
        return out;
    }
}
