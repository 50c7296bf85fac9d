package com.zhidian.samplestore.year;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Traffic counts and energy that follow the same days as the orders: visitors per hour from the hour's orders and a
 * conversion rate, energy per hour from a base load, opening hours and cooling on hot days.
 */
public final class YearTelemetry {
    /** People counted entering in the hour (never fewer than the hour's orders) and the energy used, in Wh. */
    public record Hour(int store, int day, int hour, int visitors, int orders, long energyWh) {}

    private YearTelemetry() {}

    public static Hour[] hours(SampleYear year, int store, int day, List<YearOrders.Order> orders) {
        SampleYear.Store s = year.stores().get(store);
        SplittableRandom r = Rng.of(year.config().seed(), 6_001, store, day);
        int[] perHour = new int[24];
        for (YearOrders.Order o : orders) if (o.channel() == YearOrders.Channel.POS) perHour[o.at().getHour()]++;
        double[] profile = YearCalendar.hourProfile(s.kind());
        double t = year.calendar().temperature(day);
        double cooling = Math.max(0, t - 24) * 180 + Math.max(0, 8 - t) * 120; // air conditioning, heating
        double fridges = (s.kind() == StoreKind.SUPERMARKET ? 9_000 : 2_600) * (1 + Math.max(0, t - 20) * 0.02);
        Hour[] out = new Hour[24];
        for (int h = 0; h < 24; h++) {
            double conversion = (s.kind() == StoreKind.SUPERMARKET ? 0.55 : 0.38) * (0.9 + 0.2 * r.nextDouble());
            int visitors = profile[h] == 0 ? 0 : Math.max(perHour[h], (int) Math.round(perHour[h] / conversion + r.nextDouble()));
            boolean open = profile[h] > 0;
            double wh = fridges + (open ? (s.kind() == StoreKind.SUPERMARKET ? 14_000 : 3_500) * s.scale() / Math.max(0.5, s.scale()) + cooling * s.scale() : 0);
            out[h] = new Hour(store, day, h, visitors, perHour[h], Math.round(wh * (0.95 + 0.1 * r.nextDouble())));
        }
        return out;
    }
}
