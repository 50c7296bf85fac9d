package com.zhidian.purchasing.api;

import com.zhidian.core.http.Language;
import com.zhidian.purchasing.application.AssortmentService;
import com.zhidian.purchasing.application.ForecastService;
import com.zhidian.purchasing.application.PurchaseOrderService;
import com.zhidian.purchasing.application.ReplenishmentService;
import com.zhidian.purchasing.domain.Assortment;
import com.zhidian.purchasing.domain.PurchaseOrder;
import com.zhidian.purchasing.domain.Replenishment;
import com.zhidian.purchasing.domain.Supplier;
import com.zhidian.purchasing.domain.SupplierRepository;
import com.zhidian.purchasing.domain.forecast.Forecast;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The JSON shapes of the purchasing answers. */
final class Views {
    private Views() {}

    static Map<String, Object> forecast(ForecastService.Answer a) {
        Forecast f = a.forecast();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("storeId", a.storeId());
        v.put("gtin", a.gtin());
        v.put("model", f.model());
        v.put("demandClass", f.demandClass().name().toLowerCase());
        v.put("mase", round(f.mase()));
        v.put("naiveMase", round(f.naiveMase()));
        v.put("backtestDays", f.holdoutDays());
        v.put("uplifts", f.uplifts());
        v.put("computedAt", iso(a.computedAt()));
        v.put("points", f.points().stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("date", p.date().toString());
            m.put("p50", round(p.p50()));
            m.put("expected", round(p.expected()));
            m.put("lo80", round(p.lo80()));
            m.put("hi80", round(p.hi80()));
            m.put("lo95", round(p.lo95()));
            m.put("hi95", round(p.hi95()));
            return m;
        }).toList());
        return v;
    }

    static Map<String, Object> supplier(Supplier s) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("supplierId", s.supplierId());
        v.put("name", s.name());
        v.put("email", s.email());
        v.put("phone", s.phone());
        v.put("items", s.items().stream().map(i -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("gtin", i.gtin());
            m.put("leadTimeDays", i.leadTimeDays());
            m.put("casePack", i.casePack());
            m.put("minOrder", i.minOrder());
            m.put("cost", i.cost());
            return m;
        }).toList());
        v.put("createdAt", iso(s.createdAt()));
        v.put("updatedAt", iso(s.updatedAt()));
        return v;
    }

    static Map<String, Object> order(PurchaseOrder po) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("purchaseOrderId", po.purchaseOrderId());
        v.put("supplierId", po.supplierId());
        v.put("storeId", po.storeId());
        v.put("status", po.status());
        v.put("lines", po.lines().stream().map(l -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("gtin", l.gtin());
            m.put("quantity", l.quantity());
            m.put("received", l.received());
            m.put("short", po.shortBy(l));
            m.put("cost", l.cost());
            return m;
        }).toList());
        v.put("total", po.total());
        v.put("receipts", po.receipts().stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("receiptId", r.receiptId());
            m.put("lines", r.lines().stream().map(l -> {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("gtin", l.gtin());
                x.put("quantity", l.quantity());
                x.put("expiresOn", l.expiresOn());
                return x;
            }).toList());
            m.put("closes", r.closes());
            m.put("note", r.note());
            m.put("at", iso(r.at()));
            return m;
        }).toList());
        v.put("note", po.note());
        v.put("sentVia", po.sentVia());
        v.put("createdAt", iso(po.createdAt()));
        v.put("sentAt", iso(po.sentAt()));
        v.put("updatedAt", iso(po.updatedAt()));
        return v;
    }

    static Map<String, Object> sent(PurchaseOrderService.Sent s) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("purchaseOrder", order(s.order()));
        if (s.document() != null) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("filename", s.document().filename());
            d.put("contentType", s.document().contentType());
            d.put("contentBase64", Base64.getEncoder().encodeToString(s.document().content()));
            v.put("document", d);
        } else {
            v.put("document", null);
        }
        v.put("messageId", s.messageId());
        return v;
    }

    static Map<String, Object> replenishment(String storeId, double serviceLevel, List<ReplenishmentService.Row> rows, Language lang) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("storeId", storeId);
        v.put("serviceLevel", serviceLevel);
        v.put("items", rows.stream().map(r -> suggestion(r, lang)).toList());
        return v;
    }

    private static Map<String, Object> suggestion(ReplenishmentService.Row r, Language lang) {
        Replenishment.Suggestion s = r.suggestion();
        Replenishment.Input in = s.input();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("gtin", r.gtin());
        m.put("name", r.name());
        m.put("supplierId", r.supplier().supplierId());
        m.put("supplierName", r.supplier().name());
        m.put("leadTimeDays", in.leadTimeDays());
        m.put("casePack", in.casePack());
        m.put("minOrder", in.minOrder());
        m.put("cost", r.terms().cost());
        m.put("model", r.model());
        m.put("forecastOverLeadTime", round1(in.demandOverLeadTime()));
        m.put("leadTimeQuantile", in.quantileOverLeadTime() == null ? null : round1(in.quantileOverLeadTime()));
        m.put("z", s.z());
        m.put("safetyStock", s.safetyStock());
        m.put("available", in.available());
        m.put("onOrder", in.onOrder());
        m.put("need", s.need());
        m.put("quantity", s.quantity());
        m.put("daysOfCover", s.daysOfCover());
        m.put("stockOutRisk", s.atRisk());
        m.put("reason", reason(s, lang));
        return m;
    }

    static String reason(Replenishment.Suggestion s, Language lang) {
        Replenishment.Input in = s.input();
        double demand = round1(in.demandOverLeadTime());
        Double q = in.quantileOverLeadTime();
        String how = lang == Language.ZH
                ? (q == null ? "，z=" + s.z() : "，交货期需求的 " + pct(in.serviceLevel()) + " 分位数 " + round1(q))
                : (q == null ? ", z=" + s.z() : ", the lead-time demand's " + pct(in.serviceLevel()) + " quantile " + round1(q));
        String base = lang == Language.ZH
                ? "交货期 " + in.leadTimeDays() + " 天预测销量 " + demand + " + 安全库存 " + s.safetyStock() + "（服务水平 "
                        + pct(in.serviceLevel()) + how + "）− 可用库存 " + in.available() + " − 在途 " + in.onOrder()
                        + " = " + s.need()
                : "forecast " + demand + " over the " + in.leadTimeDays() + "-day lead time + safety stock " + s.safetyStock()
                        + " (service level " + pct(in.serviceLevel()) + how + ") − available " + in.available()
                        + " − on order " + in.onOrder() + " = " + s.need();
        String tail;
        if (s.quantity() == 0) {
            tail = lang == Language.ZH ? "；库存充足，无需订货" : "; enough stock, nothing to order";
        } else {
            tail = lang == Language.ZH
                    ? "；按每箱 " + in.casePack() + " 件、最小订量 " + in.minOrder() + " 向上取整为 " + s.quantity()
                    : "; rounded up to cases of " + in.casePack() + " and the minimum order of " + in.minOrder() + ": " + s.quantity();
        }
        String risk = "";
        if (s.atRisk()) {
            risk = lang == Language.ZH
                    ? "。缺货风险：可用库存约可售 " + s.daysOfCover() + " 天，少于交货期 " + in.leadTimeDays() + " 天"
                    : ". Stock-out risk: available stock lasts about " + s.daysOfCover() + " days, less than the "
                            + in.leadTimeDays() + "-day lead time";
        }
        return base + tail + risk;
    }

    static Map<String, Object> assortment(AssortmentService.Answer a, Language lang) {
        Assortment.Hints h = a.hints();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("storeId", a.storeId());
        v.put("from", a.from().toString());
        v.put("to", a.to().toString());
        v.put("abc", h.abc().stream().map(x -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("gtin", x.gtin());
            m.put("name", x.name());
            m.put("class", x.abcClass());
            m.put("contribution", x.contribution());
            m.put("share", x.share());
            m.put("cumulativeShare", x.cumulativeShare());
            m.put("reason", lang == Language.ZH
                    ? "毛利贡献 " + yuan(x.contribution()) + " 元，占 " + pct(x.share()) + "，累计 " + pct(x.cumulativeShare())
                    : "contribution ¥" + yuan(x.contribution()) + ", " + pct(x.share()) + " of the total, cumulative "
                            + pct(x.cumulativeShare()));
            return m;
        }).toList());
        v.put("slowMovers", h.slowMovers().stream().map(x -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("gtin", x.gtin());
            m.put("name", x.name());
            m.put("onHand", x.onHand());
            m.put("unitsSold", x.units());
            m.put("daysOfCover", x.daysOfCover());
            m.put("lastSaleDaysAgo", x.lastSaleDaysAgo());
            m.put("delistCandidate", x.delist());
            m.put("reason", slowReason(x, lang));
            return m;
        }).toList());
        v.put("markdowns", h.markdowns().stream().map(x -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("gtin", x.gtin());
            m.put("name", x.name());
            m.put("kind", x.reason());
            m.put("percent", x.percent());
            m.put("price", x.price());
            m.put("suggestedPrice", x.suggestedPrice());
            m.put("cost", x.cost());
            m.put("units", x.units());
            m.put("expiresOn", x.expiresOn());
            m.put("daysToExpiry", x.daysToExpiry());
            m.put("expectedToSell", x.expectedToSell());
            m.put("reason", markdownReason(x, lang));
            return m;
        }).toList());
        return v;
    }

    private static String slowReason(Assortment.Slow x, Language lang) {
        String sold = x.lastSaleDaysAgo() == null
                ? (lang == Language.ZH ? Assortment.WINDOW_DAYS + " 天内没有销售" : "no sale in " + Assortment.WINDOW_DAYS + " days")
                : (lang == Language.ZH ? Assortment.WINDOW_DAYS + " 天售出 " + x.units() + "，最近一次在 " + x.lastSaleDaysAgo() + " 天前"
                        : x.units() + " sold in " + Assortment.WINDOW_DAYS + " days, the last " + x.lastSaleDaysAgo() + " days ago");
        String cover = x.daysOfCover() == null ? "" : lang == Language.ZH ? "；库存 " + x.onHand() + " 够卖 " + x.daysOfCover() + " 天"
                : "; " + x.onHand() + " on hand last " + x.daysOfCover() + " days";
        String delist = !x.delist() ? "" : lang == Language.ZH ? "；C 类且几乎不动销，建议考虑下架" : "; class C and hardly selling: consider delisting";
        return sold + cover + delist;
    }

    private static String markdownReason(Assortment.Markdown x, Language lang) {
        if ("near_expiry".equals(x.reason())) {
            return lang == Language.ZH
                    ? x.units() + " 件将于 " + x.expiresOn() + "（" + x.daysToExpiry() + " 天后）到期，按当前销量到期前约售出 " + x.expectedToSell()
                            + "，建议降价 " + x.percent() + "% 至 " + yuan(x.suggestedPrice()) + " 元"
                    : x.units() + " expire on " + x.expiresOn() + " (in " + x.daysToExpiry() + " days); at the current rate about "
                            + x.expectedToSell() + " sell before then: mark down " + x.percent() + "% to ¥" + yuan(x.suggestedPrice());
        }
        return lang == Language.ZH
                ? "滞销：" + Assortment.WINDOW_DAYS + " 天仅售 " + x.expectedToSell() + "，库存 " + x.units() + "；建议降价 " + x.percent() + "% 至 "
                        + yuan(x.suggestedPrice()) + " 元（不低于成本 " + yuan(x.cost()) + " 元）"
                : "slow mover: " + x.expectedToSell() + " sold in " + Assortment.WINDOW_DAYS + " days, " + x.units() + " on hand; mark down "
                        + x.percent() + "% to ¥" + yuan(x.suggestedPrice()) + " (not below the cost of ¥" + yuan(x.cost()) + ")";
    }

    static <T> Map<String, Object> page(SupplierRepository.Page<T> p, Function<T, Map<String, Object>> view) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("items", p.items().stream().map(view).toList());
        v.put("nextCursor", p.nextCursor());
        return v;
    }

    static String iso(Instant i) { return i == null ? null : i.toString(); }

    static Double round(Double d) { return d == null ? null : Math.round(d * 100) / 100.0; }

    static double round1(double d) { return Math.round(d * 10) / 10.0; }

    static String pct(double share) {
        double p = Math.round(share * 1000) / 10.0;
        return (p == Math.rint(p) ? String.valueOf((long) p) : String.valueOf(p)) + "%";
    }

    static String yuan(long fen) { return java.math.BigDecimal.valueOf(fen, 2).toPlainString(); }
}
