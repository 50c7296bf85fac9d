package com.zhidian.samplestore.year;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Goods receipts of the year for one store and product: delivered in the morning in whole cases whenever the day's
 * sales would otherwise take the stock below a few days' cover, each lot with its expiry date. The stock before
 * sales always covers the day's demand, so it never goes negative.
 */
public final class YearStock {
    /** Delivered before opening on {@code day}; quantity in pieces (grams for weighed goods). */
    public record Receipt(int store, String gtin, int day, long quantity, long cost, LocalDate expiresOn, String reference) {}

    private YearStock() {}

    public static List<Receipt> receipts(SampleYear year, int store, String gtin) {
        YearProduct p = year.product(gtin);
        long[] demand = year.dailyDemand(store, gtin);
        long pack = p.weighed() ? 5_000L * p.casePack() / 10 : p.casePack(); // a crate of fruit: 5 kg
        double mean = 0;
        for (long d : demand) mean += d;
        mean /= demand.length;
        long cover = (long) Math.ceil(mean * Math.min(7, Math.max(1, p.shelfLifeDays() / 3.0)));
        List<Receipt> out = new ArrayList<>();
        long stock = 0;
        for (int day = 0; day < demand.length; day++) {
            if (stock - demand[day] < cover || stock < demand[day]) {
                long need = Math.max(demand[day] - stock, 0) + cover;
                long cases = Math.max(1, (need + pack - 1) / pack);
                long qty = cases * pack;
                out.add(new Receipt(store, gtin, day, qty, p.cost(), year.date(day).plusDays(p.shelfLifeDays()),
                        "SY-DN-" + store + "-" + day));
                stock += qty;
            }
            stock -= demand[day];
        }
        return List.copyOf(out);
    }

    /** Stock at the end of each day (after that day's receipts and sales). */
    public static long[] closingStock(SampleYear year, int store, String gtin) {
        long[] demand = year.dailyDemand(store, gtin);
        long[] close = new long[demand.length];
        List<Receipt> receipts = receipts(year, store, gtin);
        int next = 0;
        long stock = 0;
        for (int day = 0; day < demand.length; day++) {
            while (next < receipts.size() && receipts.get(next).day() == day) stock += receipts.get(next++).quantity();
            stock -= demand[day];
            close[day] = stock;
        }
        return close;
    }
}
