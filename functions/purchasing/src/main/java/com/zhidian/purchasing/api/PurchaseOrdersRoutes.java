package com.zhidian.purchasing.api;

import static com.zhidian.core.auth.Role.OWNER;
import static com.zhidian.core.auth.Role.STAFF;

import com.zhidian.core.http.Fields;
import com.zhidian.core.http.Request;
import com.zhidian.core.http.Response;
import com.zhidian.core.http.Routes;
import com.zhidian.purchasing.application.PurchaseOrderService;
import com.zhidian.purchasing.domain.PurchaseOrder;
import com.zhidian.purchasing.domain.PurchasingErrors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Purchase orders of the stores the caller sees: drafted, edited, sent, received, cancelled. */
final class PurchaseOrdersRoutes {
    static final Set<String> LINE = Set.of("gtin", "quantity");
    static final Set<String> RECEIPT_LINE = Set.of("gtin", "quantity", "expiresOn");

    private final PurchaseOrderService orders;

    PurchaseOrdersRoutes(PurchaseOrderService orders) { this.orders = orders; }

    Routes declare(Routes routes) {
        return routes
                .on("POST /purchase-orders", Set.of(OWNER, STAFF), this::create)
                .on("GET /purchase-orders", Set.of(OWNER, STAFF), r -> Response.ok(Views.page(orders.list(r.caller().tenantId(),
                        Inputs.optionalStoreId(r), status(r), r.limit(), r.query("cursor")), Views::order)))
                .on("GET /purchase-orders/{purchaseOrderId}", Set.of(OWNER, STAFF), r -> Response.ok(Views.order(visible(r))))
                .on("PUT /purchase-orders/{purchaseOrderId}", Set.of(OWNER, STAFF), this::edit)
                .on("POST /purchase-orders/{purchaseOrderId}/send", Set.of(OWNER, STAFF), this::send)
                .on("POST /purchase-orders/{purchaseOrderId}/cancel", Set.of(OWNER, STAFF), r -> Response.ok(
                        Views.order(orders.cancel(r.caller().tenantId(), visible(r).purchaseOrderId()))))
                .on("POST /purchase-orders/{purchaseOrderId}/receipts", Set.of(OWNER, STAFF), this::receive);
    }

    private Response create(Request r) {
        Fields f = r.fields("supplierId", "storeId", "lines", "note");
        String supplierId = f.requiredMatching("supplierId", Inputs.ID, "is not a supplier id");
        String storeId = f.requiredMatching("storeId", Inputs.ID, "is not a store id");
        Map<String, Long> lines = lines(f);
        String note = f.optionalString("note", 1, 500);
        f.check();
        r.caller().requireStore(storeId);
        PurchaseOrder po = orders.create(r.caller().tenantId(), supplierId, storeId, lines, note);
        return Response.created(Views.order(po)).header("Location", "/purchase-orders/" + po.purchaseOrderId());
    }

    private Response edit(Request r) {
        PurchaseOrder po = visible(r);
        Fields f = r.fields("lines", "note");
        Map<String, Long> lines = lines(f);
        String note = f.optionalString("note", 1, 500);
        f.check();
        return Response.ok(Views.order(orders.editLines(r.caller().tenantId(), po.purchaseOrderId(), lines, note)));
    }

    private Response send(Request r) {
        PurchaseOrder po = visible(r);
        Fields f = r.fields("via");
        String via = f.requiredEnum("via", PurchaseOrderService.VIA);
        f.check();
        return Response.ok(Views.sent(orders.send(r.caller().tenantId(), po.purchaseOrderId(), via)));
    }

    private Response receive(Request r) {
        PurchaseOrder po = visible(r);
        Fields f = r.fields("lines", "closes", "note");
        List<PurchaseOrder.ReceiptLine> lines = new ArrayList<>();
        for (Fields l : f.requiredObjects("lines", 1, 500, RECEIPT_LINE)) {
            String gtin = Inputs.gtin(l, "gtin");
            Long q = l.requiredLong("quantity", 0, 1_000_000);
            String expires = l.optionalMatching("expiresOn", Inputs.DAY, "must be a date such as 2026-12-31");
            if (expires != null && !validDay(expires)) l.reject("expiresOn", Fields.INVALID_FORMAT, "is not a calendar date");
            if (gtin != null && q != null) lines.add(new PurchaseOrder.ReceiptLine(gtin, q, expires));
        }
        Boolean closes = f.optionalBoolean("closes");
        String note = f.optionalString("note", 1, 500);
        f.check();
        return Response.created(Views.order(orders.receive(r.caller().tenantId(), po.purchaseOrderId(), lines,
                Boolean.TRUE.equals(closes), note, r.caller().sub())));
    }

    /** The order, when the caller may see its store; another tenant's or another store's is 404. */
    private PurchaseOrder visible(Request r) {
        PurchaseOrder po = orders.get(r.caller().tenantId(), r.pathId("purchaseOrderId"));
        try {
            r.caller().requireStore(po.storeId());
        } catch (RuntimeException e) {
            throw new PurchasingErrors.PurchaseOrderNotFound(po.purchaseOrderId());
        }
        return po;
    }

    private static Map<String, Long> lines(Fields f) {
        Map<String, Long> lines = new LinkedHashMap<>();
        List<Fields> ls = f.requiredObjects("lines", 1, 500, LINE);
        for (Fields l : ls) {
            String gtin = Inputs.gtin(l, "gtin");
            Long q = l.requiredLong("quantity", 1, 1_000_000);
            if (gtin != null && lines.containsKey(gtin)) l.reject("gtin", "duplicate", "appears twice in lines");
            else if (gtin != null && q != null) lines.put(gtin, q);
        }
        return lines;
    }

    private static boolean validDay(String s) {
        try {
            java.time.LocalDate.parse(s);
            return true;
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    private static String status(Request r) {
        String s = r.query("status");
        if (s == null || s.isEmpty()) return null;
        if (!PurchaseOrder.STATES.contains(s)) {
            throw Inputs.bad("status", Fields.NOT_IN_LIST, "must be one of draft, sent, partially_received, received, cancelled");
        }
        return s;
    }
}
