package com.zhidian.purchasing.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Assortment and pricing hints (智能选品, 精准定价) from the last {@link #WINDOW_DAYS} days: ABC classes by
 * contribution (units × (price − cost)), slow movers (stock covering more than {@link #SLOW_COVER_DAYS} days
 * of sales, or no sale for {@link #STALE_DAYS} days), delisting candidates (class C and hardly selling), and
 * markdowns for near-expiry lots that will not sell out before they expire and for slow movers, never below
 * cost. Each hint carries its reason as facts; the words are the api's.
 */
public final class Assortment {
    public static final int WINDOW_DAYS = 90;
    public static final double A_SHARE = 0.80;
    public static final double B_SHARE = 0.95;
    public static final int SLOW_COVER_DAYS = 60;
    public static final int STALE_DAYS = 28;
    public static final int DELIST_MAX_UNITS = 3;

    private Assortment() {}

    /** What is known of one product in one store. {@code lastSaleDaysAgo} is null when it never sold. */
    public record Item(String gtin, String name, double units, long price, long cost, long onHand, Integer lastSaleDaysAgo,
                       List<Lot> nearExpiry) {
        public double dailyRate() { return units / WINDOW_DAYS; }
        public long contribution() { return Math.round(units * (price - cost)); }
    }

    public record Lot(String expiresOn, int daysToExpiry, long onShelf) {}

    public record Abc(String gtin, String name, String abcClass, long contribution, double share, double cumulativeShare) {}

    /** A slow mover: {@code daysOfCover} null when it did not sell in the window. */
    public record Slow(String gtin, String name, long onHand, double units, Double daysOfCover, Integer lastSaleDaysAgo,
                       boolean delist) {}

    /** A markdown: why ({@code near_expiry} or {@code slow_mover}), from which price to which, and the numbers. */
    public record Markdown(String gtin, String name, String reason, int percent, long price, long suggestedPrice, long cost,
                           long units, Integer daysToExpiry, String expiresOn, double expectedToSell) {}

    public record Hints(List<Abc> abc, List<Slow> slowMovers, List<Markdown> markdowns) {}

    public static Hints hints(List<Item> items) {
        List<Abc> abc = abc(items);
        java.util.Map<String, String> cls = new java.util.HashMap<>();
        abc.forEach(a -> cls.put(a.gtin(), a.abcClass()));
        List<Slow> slow = new ArrayList<>();
        List<Markdown> marks = new ArrayList<>();
        for (Item it : items) {
            Double cover = it.dailyRate() > 0 ? round1(it.onHand() / it.dailyRate()) : null;
            boolean stale = it.lastSaleDaysAgo() == null || it.lastSaleDaysAgo() >= STALE_DAYS;
            boolean isSlow = it.onHand() > 0 && (stale || cover > SLOW_COVER_DAYS);
            if (isSlow) {
                boolean delist = "C".equals(cls.get(it.gtin())) && it.units() <= DELIST_MAX_UNITS;
                slow.add(new Slow(it.gtin(), it.name(), it.onHand(), round1(it.units()), cover, it.lastSaleDaysAgo(), delist));
            }
            boolean markedForExpiry = false;
            for (Lot lot : it.nearExpiry()) {
                double expected = round1(it.dailyRate() * Math.max(0, lot.daysToExpiry()));
                if (lot.onShelf() > expected) {
                    double excess = 1 - expected / lot.onShelf();
                    int pct = excess > 0.75 ? 50 : excess > 0.5 ? 30 : excess > 0.25 ? 20 : 10;
                    // goods about to expire are marked down even below cost: what does not sell is lost entirely
                    marks.add(new Markdown(it.gtin(), it.name(), "near_expiry", pct, it.price(), discounted(it.price(), pct),
                            it.cost(), lot.onShelf(), lot.daysToExpiry(), lot.expiresOn(), expected));
                    markedForExpiry = true;
                }
            }
            if (isSlow && !markedForExpiry && it.price() > it.cost()) {
                int pct = cover == null || cover > 2 * SLOW_COVER_DAYS ? 20 : 10;
                long to = Math.max(it.cost(), discounted(it.price(), pct));
                if (to < it.price()) {
                    int real = (int) Math.round(100.0 * (it.price() - to) / it.price());
                    marks.add(new Markdown(it.gtin(), it.name(), "slow_mover", real, it.price(), to, it.cost(), it.onHand(),
                            null, null, round1(it.units())));
                }
            }
        }
        slow.sort(Comparator.comparing((Slow s) -> s.daysOfCover() == null ? Double.MAX_VALUE : s.daysOfCover()).reversed()
                .thenComparing(Slow::gtin));
        marks.sort(Comparator.comparing(Markdown::reason).thenComparing(m -> m.daysToExpiry() == null ? Integer.MAX_VALUE : m.daysToExpiry())
                .thenComparing(Markdown::gtin));
        return new Hints(abc, slow, marks);
    }

    /** Classes by cumulative share of the positive contribution: A up to 80 %, B up to 95 %, the rest C. */
    public static List<Abc> abc(List<Item> items) {
        List<Item> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparingLong(Item::contribution).reversed().thenComparing(Item::gtin));
        long total = 0;
        for (Item it : sorted) total += Math.max(0, it.contribution());
        List<Abc> out = new ArrayList<>();
        long cum = 0;
        for (Item it : sorted) {
            long c = it.contribution();
            double share = total > 0 ? Math.max(0, c) / (double) total : 0;
            double before = total > 0 ? cum / (double) total : 1;
            cum += Math.max(0, c);
            double after = total > 0 ? cum / (double) total : 1;
            String cls = c <= 0 ? "C" : before < A_SHARE ? "A" : before < B_SHARE ? "B" : "C";
            out.add(new Abc(it.gtin(), it.name(), cls, c, round3(share), round3(after)));
        }
        return out;
    }

    static long discounted(long price, int pct) {
        return Math.round(price * (100 - pct) / 100.0);
    }

    static double round1(double v) { return Math.round(v * 10) / 10.0; }
    static double round3(double v) { return Math.round(v * 1000) / 1000.0; }
}
