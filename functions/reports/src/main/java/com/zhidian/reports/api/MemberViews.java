package com.zhidian.reports.api;

import com.zhidian.reports.application.MemberReports;
import com.zhidian.reports.domain.MemberMeasures;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The member report as JSON and as CSV (the JSON's row columns in order, a totals line, then the coupon lines). */
final class MemberViews {
    private MemberViews() {}

    static final List<String> COLUMNS = List.of("key", "newMembers", "activeMembers", "repeatMembers", "repeatRate", "memberOrders",
            "pointsIssued", "pointsRedeemed", "pointsExpired", "pointsOtherDebits", "liability", "pendingPoints");
    static final List<String> COUPON_COLUMNS = List.of("templateId", "name", "issued", "redeemed", "redemptionRate");

    static Map<String, Object> json(MemberReports.Report r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("groupBy", r.groupBy());
        m.put("from", r.from().toString());
        m.put("to", r.to().toString());
        if (r.storeId() != null) m.put("storeId", r.storeId());
        m.put("timeZone", r.timeZone());
        List<Object> rows = new ArrayList<>();
        for (MemberReports.Row row : r.rows()) rows.add(row(row, true));
        m.put("rows", rows);
        m.put("totals", row(r.totals(), r.distinctTotals()));
        List<Object> coupons = new ArrayList<>();
        for (MemberReports.CouponLine c : r.coupons()) coupons.add(coupon(c));
        m.put("coupons", coupons);
        m.put("bucketsRead", r.bucketsRead());
        return m;
    }

    static Map<String, Object> row(MemberReports.Row row, boolean distinct) {
        List<Object> cells = cells(row, distinct);
        Map<String, Object> x = new LinkedHashMap<>();
        for (int i = 0; i < COLUMNS.size(); i++) x.put(COLUMNS.get(i), cells.get(i));
        return x;
    }

    static List<Object> cells(MemberReports.Row row, boolean distinct) {
        MemberMeasures m = row.measures();
        return Arrays.asList(row.key(), m.newMembers(), distinct ? m.activeMembers() : null, distinct ? m.repeatMembers() : null,
                distinct ? row.repeatRate() : null, m.memberOrders(), m.pointsIssued(), m.pointsRedeemed(), m.pointsExpired(),
                m.pointsOtherDebits(), row.liability(), row.pending());
    }

    static Map<String, Object> coupon(MemberReports.CouponLine c) {
        List<Object> cells = couponCells(c);
        Map<String, Object> x = new LinkedHashMap<>();
        for (int i = 0; i < COUPON_COLUMNS.size(); i++) x.put(COUPON_COLUMNS.get(i), cells.get(i));
        return x;
    }

    static List<Object> couponCells(MemberReports.CouponLine c) {
        Double rate = c.issued() == null || c.issued() == 0 ? null : Math.round(10000.0 * c.redeemed() / c.issued()) / 10000.0;
        return Arrays.asList(c.templateId(), c.name(), c.issued(), c.redeemed(), rate);
    }

    static String csv(MemberReports.Report r) {
        StringBuilder b = new StringBuilder("\uFEFF");
        line(b, new ArrayList<>(COLUMNS));
        for (MemberReports.Row row : r.rows()) line(b, cells(row, true));
        line(b, cells(r.totals(), r.distinctTotals()));
        if (!r.coupons().isEmpty()) {
            b.append("\r\n");
            line(b, new ArrayList<>(COUPON_COLUMNS));
            for (MemberReports.CouponLine c : r.coupons()) line(b, couponCells(c));
        }
        return b.toString();
    }

    private static void line(StringBuilder b, List<Object> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) b.append(',');
            Object o = cells.get(i);
            if (o != null) b.append(Exports.cell(o));
        }
        b.append("\r\n");
    }
}
