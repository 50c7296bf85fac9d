package com.zhidian.samplestore.year;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The sample tenant's year, pure and seeded: products, members, stores, promotions, coupons, and per store × product
 * × day demand, from which {@link YearOrders} draws the orders, {@link YearStock} the goods receipts and
 * {@link YearTelemetry} traffic and energy. The same seed and configuration give the same year, and any single
 * series ({@link #dailyDemand}) can be drawn without the rest.
 */
public final class SampleYear {
    /** Hold-out for forecast backtests: the last this many whole weeks of the year. */
    public static final int HOLD_OUT_WEEKS = 8;

    public record Config(long seed, LocalDate start, int days, int products, int members, List<Store> stores) {
        public Config {
            if (days < 14 || products < 1 || members < 1 || stores.isEmpty()) throw new IllegalArgumentException("too small");
            stores = List.copyOf(stores);
        }

        /** The full year: 300 products, 3,000 members, a convenience store, the sample store and a supermarket. */
        public static Config full(long seed, LocalDate start) {
            return new Config(seed, start, 364, 300, 3000, List.of(
                    new Store("sample-0", StoreKind.CONVENIENCE, 1.0), new Store("sample-1", StoreKind.CONVENIENCE, 0.7),
                    new Store("sample-market", StoreKind.SUPERMARKET, 2.5)));
        }

        /** For tests: four weeks, 40 products, 50 members, one small store. */
        public static Config small(long seed, LocalDate start) {
            return new Config(seed, start, 28, 40, 50, List.of(new Store("sample-0", StoreKind.CONVENIENCE, 0.25)));
        }
    }

    /** A store of the year; {@code scale} multiplies every product's demand. */
    public record Store(String key, StoreKind kind, double scale) {}

    public record Member(int index, String phone, String name, LocalDate joined) {}

    /** A price cut on one product in all stores, with the demand uplift it causes. */
    public record Promotion(String gtin, int fromDay, int toDay, long promoPrice, double uplift) {
        public boolean covers(int day) { return day >= fromDay && day <= toDay; }
    }

    /** 满减 coupon: {@code discount} fen off a basket of at least {@code threshold} fen. */
    public record CouponTemplate(String key, String nameZh, String nameEn, long threshold, long discount) {}

    public static final List<CouponTemplate> COUPONS = List.of(
            new CouponTemplate("full-30-5", "满30减5", "5 off 30", 3000, 500),
            new CouponTemplate("full-60-12", "满60减12", "12 off 60", 6000, 1200),
            new CouponTemplate("full-100-25", "满100减25", "25 off 100", 10000, 2500));

    private final Config config;
    private final YearCalendar calendar;
    private final List<YearProduct> products;
    private final Map<String, Integer> indexOf = new HashMap<>();
    private final List<Member> members;
    private final List<Promotion> promotions;
    private final Map<String, List<Promotion>> promotionsByGtin = new HashMap<>();

    public SampleYear(Config config) {
        this.config = config;
        this.calendar = new YearCalendar(config.seed(), config.start(), config.days());
        this.products = Products.generate(config.seed(), config.products());
        for (int i = 0; i < products.size(); i++) indexOf.put(products.get(i).gtin(), i);
        this.members = generateMembers();
        this.promotions = generatePromotions();
        for (Promotion p : promotions) promotionsByGtin.computeIfAbsent(p.gtin(), g -> new ArrayList<>()).add(p);
    }

    public Config config() { return config; }
    public YearCalendar calendar() { return calendar; }
    public List<YearProduct> products() { return products; }
    public List<Member> members() { return members; }
    public List<Promotion> promotions() { return promotions; }
    public List<Store> stores() { return config.stores(); }
    public int days() { return config.days(); }
    public LocalDate date(int day) { return calendar.date(day); }

    public YearProduct product(String gtin) {
        Integer i = indexOf.get(gtin);
        if (i == null) throw new IllegalArgumentException("not in the sample year: " + gtin);
        return products.get(i);
    }

    /** First day of the hold-out weeks; days before it are the training history. */
    public int holdOutFrom() { return config.days() - HOLD_OUT_WEEKS * 7; }

    public Promotion promotionOn(String gtin, int day) {
        for (Promotion p : promotionsByGtin.getOrDefault(gtin, List.of())) if (p.covers(day)) return p;
        return null;
    }

    /** Shelf price on the day (the promotion price while one runs). */
    public long priceOn(String gtin, int day) {
        Promotion p = promotionOn(gtin, day);
        return p != null ? p.promoPrice() : product(gtin).price();
    }

    /** Expected quantity (pieces, or grams for weighed goods) before the draw: every effect, no noise. */
    public double expectedDemand(int store, String gtin, int day) {
        YearProduct p = product(gtin);
        Store s = config.stores().get(store);
        double m = p.baseDaily() * s.scale() * calendar.storeFactor(s.kind(), day);
        double t = calendar.temperature(day);
        if (p.heat() > 0) m *= Math.max(0.25, 1 + p.heat() * 0.045 * (t - 22)) * (calendar.hot(day) ? 1 + 0.25 * p.heat() : 1);
        int sf = calendar.daysFromSpringFestival(day);
        if (sf >= -20 && sf < -1) m *= 1 + p.festival() * (1 - (-sf - 2) / 19.0); // rising towards the festival
        String event = calendar.event(day);
        if ("SIX_EIGHTEEN".equals(event) || "DOUBLE_ELEVEN".equals(event)) m *= 1 + 0.6 * p.online();
        int month = calendar.date(day).getMonthValue();
        if (p.category().startsWith("生鲜果蔬/水果")) m *= month >= 6 && month <= 9 ? 1.3 : 0.9;
        if (p.category().startsWith("冷冻食品/速冻") && (month == 12 || month <= 2)) m *= 1.5;
        Promotion promo = promotionOn(gtin, day);
        if (promo != null) m *= promo.uplift();
        m *= 1 + 0.08 * day / Math.max(1, config.days()); // a young store's slow growth
        return m;
    }

    /** The day's demand drawn from the seed: pieces, or grams for weighed goods, one entry per purchase. */
    public int[] purchases(int store, String gtin, int day) {
        YearProduct p = product(gtin);
        SplittableRandom r = Rng.of(config.seed(), 2_001, store, indexOf.get(gtin), day);
        double mean = expectedDemand(store, gtin, day);
        if (p.weighed()) {
            int n = Rng.poisson(r, mean / 650.0);
            int[] grams = new int[n];
            for (int i = 0; i < n; i++) grams[i] = 5 * (40 + r.nextInt(220));
            return grams;
        }
        int units;
        if (p.pattern() == YearProduct.Pattern.INTERMITTENT) {
            units = r.nextDouble() < p.intermittency() ? 1 + Rng.poisson(r, mean / p.intermittency() * 0.6) : 0;
        } else {
            units = Rng.poisson(r, mean);
        }
        // each purchase one piece, sometimes a few (a six of beer, two of milk)
        List<Integer> out = new ArrayList<>();
        while (units > 0) {
            int q = units > 1 && r.nextDouble() < 0.18 ? Math.min(units, 2 + r.nextInt(4)) : 1;
            out.add(q);
            units -= q;
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Quantity sold on the day (sum of {@link #purchases}). */
    public long demand(int store, String gtin, int day) {
        long s = 0;
        for (int q : purchases(store, gtin, day)) s += q;
        return s;
    }

    /** The whole daily series of one product in one store, day 0 first: what the orders of the year add up to. */
    public long[] dailyDemand(int store, String gtin) {
        long[] out = new long[config.days()];
        for (int d = 0; d < out.length; d++) out[d] = demand(store, gtin, d);
        return out;
    }

    private List<Member> generateMembers() {
        SplittableRandom r = Rng.of(config.seed(), 3_001);
        String[] surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗".split("");
        String[] given = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红".split("");
        String[] mobile = {"138", "139", "136", "150", "151", "158", "186", "187", "135", "177", "199"};
        List<Member> out = new ArrayList<>();
        for (int i = 0; i < config.members(); i++) {
            String phone = mobile[r.nextInt(mobile.length)] + String.format("%04d%04d", 1000 + i % 9000, r.nextInt(10000));
            String name = surnames[r.nextInt(surnames.length)] + given[r.nextInt(given.length)] + (r.nextBoolean() ? given[r.nextInt(given.length)] : "");
            // most joined in the 400 days before the year, the rest during it (or at their first purchase, if earlier)
            out.add(new Member(i, phone, name, config.start().minusDays(400).plusDays(r.nextInt(400 + config.days()))));
        }
        return List.copyOf(out);
    }

    private List<Promotion> generatePromotions() {
        List<Promotion> out = new ArrayList<>();
        for (int i = 0; i < products.size(); i++) {
            YearProduct p = products.get(i);
            if (p.pattern() != YearProduct.Pattern.REGULAR || p.weighed()) continue;
            SplittableRandom r = Rng.of(config.seed(), 4_001, i);
            int n = r.nextInt(4);
            for (int k = 0; k < n; k++) {
                int from = r.nextInt(Math.max(1, config.days() - 10));
                int length = 3 + r.nextInt(8);
                double cut = 0.7 + 0.15 * r.nextDouble();
                long promoPrice = Math.max(10, Math.round(p.price() * cut / 10.0) * 10);
                if (promoPrice <= p.cost()) promoPrice = p.price();
                if (promoPrice >= p.price()) continue;        // a promotion lowers the price (the catalog refuses others)
                double uplift = 1 + 2.2 * (1 - (double) promoPrice / p.price()) * (0.8 + 0.4 * r.nextDouble());
                Promotion candidate = new Promotion(p.gtin(), from, Math.min(config.days() - 1, from + length - 1), promoPrice, uplift);
                if (out.stream().noneMatch(o -> o.gtin().equals(p.gtin()) && o.fromDay() <= candidate.toDay() && candidate.fromDay() <= o.toDay()))
                    out.add(candidate);
            }
        }
        return List.copyOf(out);
    }
}
