package com.zhidian.samplestore.year;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The orders of one store-day: every purchase of {@link SampleYear#purchases} goes into exactly one order, so the
 * orders' lines add up to the demand series. Hours follow the store kind's profile; a share of orders is a member's,
 * some use a coupon, a few are refunded in part (never more than was paid).
 */
public final class YearOrders {
    public static final double REFUND_RATE = 0.008;

    public enum Channel { POS, MINI_PROGRAM }
    public enum Payment { CASH, CARD }

    public record Line(String gtin, long quantity, long unitPrice, long amount) {}

    /** A partial refund of one line. */
    public record Refund(int line, long quantity, long amount, LocalDateTime at) {}

    /**
     * {@code key} is stable (store-day-n) and serves as the idempotency key when loading; {@code member} is −1 for a
     * walk-in; {@code coupon} is a {@link SampleYear#COUPONS} key or null; total = sum of lines − discount.
     */
    public record Order(String key, int store, int day, LocalDateTime at, Channel channel, Payment payment, int member,
                        List<Line> lines, String coupon, long discount, Refund refund) {
        public long subtotal() { return lines.stream().mapToLong(Line::amount).sum(); }
        public long total() { return subtotal() - discount; }
    }

    private YearOrders() {}

    public static List<Order> on(SampleYear year, int store, int day) {
        SampleYear.Store s = year.stores().get(store);
        List<long[]> pieces = new ArrayList<>(); // {product index, quantity}
        List<YearProduct> products = year.products();
        for (int i = 0; i < products.size(); i++)
            for (int q : year.purchases(store, products.get(i).gtin(), day)) pieces.add(new long[] {i, q});
        if (pieces.isEmpty()) return List.of();
        SplittableRandom r = Rng.of(year.config().seed(), 5_001, store, day);
        double basket = s.kind() == StoreKind.SUPERMARKET ? 5.0 : 2.3;
        int n = (int) Math.max(1, Math.min(pieces.size(), Math.round(pieces.size() / basket)));
        for (int i = pieces.size() - 1; i > 0; i--) { // shuffle, then the first n pieces open the n orders
            int j = r.nextInt(i + 1);
            long[] t = pieces.get(i); pieces.set(i, pieces.get(j)); pieces.set(j, t);
        }
        List<List<long[]>> baskets = new ArrayList<>();
        for (int k = 0; k < n; k++) baskets.add(new ArrayList<>(List.of(pieces.get(k))));
        for (int k = n; k < pieces.size(); k++) baskets.get(r.nextInt(n)).add(pieces.get(k));
        double[] hours = YearCalendar.hourProfile(s.kind());
        boolean online = year.calendar().event(day) != null && year.calendar().event(day).length() < 14; // 618, 双11
        List<Order> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            List<Line> lines = merge(year, baskets.get(k), day);
            int hour = Rng.pick(r, hours);
            LocalDateTime at = year.date(day).atTime(hour, r.nextInt(60), r.nextInt(60));
            Channel channel = r.nextDouble() < (online ? 0.35 : 0.18) ? Channel.MINI_PROGRAM : Channel.POS;
            Payment payment = channel == Channel.MINI_PROGRAM || r.nextDouble() < 0.7 ? Payment.CARD : Payment.CASH;
            int member = channel == Channel.MINI_PROGRAM || r.nextDouble() < 0.3 ? r.nextInt(year.members().size()) : -1;
            long subtotal = lines.stream().mapToLong(Line::amount).sum();
            String coupon = null;
            long discount = 0;
            if (member >= 0 && r.nextDouble() < 0.12) {
                for (SampleYear.CouponTemplate c : SampleYear.COUPONS)
                    if (subtotal >= c.threshold() && c.discount() > discount) { coupon = c.key(); discount = c.discount(); }
            }
            Refund refund = null;
            if (r.nextDouble() < REFUND_RATE) {
                int line = r.nextInt(lines.size());
                Line l = lines.get(line);
                long qty = year.product(l.gtin()).weighed() ? l.quantity() : 1 + r.nextInt((int) l.quantity());
                long amount = Math.min(l.amount() * qty / l.quantity(), subtotal - discount);
                refund = new Refund(line, qty, Math.max(0, amount), at.plusMinutes(20 + r.nextInt(60 * 48)));
            }
            out.add(new Order("y" + store + "-" + day + "-" + k, store, day, at, channel, payment, member, lines, coupon, discount, refund));
        }
        out.sort(Comparator.comparing(Order::at).thenComparing(Order::key));
        return List.copyOf(out);
    }

    private static List<Line> merge(SampleYear year, List<long[]> pieces, int day) {
        List<Line> lines = new ArrayList<>();
        pieces.sort(Comparator.comparingLong(p -> p[0]));
        for (long[] p : pieces) {
            YearProduct product = year.products().get((int) p[0]);
            long price = year.priceOn(product.gtin(), day);
            Line last = lines.isEmpty() ? null : lines.get(lines.size() - 1);
            if (last != null && last.gtin().equals(product.gtin()) && !product.weighed()) {
                long q = last.quantity() + p[1];
                lines.set(lines.size() - 1, new Line(product.gtin(), q, price, product.amount(price, q)));
            } else {
                lines.add(new Line(product.gtin(), p[1], price, product.amount(price, p[1])));
            }
        }
        return lines;
    }
}
