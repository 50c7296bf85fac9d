package com.zhidian.purchasing.application;

import com.zhidian.purchasing.domain.DemandHistory;
import com.zhidian.purchasing.domain.ForecastRepository;
import com.zhidian.purchasing.domain.PurchasingErrors;
import com.zhidian.purchasing.domain.StockView;
import com.zhidian.purchasing.domain.forecast.DemandSeries;
import com.zhidian.purchasing.domain.forecast.Forecast;
import com.zhidian.purchasing.domain.forecast.Forecaster;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Daily forecasts per store × product. The nightly job stores one per product with stock in the store; a
 * request reads the stored one when it was made today (tenant's day) for at least the days asked, and
 * otherwise computes it from the last {@link #HISTORY_DAYS} days up to yesterday, stores it and answers it. Days of
 * the product's promotion prices (from the catalog's price history, past and planned) carry the tag "promotion", so
 * the promotion's uplift is learned from the item's past promotions and applied to a planned one.
 */
public final class ForecastService {
    public static final int HISTORY_DAYS = 365;
    /** The nightly job stores this many days, enough for any lead time and the portal's chart. */
    public static final int STORED_DAYS = 60;
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final DemandHistory history;
    private final ForecastRepository forecasts;
    private final StockView stock;
    private final Clock clock;

    public ForecastService(DemandHistory history, ForecastRepository forecasts, StockView stock, Clock clock) {
        this.history = history;
        this.forecasts = forecasts;
        this.stock = stock;
        this.clock = clock;
    }

    public record Answer(String storeId, String gtin, Forecast forecast, java.time.Instant computedAt, LocalDate historyFrom,
                         LocalDate historyTo) {}

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    public Answer forecast(String tenantId, String storeId, String gtin, int days) {
        if (!stock.storeExists(tenantId, storeId)) throw new PurchasingErrors.StoreNotFound(storeId);
        if (stock.product(tenantId, gtin) == null) throw new PurchasingErrors.ProductNotFound(gtin);
        return forecastKnown(tenantId, storeId, gtin, days);
    }

    /** For a store and product already checked (replenishment, assortment). */
    Answer forecastKnown(String tenantId, String storeId, String gtin, int days) {
        LocalDate today = today();
        var stored = forecasts.get(tenantId, storeId, gtin);
        if (stored.isPresent()) {
            Forecast f = stored.get().forecast();
            if (!f.points().isEmpty() && f.points().get(0).date().equals(today) && f.points().size() >= days) {
                return new Answer(storeId, gtin, trim(f, days), stored.get().computedAt(), today.minusDays(HISTORY_DAYS), today);
            }
        }
        Forecast f = compute(tenantId, storeId, gtin, Math.max(days, STORED_DAYS));
        java.time.Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        forecasts.save(tenantId, storeId, gtin, f, now);
        return new Answer(storeId, gtin, trim(f, days), now, today.minusDays(HISTORY_DAYS), today);
    }

    Forecast compute(String tenantId, String storeId, String gtin, int days) {
        LocalDate today = today();
        LocalDate from = today.minusDays(HISTORY_DAYS);
        DemandSeries s = history.daily(tenantId, storeId, gtin, from, today);
        List<StockView.Promotion> promos = stock.promotions(tenantId, storeId, gtin);
        String[] future = com.zhidian.purchasing.domain.forecast.EventCalendar.tags(today, days);
        if (!promos.isEmpty()) {
            s = new DemandSeries(s.first(), s.units(), withPromotions(s.events(), s.first(), promos));
            future = withPromotions(future, today, promos);
        }
        return Forecaster.forecast(trimLeadingZeros(s), days, future);
    }

    /** The tag "promotion" on every tenant day a promotion price was (or is planned to be) in force for part of. */
    static String[] withPromotions(String[] tags, LocalDate first, List<StockView.Promotion> promos) {
        String[] out = tags.clone();
        for (StockView.Promotion p : promos) {
            if (!p.to().isAfter(p.from())) continue;
            LocalDate a = LocalDate.ofInstant(p.from(), ZONE);
            LocalDate b = LocalDate.ofInstant(p.to().minusMillis(1), ZONE);
            for (LocalDate d = a; !d.isAfter(b); d = d.plusDays(1)) {
                long i = java.time.temporal.ChronoUnit.DAYS.between(first, d);
                if (i >= 0 && i < out.length) out[(int) i] = "promotion";
            }
        }
        return out;
    }

    /** Days before a product's first sale are not demand of zero: the history starts at its first sale. */
    static DemandSeries trimLeadingZeros(DemandSeries s) {
        double[] u = s.units();
        int first = 0;
        while (first < u.length && u[first] == 0) first++;
        if (first == u.length || first == 0) return s;
        return new DemandSeries(s.first().plusDays(first), java.util.Arrays.copyOfRange(u, first, u.length),
                java.util.Arrays.copyOfRange(s.events(), first, u.length));
    }

    /** The nightly refresh of one store: every product with stock there; answers how many were stored. */
    public int refreshStore(String tenantId, String storeId) {
        int n = 0;
        for (StockView.Level l : stock.levels(tenantId, storeId)) {
            forecasts.save(tenantId, storeId, l.gtin(), compute(tenantId, storeId, l.gtin(), STORED_DAYS), clock.instant());
            n++;
        }
        return n;
    }

    private static Forecast trim(Forecast f, int days) {
        if (f.points().size() == days) return f;
        List<Forecast.Point> pts = f.points().subList(0, days);
        return new Forecast(f.model(), f.demandClass(), f.mase(), f.naiveMase(), f.holdoutDays(), f.uplifts(), List.copyOf(pts), f.sizes());
    }
}
