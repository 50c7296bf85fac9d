package com.zhidian.orders.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zhidian.catalog.application.CatalogServices;
import com.zhidian.catalog.application.PriceService;
import com.zhidian.catalog.domain.Category;
import com.zhidian.catalog.domain.Product;
import com.zhidian.catalog.domain.StockLevel;
import com.zhidian.catalog.store.DynamoPriceRepository;
import com.zhidian.catalog.store.DynamoProductRepository;
import com.zhidian.catalog.store.DynamoStockRepository;
import com.zhidian.core.auth.Caller;
import com.zhidian.core.auth.Role;
import com.zhidian.core.aws.ReadAhead;
import com.zhidian.core.errors.DomainException;
import com.zhidian.core.tenancy.TenantDirectory;
import com.zhidian.core.testing.TestTables;
import com.zhidian.orders.domain.Order;
import com.zhidian.orders.domain.OrderRules;
import com.zhidian.orders.domain.PaymentGateway;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Issue 19's property: over random sequences of placing (with or without a member, a coupon and points), paying (cash,
 * or by card with the provider's events delivered in any order, some twice), cancelling, the unpaid timeout and refunds
 * (partial or full, restocked or not), the stock levels, every coupon's state and the member's points ledger (points
 * held, spent and returned; earned pending and reversed) always agree with the orders as they ended up. Composed in process over the DynamoDB stand-in with
 * {@link Orders#wire(DynamoDbClient, TenantDirectory, PaymentGateway, Clock)}.
 */
class OrderLedgerProperties {
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final String STORE = "st_1";
    private static final List<String> GTINS = List.of("06901234567892", "06901234567908", "06901234567915");
    private static final long INITIAL = 20;

    @Property(tries = 100)
    void stockCouponsAndPointsAlwaysAgreeWithTheOrders(@ForAll @Size(min = 1, max = 14) List<@IntRange(min = 0, max = 7) Integer> actions,
                                        @ForAll long seed) {
        World w = new World(seed);
        for (int a : actions) w.act(a);
        w.check();
    }

    /** A clock the property moves forward. */
    static final class MovingClock extends Clock {
        private volatile Instant now;
        MovingClock(Instant start) { this.now = start; }
        void advance(Duration d) { now = now.plus(d); }
        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    /** The provider: intents numbered, refunds recorded by their idempotency key (the same key refunds once). */
    static final class FakeGateway implements PaymentGateway {
        final Map<String, Long> refunds = new LinkedHashMap<>();
        private final AtomicInteger n = new AtomicInteger();

        @Override
        public Intent start(String tenantId, String orderId, long amountFen, String method, String paymentMethod, String idempotencyKey) {
            return new Intent("pi_" + idempotencyKey, "requires_action", "secret_" + n.incrementAndGet());
        }

        @Override
        public String refund(String providerRef, long amountFen, String idempotencyKey) {
            refunds.putIfAbsent(idempotencyKey, amountFen);
            return "re_" + idempotencyKey;
        }

        @Override
        public Event verify(String payload, String signature) { throw new BadSignature("not used in process"); }
    }

    private static final long INITIAL_POINTS = 2_000;

    static final class World {
        final Random rnd;
        final DynamoDbClient db = TestTables.client();
        final String tenant = "tnol" + System.nanoTime() + "x" + SEQ.incrementAndGet();
        final MovingClock clock = new MovingClock(Instant.parse("2026-12-04T02:00:00Z"));
        final FakeGateway gateway = new FakeGateway();
        final Caller owner = new Caller("u", "owner@x", Role.OWNER, tenant, Set.of(), null);
        final CatalogServices catalog;
        final Orders orders;
        final List<String> placed = new ArrayList<>();
        final String member;
        final List<String> coupons = new ArrayList<>();
        final com.zhidian.coupons.application.CouponService couponService;
        final com.zhidian.members.application.PointsService points;
        /** Provider events not yet delivered (delivered ones may come again). */
        final List<PaymentGateway.Event> outbox = new ArrayList<>();
        final List<PaymentGateway.Event> delivered = new ArrayList<>();
        private int events;

        World(long seed) {
            rnd = new Random(seed);
            TenantDirectory tenants = new TenantDirectory() {
                @Override public Standing standing(String tenantId) { return new Standing("active", "pro", "Asia/Shanghai"); }
                @Override public Standing standing(String tenantId, ReadAhead.Key ahead) { return standing(tenantId); }
                @Override public boolean hasStore(String tenantId, String storeId) { return STORE.equals(storeId); }
            };
            DynamoProductRepository products = new DynamoProductRepository(db);
            catalog = CatalogServices.of(products, new DynamoPriceRepository(db), new DynamoStockRepository(db), (t, s) -> true, clock);
            products.createCategory(tenant, new Category("cat_1", "c", null, "2026-01-01"));
            long price = 300;
            for (String g : GTINS) {
                products.create(tenant, new Product(g, "p" + g, null, "cat_1", "瓶", null, null, Product.ACTIVE, null, null, "2026", "2026"));
                catalog.prices().setForStore(owner, STORE, g, new PriceService.Input(price, null, null, null, null));
                catalog.stock().receive(owner, STORE, g, INITIAL, 100L, "grn-1", null);
                price += 250;
            }
            orders = Orders.wire(db, tenants, gateway, clock);
            // one member with INITIAL_POINTS and a few coupons of ¥3 off, valid in the store
            member = "mb_" + SEQ.incrementAndGet();
            Instant now = clock.instant();
            new com.zhidian.members.store.DynamoMemberRepository(db, new com.zhidian.core.tenancy.Usage(db, clock)).create(
                    new com.zhidian.members.domain.Member(tenant, member, "+8613800000000", "m", null, "C" + member, STORE,
                            com.zhidian.members.domain.Member.ACTIVE, now, now, null),
                    com.zhidian.members.domain.PointsAccount.opened(tenant, member), List.of(), List.of());
            points = com.zhidian.members.application.Members.points(db, tenants, clock);
            points.adjust(tenant, member, INITIAL_POINTS, "seed", STORE, "owner");
            couponService = com.zhidian.coupons.application.CouponsComposition.service(db, tenants, clock);
            var terms = new com.zhidian.coupons.domain.Terms(com.zhidian.coupons.domain.Kind.AMOUNT_OFF, 300, 0, null, 0, List.of(STORE),
                    Set.of(), Set.of(), false);
            var template = couponService.create(new com.zhidian.coupons.domain.Template(tenant, "ct_" + SEQ.incrementAndGet(), "减3", null,
                    terms, now, now.plus(Duration.ofDays(30)), null, 100, 100, false, now,
                    new com.zhidian.coupons.domain.Counts(0, 0, 0, 0, 0, 0)));
            for (int i = 0; i < 3; i++) {
                coupons.add(couponService.issue(tenant, template.templateId(), List.of(member)).get(0).coupon().code());
            }
        }

        void act(int a) {
            try {
                switch (a) {
                    case 0, 1 -> place();
                    case 2 -> some(Order.PLACED).ifPresent(o -> orders.payments().payCash(tenant, o, 1_000_000, "staff"));
                    case 3 -> some(Order.PLACED).ifPresent(this::startCard);
                    case 4 -> deliverSome();
                    case 5 -> cancelSome();
                    case 6 -> { clock.advance(Duration.ofMinutes(OrderRules.DEFAULT_PAY_MINUTES + 1)); orders.orders().cancelOverdue(100); }
                    case 7 -> refundSome();
                    default -> throw new IllegalStateException();
                }
            } catch (DomainException refused) {
                // a refusal (out of stock, not payable now, nothing left to refund) must change nothing: check() says so
            }
            clock.advance(Duration.ofSeconds(1 + rnd.nextInt(60)));
        }

        void place() {
            Map<String, Long> lines = new LinkedHashMap<>();
            int n = 1 + rnd.nextInt(GTINS.size());
            for (int i = 0; i < n; i++) lines.put(GTINS.get(rnd.nextInt(GTINS.size())), 1L + rnd.nextInt(6));
            boolean asMember = rnd.nextInt(3) > 0;
            String code = asMember && rnd.nextBoolean() ? coupons.get(rnd.nextInt(coupons.size())) : null;
            long pointsToUse = asMember && rnd.nextBoolean() ? 1 + rnd.nextInt(400) : 0;
            Order o = orders.orders().place(tenant, "staff", new OrdersService.Placing(STORE, Order.POS, Order.IN_STORE, lines,
                    asMember ? member : null, code, pointsToUse, null, null));
            placed.add(o.orderId());
        }

        java.util.Optional<String> some(String status) {
            List<String> c = placed.stream().filter(id -> status == null || status.equals(orders.orders().get(tenant, id).status())).toList();
            return c.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(c.get(rnd.nextInt(c.size())));
        }

        void startCard(String orderId) {
            Order o = orders.payments().startPayment(tenant, orderId, "card", null, "staff");
            Order.Payment p = o.payments().get(o.payments().size() - 1);
            String type = rnd.nextInt(4) == 0 ? PaymentGateway.Event.FAILED : PaymentGateway.Event.SUCCEEDED;
            outbox.add(new PaymentGateway.Event("evt_" + (++events) + "_" + tenant, type, p.providerRef(), tenant, orderId, p.amount(),
                    clock.instant().getEpochSecond()));
        }

        void deliverSome() {
            if (!delivered.isEmpty() && rnd.nextInt(3) == 0) {
                orders.payments().onEvent(delivered.get(rnd.nextInt(delivered.size())));  // a replay
                return;
            }
            if (outbox.isEmpty()) return;
            PaymentGateway.Event e = outbox.remove(rnd.nextInt(outbox.size()));
            delivered.add(e);
            orders.payments().onEvent(e);
        }

        void cancelSome() {
            String id = placed.isEmpty() ? null : placed.get(rnd.nextInt(placed.size()));
            if (id == null) return;
            Order o = orders.orders().get(tenant, id);
            if (Order.PAID.equals(o.status())) orders.payments().cancelPaid(tenant, id, "staff");
            else orders.orders().transition(tenant, id, Order.CANCELLED, "staff");
        }

        void refundSome() {
            java.util.Optional<String> id = some(Order.PAID);
            if (id.isEmpty()) return;
            Order o = orders.orders().get(tenant, id.get());
            List<OrderRules.Ask> asks = new ArrayList<>();
            if (rnd.nextBoolean()) {
                for (Order.Line l : o.lines()) {
                    long left = l.qty() - l.refundedQty();
                    if (left > 0 && rnd.nextBoolean()) asks.add(new OrderRules.Ask(l.gtin(), 1 + rnd.nextInt((int) left)));
                }
            }
            orders.payments().refund(tenant, o.orderId(), new PaymentsService.RefundAsk("rf" + rnd.nextInt(1_000_000), asks, "return",
                    rnd.nextBoolean()), "staff");
        }

        /** Stock, coupons and points as they should be, computed from the orders' final states and their refunds only. */
        void check() {
            checkStock();
            checkCoupons();
            checkPoints();
        }

        void checkStock() {
            Map<String, Long> onHand = new LinkedHashMap<>();
            Map<String, Long> reserved = new LinkedHashMap<>();
            for (String g : GTINS) { onHand.put(g, INITIAL); reserved.put(g, 0L); }
            for (String id : placed) {
                Order o = orders.orders().get(tenant, id);
                boolean wasPaid = wasPaid(o);
                for (Order.Line l : o.lines()) {
                    if (Order.PLACED.equals(o.status())) reserved.merge(l.gtin(), l.qty(), Long::sum);
                    if (wasPaid) onHand.merge(l.gtin(), -l.qty(), Long::sum);
                }
                for (Order.Refund r : o.refunds()) {
                    if (r.restock()) for (Order.RefundLine rl : r.lines()) onHand.merge(rl.gtin(), rl.qty(), Long::sum);
                }
                assertTrue(o.refunded() >= 0 && o.refunded() <= o.paid(), "refunded within paid: " + o);
                assertEquals(wasPaid ? o.total() : 0, o.paid(), "paid is the total once paid: " + id);
            }
            for (String g : GTINS) {
                StockLevel s = catalog.stock().level(owner, STORE, g).level();
                assertTrue(s.onHand() >= 0 && s.reserved() >= 0 && s.reserved() <= s.onHand(), "never negative: " + s);
                assertEquals(onHand.get(g), s.onHand(), "on hand of " + g);
                assertEquals(reserved.get(g), s.reserved(), "reserved of " + g);
            }
        }

        /**
         * Each coupon's state is decided by the last order that named it: reserved while that order is placed, redeemed
         * once it was paid (unless a full refund gave it back), available otherwise (never used, released by a
         * cancellation or timeout, or returned).
         */
        void checkCoupons() {
            Map<String, Order> last = new LinkedHashMap<>();
            for (String id : placed) {
                Order o = orders.orders().get(tenant, id);
                if (o.couponCode() != null) last.put(o.couponCode(), o);
            }
            Map<String, com.zhidian.coupons.domain.Coupon> stored = new LinkedHashMap<>();
            for (var c : couponService.ofMember(tenant, member, 100, null).items()) stored.put(c.code(), c);
            for (String code : coupons) {
                Order o = last.get(code);
                var c = stored.get(code);
                String expected;
                if (o == null) expected = "available";
                else if (Order.PLACED.equals(o.status())) expected = "reserved";
                else if (wasPaid(o) && o.refunds().stream().noneMatch(Order.Refund::couponReturned)) expected = "redeemed";
                else expected = "available";
                assertEquals(expected, c.state().code(), "coupon " + code + " after " + o);
                if (!"available".equals(expected)) assertEquals(o.orderId(), c.orderId(), "the order holding " + code);
            }
        }

        /**
         * The member's points: the balance is what they had, less the points every order spent when placed, plus what
         * came back (all of it when an unpaid order was cancelled or timed out; each refund's pointsReturned); the pending
         * points are what paid orders earned less what their refunds reversed, each order's reversal being exactly its
         * refunded share of its earning (all of it once refunded in full). Nothing is ever negative, and the ledger adds up.
         */
        void checkPoints() {
            long balance = INITIAL_POINTS;
            long pending = 0;
            Map<String, Long> earned = new LinkedHashMap<>();
            List<com.zhidian.members.domain.LedgerEntry> ledger = new ArrayList<>();
            String cursor = null;
            do {
                var page = points.ledger(tenant, member, 100, cursor);
                ledger.addAll(page.items());
                cursor = page.nextCursor();
            } while (cursor != null);
            for (var e : ledger) {
                if (com.zhidian.members.domain.LedgerEntry.EARN_PENDING.equals(e.kind())) earned.merge(e.orderId(), e.pendingDelta(), Long::sum);
            }
            for (String id : placed) {
                Order o = orders.orders().get(tenant, id);
                if (!member.equals(o.memberId())) {
                    assertEquals(0, o.pointsUsed(), "points only with a member");
                    continue;
                }
                balance -= o.pointsUsed();
                if (Order.CANCELLED.equals(o.status()) && !wasPaid(o)) balance += o.pointsUsed();
                long returned = o.refunds().stream().mapToLong(Order.Refund::pointsReturned).sum();
                balance += returned;
                boolean full = !o.refunds().isEmpty() && o.lines().stream().allMatch(l -> l.refundedQty() == l.qty());
                if (wasPaid(o)) {
                    assertTrue(returned <= o.pointsUsed(), "never more points back than spent: " + o);
                    if (full) assertEquals(o.pointsUsed(), returned, "a full refund returns every point spent: " + o);
                }
                long e = earned.getOrDefault(id, 0L);
                assertEquals(wasPaid(o) ? o.total() / 100 : 0, e, "a paid order earns 1 point per yuan paid, once: " + o);
                long reversed = o.refunds().stream().mapToLong(Order.Refund::pointsReversed).sum();
                assertEquals(com.zhidian.members.domain.PointsRules.reversedTarget(e, o.refunded(), o.paid(), full), reversed,
                        "the earning reversed on the refunded share: " + o);
                pending += e - reversed;
            }
            var view = points.view(tenant, member);
            assertTrue(view.balance() >= 0 && view.pending() >= 0, "never negative: " + view);
            assertEquals(balance, view.balance(), "balance");
            assertEquals(pending, view.pending(), "pending");
            assertEquals(view.balance(), ledger.stream().mapToLong(com.zhidian.members.domain.LedgerEntry::delta).sum(), "ledger deltas");
            assertEquals(view.pending(), ledger.stream().mapToLong(com.zhidian.members.domain.LedgerEntry::pendingDelta).sum(),
                    "ledger pending deltas");
        }

        static boolean wasPaid(Order o) {
            return o.timeline().stream().anyMatch(s -> Order.PAID.equals(s.status()));
        }
    }
}
