package com.zhidian.orders.api;

import com.zhidian.core.paging.Page;
import com.zhidian.orders.domain.Order;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shapes of the orders context's answers (docs/openapi.yaml, Order). Money in fen, times ISO-8601 UTC. */
final class Views {
    private Views() {}

    static Map<String, Object> order(Order o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("orderId", o.orderId());
        m.put("number", o.number());
        m.put("storeId", o.storeId());
        m.put("channel", o.channel());
        m.put("fulfilment", o.fulfilment());
        m.put("status", o.status());
        m.put("memberId", o.memberId());
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Order.Line l : o.lines()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("gtin", l.gtin());
            x.put("name", l.name());
            x.put("qty", l.qty());
            x.put("unitPrice", l.unitPrice());
            x.put("discount", l.discount());
            x.put("lineTotal", l.lineTotal());
            x.put("refundedQty", l.refundedQty());
            x.put("refundedAmount", l.refundedAmount());
            weighed(x, l);
            lines.add(x);
        }
        m.put("lines", lines);
        m.put("subtotal", o.subtotal());
        m.put("couponCode", o.couponCode());
        m.put("couponDiscount", o.couponDiscount());
        m.put("pointsUsed", o.pointsUsed());
        m.put("pointsDiscount", o.pointsDiscount());
        m.put("total", o.total());
        m.put("paid", o.paid());
        m.put("refunded", o.refunded());
        List<Map<String, Object>> payments = new ArrayList<>();
        for (Order.Payment p : o.payments()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("paymentId", p.paymentId());
            x.put("method", p.method());
            x.put("amount", p.amount());
            x.put("tendered", p.tendered());
            x.put("change", p.change());
            x.put("status", p.status());
            x.put("providerRef", p.providerRef());
            x.put("clientSecret", "pending".equals(p.status()) ? p.clientSecret() : null);
            x.put("at", p.at().toString());
            payments.add(x);
        }
        m.put("payments", payments);
        List<Map<String, Object>> refunds = new ArrayList<>();
        for (Order.Refund r : o.refunds()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("refundId", r.refundId());
            x.put("lines", r.lines().stream().map(l -> Map.of("gtin", l.gtin(), "qty", l.qty(), "amount", l.amount())).toList());
            x.put("amount", r.amount());
            x.put("reason", r.reason());
            x.put("restock", r.restock());
            x.put("method", r.method());
            x.put("pointsReturned", r.pointsReturned());
            x.put("pointsReversed", r.pointsReversed());
            x.put("couponReturned", r.couponReturned());
            x.put("by", r.by());
            x.put("at", r.at().toString());
            refunds.add(x);
        }
        m.put("refunds", refunds);
        m.put("timeline", o.timeline().stream().map(s -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("status", s.status());
            x.put("at", s.at().toString());
            x.put("actor", s.actor());
            x.put("note", s.note());
            return x;
        }).toList());
        if (o.address() != null) {
            m.put("address", Map.of("name", o.address().name(), "phone", o.address().phone(), "line", o.address().line()));
        } else {
            m.put("address", null);
        }
        m.put("note", o.note());
        m.put("placedAt", o.placedAt().toString());
        m.put("payBy", o.payBy().toString());
        return m;
    }

    /** The public e-receipt (docs/openapi.yaml, Receipt): what the paper slip shows; no member, address or provider data. */
    static Map<String, Object> receipt(Order o, String storeName) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("orderId", o.orderId());
        m.put("number", o.number());
        m.put("storeName", storeName);
        m.put("channel", o.channel());
        m.put("fulfilment", o.fulfilment());
        m.put("status", o.status());
        m.put("placedAt", o.placedAt().toString());
        m.put("lines", o.lines().stream().map(l -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("gtin", l.gtin());
            x.put("name", l.name());
            x.put("qty", l.qty());
            x.put("unitPrice", l.unitPrice());
            x.put("discount", l.discount());
            x.put("lineTotal", l.lineTotal());
            x.put("refundedQty", l.refundedQty());
            x.put("refundedAmount", l.refundedAmount());
            weighed(x, l);
            return x;
        }).toList());
        m.put("subtotal", o.subtotal());
        m.put("couponDiscount", o.couponDiscount());
        m.put("pointsUsed", o.pointsUsed());
        m.put("pointsDiscount", o.pointsDiscount());
        m.put("total", o.total());
        m.put("paid", o.paid());
        m.put("refunded", o.refunded());
        m.put("payments", o.payments().stream().filter(p -> !"pending".equals(p.status()) && !"failed".equals(p.status())).map(p -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("method", p.method());
            x.put("amount", p.amount());
            x.put("tendered", p.tendered());
            x.put("change", p.change());
            x.put("status", p.status());
            x.put("at", p.at().toString());
            return x;
        }).toList());
        return m;
    }

    static Map<String, Object> page(Page<Order> p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("items", p.items().stream().map(Views::order).toList());
        m.put("nextCursor", p.nextCursor());
        return m;
    }

    /** A refund request (docs/openapi.yaml, RefundRequest). */
    static Map<String, Object> refundRequest(com.zhidian.orders.domain.RefundRequest r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("requestId", r.requestId());
        m.put("orderId", r.orderId());
        m.put("orderNumber", r.orderNumber());
        m.put("storeId", r.storeId());
        m.put("memberId", r.memberId());
        m.put("lines", r.lines().stream().map(l -> Map.of("gtin", l.gtin(), "qty", l.qty())).toList());
        m.put("amount", r.amount());
        m.put("reason", r.reason());
        m.put("note", r.note());
        m.put("state", r.state());
        m.put("decidedBy", r.decidedBy());
        m.put("rejectReason", r.rejectReason());
        m.put("refundId", r.refundId());
        m.put("requestedAt", r.requestedAt().toString());
        m.put("decidedAt", r.decidedAt() == null ? null : r.decidedAt().toString());
        return m;
    }

    /**
     * How a line is sold: a weighed line's qty is grams and its unitPrice is per kg; the weight and the price per kg
     * are named too, so a receipt prints "1.235 kg × ¥12.80/kg" without knowing the rule.
     */
    private static void weighed(Map<String, Object> x, Order.Line l) {
        x.put("soldBy", l.weighed() ? "weight" : "piece");
        x.put("weightGrams", l.weighed() ? l.qty() : null);
        x.put("pricePerKg", l.weighed() ? l.unitPrice() : null);
    }
}
