package com.zhidian.reports.api;

import com.zhidian.reports.application.SalesReports;
import com.zhidian.reports.domain.Measures;
import com.zhidian.reports.domain.SalesGrouping;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shapes of the reports' answers. */
final class Views {
    private Views() {}

    /** The columns of a sales row, in the order of the JSON, the CSV and the XLSX. */
    static final List<String> SALES_COLUMNS = List.of("key", "label", "orders", "units", "gross", "discounts", "refunds", "net");

    static Map<String, Object> sales(SalesReports.Report r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("groupBy", r.groupBy());
        m.put("from", r.from().toString());
        m.put("to", r.to().toString());
        if (r.storeId() != null) m.put("storeId", r.storeId());
        m.put("timeZone", r.timeZone());
        m.put("currency", "CNY");
        List<Object> rows = new ArrayList<>();
        for (SalesGrouping.Row row : r.rows()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("key", row.key());
            if (r.labels().containsKey(row.key())) x.put("label", r.labels().get(row.key()));
            x.putAll(measures(row.measures()));
            rows.add(x);
        }
        m.put("rows", rows);
        m.put("totals", measures(r.totals()));
        m.put("bucketsRead", r.bucketsRead());
        return m;
    }

    static Map<String, Object> measures(Measures x) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("orders", x.orders());
        m.put("units", x.units());
        m.put("gross", x.gross());
        m.put("discounts", x.discounts());
        m.put("refunds", x.refunds());
        m.put("net", x.net());
        return m;
    }

    static List<Object> cells(SalesGrouping.Row r, Map<String, String> labels) {
        Measures x = r.measures();
        return List.of(r.key(), labels.getOrDefault(r.key(), ""), x.orders(), x.units(), x.gross(), x.discounts(), x.refunds(), x.net());
    }
}
