package com.zhidian.reports.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a sales report reads its buckets and folds them into rows: which grain and dimension each {@code groupBy} reads,
 * the row key of a bucket, the empty periods a time report shows as zeros, and the longest range each allows.
 */
public final class SalesGrouping {
    private SalesGrouping() {}

    public static final List<String> GROUP_BYS = List.of("hour", "day", "week", "month", "category", "channel", "store", "product", "staff");
    /** The longest range of an hourly report, and of every other one (days, both ends included). */
    public static final long MAX_HOUR_DAYS = 31, MAX_DAYS = 366;

    public record Plan(String groupBy, String grain, String dimension, LocalDate from, LocalDate to) {
        public String fromPeriod() { return Bucket.HOUR.equals(grain) ? Rollup.DAY.format(from) + "T00" : Rollup.DAY.format(from); }
        public String toPeriod() { return Bucket.HOUR.equals(grain) ? Rollup.DAY.format(to) + "T23" : Rollup.DAY.format(to); }
        public boolean byTime() { return List.of("hour", "day", "week", "month").contains(groupBy); }
    }

    public record Row(String key, Measures measures) {}

    public static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value, DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new ReportsErrors.BadDate(field, String.valueOf(value));
        }
    }

    public static Plan plan(String groupBy, LocalDate from, LocalDate to) {
        if (!GROUP_BYS.contains(groupBy)) throw new ReportsErrors.UnknownGroupBy(groupBy, String.join("|", GROUP_BYS));
        if (from.isAfter(to)) throw new ReportsErrors.BadRange(from.toString(), to.toString());
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        long max = "hour".equals(groupBy) ? MAX_HOUR_DAYS : MAX_DAYS;
        if (days > max) throw new ReportsErrors.RangeTooLong(days, max, groupBy);
        return switch (groupBy) {
            case "hour" -> new Plan(groupBy, Bucket.HOUR, Bucket.TOTAL, from, to);
            case "day", "week", "month", "store" -> new Plan(groupBy, Bucket.DAY, Bucket.TOTAL, from, to);
            default -> new Plan(groupBy, Bucket.DAY, groupBy, from, to);
        };
    }

    /** The row a bucket of {@code storeId} adds to. */
    public static String key(Plan p, String storeId, BucketRepository.Row b) {
        return switch (p.groupBy()) {
            case "hour", "day" -> b.period();
            case "week" -> week(LocalDate.parse(b.period()));
            case "month" -> b.period().substring(0, 7);
            case "store" -> storeId;
            default -> b.value();
        };
    }

    public static String week(LocalDate d) {
        return String.format("%d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** The rows a time report shows even when nothing sold, in order. */
    public static List<String> emptyKeys(Plan p) {
        List<String> keys = new ArrayList<>();
        for (LocalDate d = p.from(); !d.isAfter(p.to()); d = d.plusDays(1)) {
            switch (p.groupBy()) {
                case "hour" -> { for (int h = 0; h < 24; h++) keys.add(Rollup.DAY.format(d) + String.format("T%02d", h)); }
                case "day" -> keys.add(Rollup.DAY.format(d));
                case "week" -> { if (keys.isEmpty() || !keys.get(keys.size() - 1).equals(week(d))) keys.add(week(d)); }
                case "month" -> { String m = Rollup.DAY.format(d).substring(0, 7); if (!keys.contains(m)) keys.add(m); }
                default -> { return keys; }
            }
        }
        return keys;
    }

    /** Folds buckets (per store) into the report's rows: time rows in order with zeros, other rows by net, largest first. */
    public static List<Row> fold(Plan p, Map<String, List<BucketRepository.Row>> bucketsByStore) {
        Map<String, Measures> rows = new LinkedHashMap<>();
        for (String k : emptyKeys(p)) rows.put(k, Measures.ZERO);
        for (var e : bucketsByStore.entrySet()) {
            if ("store".equals(p.groupBy())) rows.putIfAbsent(e.getKey(), Measures.ZERO);
            for (BucketRepository.Row b : e.getValue()) rows.merge(key(p, e.getKey(), b), b.measures(), Measures::plus);
        }
        List<Row> out = new ArrayList<>();
        rows.forEach((k, m) -> out.add(new Row(k, m)));
        if (!p.byTime()) out.sort(Comparator.comparingLong((Row r) -> -r.measures().net()).thenComparing(Row::key));
        return out;
    }

    public static Measures total(List<Row> rows) {
        Measures t = Measures.ZERO;
        for (Row r : rows) t = t.plus(r.measures());
        return t;
    }
}
