package com.zhidian.purchasing.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.zhidian.core.Json;
import com.zhidian.purchasing.domain.PurchaseOrder;
import com.zhidian.purchasing.domain.Supplier;
import com.zhidian.purchasing.domain.forecast.DemandClass;
import com.zhidian.purchasing.domain.forecast.Forecast;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON documents stored for suppliers' terms, orders' lines and receipts, and forecasts. */
final class Docs {
    private Docs() {}

    private static final TypeReference<List<Map<String, Object>>> LIST = new TypeReference<>() {};
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    static String items(List<Supplier.Item> items) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Supplier.Item i : items) {
            out.add(Map.of("gtin", i.gtin(), "leadTimeDays", i.leadTimeDays(), "casePack", i.casePack(), "minOrder", i.minOrder(),
                    "cost", i.cost()));
        }
        return Json.write(out);
    }

    static List<Supplier.Item> items(String json) {
        List<Supplier.Item> out = new ArrayList<>();
        for (Map<String, Object> m : read(json, LIST)) {
            out.add(new Supplier.Item((String) m.get("gtin"), num(m, "leadTimeDays").intValue(), num(m, "casePack").intValue(),
                    num(m, "minOrder").intValue(), num(m, "cost").longValue()));
        }
        return out;
    }

    static String lines(List<PurchaseOrder.Line> lines) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (PurchaseOrder.Line l : lines) {
            out.add(Map.of("gtin", l.gtin(), "quantity", l.quantity(), "received", l.received(), "cost", l.cost()));
        }
        return Json.write(out);
    }

    static List<PurchaseOrder.Line> lines(String json) {
        List<PurchaseOrder.Line> out = new ArrayList<>();
        for (Map<String, Object> m : read(json, LIST)) {
            out.add(new PurchaseOrder.Line((String) m.get("gtin"), num(m, "quantity").longValue(), num(m, "received").longValue(),
                    num(m, "cost").longValue()));
        }
        return out;
    }

    static String receipts(List<PurchaseOrder.Receipt> receipts) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (PurchaseOrder.Receipt r : receipts) {
            List<Map<String, Object>> ls = new ArrayList<>();
            for (PurchaseOrder.ReceiptLine l : r.lines()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("gtin", l.gtin());
                m.put("quantity", l.quantity());
                m.put("expiresOn", l.expiresOn());
                ls.add(m);
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("receiptId", r.receiptId());
            m.put("lines", ls);
            m.put("closes", r.closes());
            m.put("note", r.note());
            m.put("at", r.at().toEpochMilli());
            m.put("by", r.by());
            out.add(m);
        }
        return Json.write(out);
    }

    @SuppressWarnings("unchecked")
    static List<PurchaseOrder.Receipt> receipts(String json) {
        List<PurchaseOrder.Receipt> out = new ArrayList<>();
        for (Map<String, Object> m : read(json, LIST)) {
            List<PurchaseOrder.ReceiptLine> ls = new ArrayList<>();
            for (Map<String, Object> l : (List<Map<String, Object>>) m.get("lines")) {
                ls.add(new PurchaseOrder.ReceiptLine((String) l.get("gtin"), num(l, "quantity").longValue(), (String) l.get("expiresOn")));
            }
            out.add(new PurchaseOrder.Receipt((String) m.get("receiptId"), ls, Boolean.TRUE.equals(m.get("closes")),
                    (String) m.get("note"), Instant.ofEpochMilli(num(m, "at").longValue()), (String) m.get("by")));
        }
        return out;
    }

    static String forecast(Forecast f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", f.model());
        m.put("demandClass", f.demandClass().name());
        m.put("mase", f.mase());
        m.put("naiveMase", f.naiveMase());
        m.put("holdoutDays", f.holdoutDays());
        m.put("uplifts", f.uplifts());
        m.put("first", f.points().isEmpty() ? null : f.points().get(0).date().toString());
        double[][] cols = new double[6][f.points().size()];
        for (int i = 0; i < f.points().size(); i++) {
            Forecast.Point p = f.points().get(i);
            cols[0][i] = p.expected();
            cols[1][i] = p.lo80();
            cols[2][i] = p.hi80();
            cols[3][i] = p.lo95();
            cols[4][i] = p.hi95();
            cols[5][i] = p.p50();
        }
        m.put("points", cols);
        m.put("sizes", f.sizes());
        return Json.write(m);
    }

    @SuppressWarnings("unchecked")
    static Forecast forecast(String json) {
        Map<String, Object> m = read(json, MAP);
        List<List<Number>> cols = (List<List<Number>>) m.get("points");
        List<Forecast.Point> pts = new ArrayList<>();
        LocalDate first = m.get("first") == null ? null : LocalDate.parse((String) m.get("first"));
        for (int i = 0; i < cols.get(0).size(); i++) {
            double expected = cols.get(0).get(i).doubleValue();
            // a forecast stored before the P50 was kept has five columns: its point was the mean
            double p50 = cols.size() > 5 ? cols.get(5).get(i).doubleValue() : expected;
            pts.add(new Forecast.Point(first.plusDays(i), p50, expected, cols.get(1).get(i).doubleValue(),
                    cols.get(2).get(i).doubleValue(), cols.get(3).get(i).doubleValue(), cols.get(4).get(i).doubleValue()));
        }
        Map<String, Double> up = new LinkedHashMap<>();
        ((Map<String, Number>) m.get("uplifts")).forEach((k, v) -> up.put(k, v.doubleValue()));
        return new Forecast((String) m.get("model"), DemandClass.valueOf((String) m.get("demandClass")), dbl(m.get("mase")),
                dbl(m.get("naiveMase")), num(m, "holdoutDays").intValue(), up, pts,
                m.get("sizes") == null ? null : ((List<Number>) m.get("sizes")).stream().mapToDouble(Number::doubleValue).toArray());
    }

    private static Double dbl(Object o) { return o == null ? null : ((Number) o).doubleValue(); }

    private static Number num(Map<String, Object> m, String k) { return (Number) m.get(k); }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return Json.MAPPER.readValue(json, type);
        } catch (Exception e) {
            throw new IllegalStateException("unreadable purchasing document", e);
        }
    }
}
