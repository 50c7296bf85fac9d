package com.zhidian.orders.application;

import com.zhidian.catalog.application.PriceService;
import com.zhidian.catalog.application.StockService;
import com.zhidian.catalog.domain.CatalogErrors;
import com.zhidian.core.Ids;
import com.zhidian.core.Retry;
import com.zhidian.core.aws.ReadAhead;
import com.zhidian.core.dynamo.TransactionPart;
import com.zhidian.core.paging.Page;
import com.zhidian.core.tenancy.TenantDirectory;
import com.zhidian.coupons.application.CouponService;
import com.zhidian.coupons.domain.Basket;
import com.zhidian.members.application.PointsService;
import com.zhidian.members.domain.PointsSettings;
import com.zhidian.orders.domain.Order;
import com.zhidian.orders.domain.OrderRepository;
import com.zhidian.orders.domain.OrderRules;
import com.zhidian.orders.domain.OrdersErrors;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Placing, reading and moving orders. Placing and cancelling are each ONE DynamoDB transaction made of the parts of
 * every context involved: the order and its store's day counter (here), the stock holds (catalog), the coupon
 * (coupons) and the points (members), each built by its own context; a lost race re-plans and retries
 * ({@link Retry#onConflict}). Payments and refunds are in {@link PaymentsService}.
 */
public final class OrdersService {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final OrderRepository orders;
    private final PriceService prices;
    private final StockService stock;
    private final CouponService coupons;
    private final PointsService points;
    private final TenantDirectory tenants;
    private final Clock clock;
    private final com.zhidian.orders.domain.OrderSettingsRepository settings;

    /** Reads items of several contexts in one BatchGetItem for the request in progress ({@link ReadAhead#readAll}). */
    public interface ReadsAhead {
        void readAll(java.util.Collection<ReadAhead.Key> keys);
    }

    private final ReadsAhead readsAhead;

    public OrdersService(OrderRepository orders, PriceService prices, StockService stock, CouponService coupons, PointsService points,
                         TenantDirectory tenants, Clock clock, com.zhidian.orders.domain.OrderSettingsRepository settings) {
        this(orders, prices, stock, coupons, points, tenants, clock, settings, keys -> { });
    }

    public OrdersService(OrderRepository orders, PriceService prices, StockService stock, CouponService coupons, PointsService points,
                         TenantDirectory tenants, Clock clock, com.zhidian.orders.domain.OrderSettingsRepository settings,
                         ReadsAhead readsAhead) {
        this.readsAhead = readsAhead;
        this.settings = settings;
        this.orders = orders;
        this.prices = prices;
        this.stock = stock;
        this.coupons = coupons;
        this.points = points;
        this.tenants = tenants;
        this.clock = clock;
    }

    /**
     * What a caller asks to buy; prices are never part of it. {@code lines}: quantities by GTIN-14 (by the piece);
     * {@code weighed}: goods sold by weight, each its GTIN and grams, or a scale's label.
     */
    public record Placing(String storeId, String channel, String fulfilment, Map<String, Long> lines, List<Weighed> weighed,
                          String memberId, String couponCode, long pointsToUse, Order.Address address, String note) {
        public Placing {
            weighed = weighed == null ? List.of() : List.copyOf(weighed);
        }

        /** The GTINs asked by name: the pieces' and the weighed lines' (a scale label names its product by its PLU). */
        java.util.Set<String> namedGtins() {
            java.util.Set<String> gtins = new java.util.LinkedHashSet<>(lines.keySet());
            for (Weighed w : weighed) if (w.gtin() != null) gtins.add(w.gtin());
            return gtins;
        }

        /** Goods by the piece only. */
        public Placing(String storeId, String channel, String fulfilment, Map<String, Long> lines, String memberId, String couponCode,
                       long pointsToUse, Order.Address address, String note) {
            this(storeId, channel, fulfilment, lines, List.of(), memberId, couponCode, pointsToUse, address, note);
        }
    }

    /** A weighed line as asked: {@code gtin} and {@code grams}, or a scale's {@code label} (which names both). */
    public record Weighed(String gtin, Long grams, String label) {
        public static Weighed byWeight(String gtin, long grams) { return new Weighed(gtin, grams, null); }
        public static Weighed byLabel(String label) { return new Weighed(null, null, label); }
    }

    public Order place(String tenantId, String actor, Placing in) {
        readAhead(tenantId, in);
        String storeCode = tenants.storeCode(tenantId, in.storeId());
        if (storeCode == null) throw new OrdersErrors.StoreNotFound(in.storeId());
        if (in.pointsToUse() > 0 && in.memberId() == null) throw new OrdersErrors.MemberRequired();
        List<PriceService.ScaleLabel> labels = WeighedLines.labels(prices, tenantId, in.weighed());
        String orderId = Ids.next("or");
        return Retry.onConflict(() -> placeOnce(tenantId, actor, orderId, storeCode, in, labels), "orders in this store are changing too fast; retry");
    }

    /**
     * Every item placing reads by key, of every context, in one BatchGetItem: the store, the products, the coupon, the
     * points account and the store's day counter; each context's repository then takes its own item instead of a call
     * (the price versions are queried, one per product). A retry after a conflict reads afresh (bench/journal/orders.md).
     */
    private void readAhead(String tenantId, Placing in) {
        List<ReadAhead.Key> keys = new ArrayList<>();
        keys.add(TenantDirectory.storeKey(tenantId, in.storeId()));
        keys.addAll(prices.forOrderReads(tenantId, in.namedGtins()));
        if (in.couponCode() != null) {
            ReadAhead.Key coupon = coupons.planReserveRead(tenantId, in.couponCode());
            if (coupon != null) keys.add(coupon);
        }
        if (in.memberId() != null) keys.add(points.planSpendRead(tenantId, in.memberId()));
        keys.add(new ReadAhead.Key(com.zhidian.orders.store.Keys.numbers(tenantId, in.storeId()), DAY.format(clock.instant().atZone(zone(tenantId)))));
        if (keys.size() <= 100) readsAhead.readAll(keys);
    }

    private Order placeOnce(String tenantId, String actor, String orderId, String storeCode, Placing in, List<PriceService.ScaleLabel> labels) {
        Instant now = clock.instant();
        java.util.Set<String> gtins = in.namedGtins();
        for (PriceService.ScaleLabel l : labels) gtins.add(l.gtin());
        Map<String, PriceService.ForOrder> priced;
        try {
            priced = prices.forOrder(tenantId, in.storeId(), gtins);
        } catch (CatalogErrors.ProductNotFound e) {
            throw new OrdersErrors.UnknownProduct((String) e.facts().get("gtin"));
        } catch (CatalogErrors.NoPrice e) {
            throw new OrdersErrors.NoPrice((String) e.facts().get("gtin"));
        }
        Map<String, Long> quantities = WeighedLines.quantities(in, labels, priced);
        List<Order.Line> unpriced = new ArrayList<>();
        List<Basket.Line> basket = new ArrayList<>();
        long subtotal = 0;
        for (Map.Entry<String, Long> l : quantities.entrySet()) {
            PriceService.ForOrder p = priced.get(l.getKey());
            Order.Line line = new Order.Line(p.gtin(), p.name(), l.getValue(), p.unitPrice(), 0, 0, 0, 0, p.weighed());
            unpriced.add(line);
            // a coupon sees a weighed line as one item at its rounded amount (its rules count pieces, not grams)
            basket.add(p.weighed() ? new Basket.Line(p.gtin(), p.categoryId(), 1, line.amount())
                    : new Basket.Line(p.gtin(), p.categoryId(), l.getValue(), p.unitPrice()));
            subtotal = Math.addExact(subtotal, line.amount());
        }
        List<TransactionPart> parts = new ArrayList<>();
        long couponDiscount = 0;
        String couponCode = null;
        TransactionPart couponPart = null;
        if (in.couponCode() != null) {
            CouponService.Planned c = coupons.planReserve(tenantId, in.couponCode(), orderId, in.storeId(), new Basket(basket));
            if (c.coupon().memberId() != null && !c.coupon().memberId().equals(in.memberId())) throw new OrdersErrors.CouponNotYours();
            couponDiscount = c.verdict().discount() == null ? 0 : c.verdict().discount();
            couponCode = c.coupon().code();
            couponPart = c.part();
        }
        long pointsDiscount = PointsSettings.redeemValueFen(in.pointsToUse());
        if (pointsDiscount > subtotal - couponDiscount) throw new OrdersErrors.NothingToPay();
        TransactionPart pointsPart = in.pointsToUse() > 0
                ? points.planSpend(tenantId, in.memberId(), in.pointsToUse(), in.storeId(), orderId) : null;
        if (in.memberId() != null && pointsPart == null) points.view(tenantId, in.memberId());
        List<Order.Line> lines = OrderRules.price(unpriced, couponDiscount + pointsDiscount);
        long total = subtotal - couponDiscount - pointsDiscount;

        ZoneId zone = zone(tenantId);
        String day = DAY.format(now.atZone(zone));
        long read = orders.lastNumber(tenantId, in.storeId(), day);
        List<Order.Step> timeline = List.of(new Order.Step(Order.PLACED, now, actor, null));
        Order o = new Order(tenantId, orderId, null, in.storeId(), in.channel(), in.fulfilment(), Order.PLACED, in.memberId(), lines,
                subtotal, couponCode, couponDiscount, in.pointsToUse(), pointsDiscount, total, 0, 0, List.of(), List.of(), timeline,
                in.address(), in.note(), now, now.plus(Duration.ofMinutes(settings.payMinutes(tenantId))), 1);
        parts.add(null);  // the order and its number: planned in the store's lane below
        // forOrder has read every product and refused a missing or delisted one: no second read (bench/journal/orders.md)
        parts.add(stock.planReserveChecked(tenantId, in.storeId(), orderId, quantities, actor));
        if (couponPart != null) parts.add(couponPart);
        if (pointsPart != null) parts.add(pointsPart);
        // The store's tills in this container take their numbers one at a time (no till sends a transaction that is sure
        // to be refused); a number another container took is refused by the counter's condition, whose refusal returns
        // the counter, and only the number is planned again, not the prices, stock, coupon and points (their parts still
        // hold; if one changed too, the next write says so and the caller's Retry plans everything again). The day's
        // numbers stay without gaps (bench/journal/orders.md).
        Lane lane = lane(tenantId, in.storeId());
        lane.lock.lock();
        boolean heldUntilAnswered = false;
        try {
            long last = day.equals(lane.day) ? Math.max(read, lane.last) : read;
            for (int attempt = 1; ; attempt++) {
                o = o.numbered(number(storeCode, day, last + 1));
                parts.set(0, orders.placePart(o, day, last));
                try {
                    long planned = last;
                    boolean sent = orders.writeOrHandOver(parts, refusal -> {
                        // the rails' transaction was refused (the lane is still held): what the counter is now
                        if (refusal instanceof OrderRepository.NumberTaken t) {
                            if (t.current() >= 0) lane.last = t.current();
                            else lane.day = null;  // not said (no counter yet): the next try trusts its own read
                        } else if (lane.last == planned + 1) {
                            lane.last = planned;
                        }
                    });
                    lane.day = day;
                    lane.last = last + 1;
                    if (!sent) {
                        // a claimed route (POST /orders): the rails send the transaction with the key's answer once the
                        // route has answered; the lane is held until then, so the next till reads the number after it
                        com.zhidian.core.scope.RequestScope.current().onExit(lane.lock::unlock);
                        heldUntilAnswered = true;
                    }
                    return o;
                } catch (OrderRepository.NumberTaken taken) {
                    if (attempt >= NUMBER_ATTEMPTS) throw taken;
                    last = taken.current() >= 0 ? taken.current() : orders.lastNumber(tenantId, in.storeId(), day);
                }
            }
        } finally {
            if (!heldUntilAnswered) lane.lock.unlock();
        }
    }

    /** Tries at the store's next number before everything is planned again. */
    private static final int NUMBER_ATTEMPTS = 40;

    /** A store's numbers in this container: who is taking one now, and the last one known to be taken (a lower bound). */
    private static final class Lane {
        final java.util.concurrent.locks.ReentrantLock lock = new java.util.concurrent.locks.ReentrantLock();
        String day;
        long last;
    }

    private final Map<String, Lane> lanes = new java.util.concurrent.ConcurrentHashMap<>();

    private Lane lane(String tenantId, String storeId) {
        if (lanes.size() > 10_000) lanes.clear();  // a lane is only a hint and a lock: dropping one loses nothing
        return lanes.computeIfAbsent(tenantId + "#" + storeId, k -> new Lane());
    }

    /** {@code NJD-20261203-0042}: the store's code ({@code StoreCodes}), the day, the number (at least 4 digits). */
    static String number(String storeCode, String day, long n) {
        String digits = Long.toString(n);
        return storeCode + "-" + day + "-" + "0000".substring(Math.min(4, digits.length())) + digits;
    }

    /** The tenant's minutes to pay (the timeout job cancels an order at its payBy, set from this when placed). */
    public int payMinutes(String tenantId) {
        return settings.payMinutes(tenantId);
    }

    public void setPayMinutes(String tenantId, int minutes) {
        if (minutes < OrderRules.MIN_PAY_MINUTES || minutes > OrderRules.MAX_PAY_MINUTES) throw new IllegalArgumentException("payMinutes");
        settings.savePayMinutes(tenantId, minutes);
    }

    public Order get(String tenantId, String orderId) {
        return orders.find(tenantId, orderId).orElseThrow(() -> new OrdersErrors.OrderNotFound(orderId));
    }

    /** A customer's own order; anyone else's is 404. */
    public Order mine(String tenantId, String memberId, String orderId) {
        Order o = get(tenantId, orderId);
        if (!memberId.equals(o.memberId())) throw new OrdersErrors.OrderNotFound(orderId);
        return o;
    }

    public Page<Order> ofStore(String tenantId, String storeId, String status, Instant from, Instant to, int limit, String cursor) {
        if (!tenants.hasStore(tenantId, storeId)) throw new OrdersErrors.StoreNotFound(storeId);
        return orders.ofStore(tenantId, storeId, status, from, to, limit, cursor);
    }

    public Page<Order> ofMember(String tenantId, String memberId, int limit, String cursor) {
        return orders.ofMember(tenantId, memberId, limit, cursor);
    }

    /**
     * A step by staff: the fulfilment's next status, or cancelled. Cancelling a placed order releases its stock,
     * coupon and points in the same transaction as the status, conditioned on the order's version: exactly once.
     * Cancelling a paid order is a full refund first ({@link PaymentsService#cancelPaid}).
     */
    public Order transition(String tenantId, String orderId, String to, String actor) {
        return Retry.onConflict(() -> {
            Order o = get(tenantId, orderId);
            if (o.status().equals(to)) return o;
            OrderRules.checkTransition(o, to);
            if (Order.CANCELLED.equals(to)) {
                // a paid order is cancelled through its refund (PaymentsService.cancelPaid); paid since it was read: say so
                if (Order.PAID.equals(o.status())) throw new OrdersErrors.IllegalTransition(o.status(), to);
                return cancelPlaced(o, actor, "cancelled");
            }
            Order after = o.moved(to, clock.instant(), actor, null);
            orders.write(List.of(orders.savePart(o, after)));
            return after;
        }, "this order is changing too fast; retry");
    }

    /** Releases everything a placed order holds, with its cancellation, in one transaction. */
    Order cancelPlaced(Order o, String actor, String note) {
        if (o.payments().stream().anyMatch(p -> "pending".equals(p.status()))) {
            // a provider payment may still succeed: its webhook then finds the order cancelled and refunds it
            note = note + "; payment pending at cancellation";
        }
        Order after = o.moved(Order.CANCELLED, clock.instant(), actor, note);
        orders.write(releaseParts(o, after, actor));
        return after;
    }

    private List<TransactionPart> releaseParts(Order o, Order after, String actor) {
        List<TransactionPart> parts = new ArrayList<>();
        parts.add(orders.savePart(o, after));
        parts.add(stock.planRelease(o.tenantId(), o.storeId(), o.orderId(), held(o), actor));
        if (o.couponCode() != null) parts.add(coupons.planRelease(o.tenantId(), o.couponCode(), o.orderId()));
        if (o.pointsUsed() > 0) {
            parts.add(points.planGiveBack(o.tenantId(), o.memberId(), o.pointsUsed(), o.storeId(), o.orderId(), "order " + o.orderId() + " cancelled"));
        }
        return parts;
    }

    /** The scheduled job: every unpaid order past its time to pay is cancelled as staff would; each once. */
    public int cancelOverdue(int limit) {
        int n = 0;
        Instant now = clock.instant();
        for (OrderRepository.Due d : orders.dueUnpaid(now, limit)) {
            try {
                Order done = Retry.onConflict(() -> {
                    Order o = orders.find(d.tenantId(), d.orderId()).orElse(null);
                    if (o == null || !Order.PLACED.equals(o.status()) || o.payBy().isAfter(clock.instant())) return null;
                    return cancelPlaced(o, "system", "not paid in time");
                }, "order changing");
                if (done != null) n++;
            } catch (RuntimeException e) {
                com.zhidian.core.Log.error("order timeout failed", Map.of("orderId", d.orderId()), e);
            }
        }
        return n;
    }

    static Map<String, Long> held(Order o) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (Order.Line l : o.lines()) m.put(l.gtin(), l.qty());
        return m;
    }

    /** A day (yyyy-MM-dd) in the tenant's zone: the key of the per-day money index reconciliation reads. */
    String moneyDay(String tenantId, Instant at) {
        return at.atZone(zone(tenantId)).toLocalDate().toString();
    }

    /** A tenant's time zone, kept a minute per container (it is read for every order's number; bench/journal/orders.md). */
    private final Map<String, Object[]> zones = new java.util.concurrent.ConcurrentHashMap<>();
    private static final long ZONE_TTL_NANOS = 60_000_000_000L;

    ZoneId zone(String tenantId) {
        Object[] c = zones.get(tenantId);
        if (c != null && System.nanoTime() - (Long) c[1] < ZONE_TTL_NANOS) return (ZoneId) c[0];
        ZoneId z = readZone(tenantId);
        zones.put(tenantId, new Object[] {z, System.nanoTime()});
        return z;
    }

    private ZoneId readZone(String tenantId) {
        TenantDirectory.Standing s = tenants.standing(tenantId);
        try {
            return s == null || s.timeZone() == null ? ZoneId.of("Asia/Shanghai") : ZoneId.of(s.timeZone());
        } catch (RuntimeException e) {
            return ZoneId.of("Asia/Shanghai");
        }
    }

}
