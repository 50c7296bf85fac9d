package com.zhidian.reports.domain;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The pure arithmetic of the rollups: what one order event adds to which buckets. A payment adds one order, its units,
 * gross, discounts and net to the store's hour and day totals, its channel (hour and day), its staff member, each of
 * its categories and products (day); a refund adds its money to refunds, takes it off net and its units off units, in
 * the buckets of the refund's own local hour (a refund counts when it happens, as a till's Z report does). Units are
 * pieces: goods sold by weight count their grams in their own product's bucket only, and nothing in the units of the
 * store, channel, staff and category buckets, where grams and pieces would not add up.
 */
public final class Rollup {
    private Rollup() {}

    public static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH");
    public static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    public static Map<Bucket, Measures> contributions(OrderEvent e, ZoneId zone) {
        ZonedDateTime local = e.at().atZone(zone);
        String hour = HOUR.format(local), day = DAY.format(local);
        Map<Bucket, Measures> out = new LinkedHashMap<>();
        Measures whole = Measures.ZERO;
        Map<String, Measures> categories = new LinkedHashMap<>(), products = new LinkedHashMap<>();
        for (OrderEvent.Line l : e.lines()) {
            Measures m = line(e.paid(), l);
            Measures pieces = l.weighed() ? new Measures(0, 0, m.gross(), m.discounts(), m.refunds(), m.net()) : m;
            whole = whole.plus(pieces);
            categories.merge(l.categoryId() == null ? Bucket.UNKNOWN : l.categoryId(), pieces, Measures::plus);
            products.merge(l.gtin(), m, Measures::plus);
        }
        long order = e.paid() ? 1 : 0;
        whole = whole.plus(new Measures(order, 0, 0, 0, 0, 0));
        String s = e.storeId();
        add(out, new Bucket(s, Bucket.HOUR, hour, Bucket.TOTAL, Bucket.ALL), whole);
        add(out, new Bucket(s, Bucket.DAY, day, Bucket.TOTAL, Bucket.ALL), whole);
        add(out, new Bucket(s, Bucket.HOUR, hour, Bucket.CHANNEL, e.channel()), whole);
        add(out, new Bucket(s, Bucket.DAY, day, Bucket.CHANNEL, e.channel()), whole);
        add(out, new Bucket(s, Bucket.DAY, day, Bucket.STAFF, e.staffId() == null ? Bucket.UNKNOWN : e.staffId()), whole);
        for (var c : categories.entrySet()) add(out, new Bucket(s, Bucket.DAY, day, Bucket.CATEGORY, c.getKey()), withOrder(c.getValue(), order));
        for (var p : products.entrySet()) add(out, new Bucket(s, Bucket.DAY, day, Bucket.PRODUCT, p.getKey()), withOrder(p.getValue(), order));
        return out;
    }

    private static Measures withOrder(Measures m, long order) {
        return m.plus(new Measures(order, 0, 0, 0, 0, 0));
    }

    static Measures line(boolean paid, OrderEvent.Line l) {
        return paid ? new Measures(0, l.qty(), l.gross(), l.discount(), 0, l.net())
                : new Measures(0, -l.qty(), 0, 0, l.net(), -l.net());
    }

    private static void add(Map<Bucket, Measures> out, Bucket b, Measures m) {
        out.merge(b, m, Measures::plus);
    }
}
