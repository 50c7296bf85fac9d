package com.zhidian.purchasing.domain;

import static com.zhidian.purchasing.domain.PurchaseOrder.CANCELLED;
import static com.zhidian.purchasing.domain.PurchaseOrder.DRAFT;
import static com.zhidian.purchasing.domain.PurchaseOrder.PARTIALLY_RECEIVED;
import static com.zhidian.purchasing.domain.PurchaseOrder.RECEIVED;
import static com.zhidian.purchasing.domain.PurchaseOrder.SENT;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * draft → sent → partially_received → received, and draft | sent (nothing received yet) → cancelled. A receipt
 * that closes the order makes it received with whatever is still outstanding recorded as short.
 */
public final class PurchaseOrderRules {
    private PurchaseOrderRules() {}

    /** Lines with the supplier's cost, merged by product, in the order given. */
    public static List<PurchaseOrder.Line> lines(Supplier s, Map<String, Long> quantities) {
        List<PurchaseOrder.Line> out = new ArrayList<>();
        quantities.forEach((gtin, q) -> {
            Supplier.Item item = s.item(gtin).orElseThrow(() -> new PurchasingErrors.NotSupplied(s.supplierId(), gtin));
            out.add(new PurchaseOrder.Line(gtin, q, 0, item.cost()));
        });
        return out;
    }

    public static PurchaseOrder editLines(PurchaseOrder po, List<PurchaseOrder.Line> lines, String note, Instant now) {
        if (!DRAFT.equals(po.status())) throw new PurchasingErrors.NotDraft(po.status());
        return new PurchaseOrder(po.tenantId(), po.purchaseOrderId(), po.supplierId(), po.storeId(), DRAFT, lines,
                po.receipts(), note, po.sentVia(), po.createdAt(), po.sentAt(), now, po.version());
    }

    public static PurchaseOrder send(PurchaseOrder po, String via, Instant now) {
        if (!DRAFT.equals(po.status())) throw new PurchasingErrors.IllegalTransition(po.status(), SENT);
        return new PurchaseOrder(po.tenantId(), po.purchaseOrderId(), po.supplierId(), po.storeId(), SENT, po.lines(),
                po.receipts(), po.note(), via, po.createdAt(), now, now, po.version());
    }

    public static PurchaseOrder cancel(PurchaseOrder po, Instant now) {
        boolean open = DRAFT.equals(po.status()) || SENT.equals(po.status());
        if (!open) throw new PurchasingErrors.IllegalTransition(po.status(), CANCELLED);
        return new PurchaseOrder(po.tenantId(), po.purchaseOrderId(), po.supplierId(), po.storeId(), CANCELLED, po.lines(),
                po.receipts(), po.note(), po.sentVia(), po.createdAt(), po.sentAt(), now, po.version());
    }

    /** The order with a receipt added; refuses products not on the order and more than is outstanding. */
    public static PurchaseOrder receive(PurchaseOrder po, PurchaseOrder.Receipt receipt) {
        if (!SENT.equals(po.status()) && !PARTIALLY_RECEIVED.equals(po.status())) {
            throw new PurchasingErrors.IllegalTransition(po.status(), RECEIVED);
        }
        Map<String, Long> in = new LinkedHashMap<>();
        for (PurchaseOrder.ReceiptLine rl : receipt.lines()) in.merge(rl.gtin(), rl.quantity(), Long::sum);
        List<PurchaseOrder.Line> lines = new ArrayList<>();
        for (PurchaseOrder.Line l : po.lines()) {
            long q = in.getOrDefault(l.gtin(), 0L);
            if (q > l.outstanding()) throw new PurchasingErrors.OverReceipt(l.gtin(), l.outstanding(), q);
            lines.add(new PurchaseOrder.Line(l.gtin(), l.quantity(), l.received() + q, l.cost()));
        }
        for (String gtin : in.keySet()) {
            if (po.lines().stream().noneMatch(l -> l.gtin().equals(gtin))) throw new PurchasingErrors.NotOnOrder(gtin);
        }
        boolean complete = lines.stream().allMatch(l -> l.outstanding() == 0);
        String status = complete || receipt.closes() ? RECEIVED : PARTIALLY_RECEIVED;
        List<PurchaseOrder.Receipt> receipts = new ArrayList<>(po.receipts());
        receipts.add(receipt);
        return new PurchaseOrder(po.tenantId(), po.purchaseOrderId(), po.supplierId(), po.storeId(), status, lines,
                receipts, po.note(), po.sentVia(), po.createdAt(), po.sentAt(), receipt.at(), po.version());
    }
}
