package com.zhidian.purchasing.application;

import com.zhidian.core.Ids;
import com.zhidian.purchasing.domain.Outbox;
import com.zhidian.purchasing.domain.PurchaseOrder;
import com.zhidian.purchasing.domain.PurchaseOrderRepository;
import com.zhidian.purchasing.domain.PurchaseOrderRules;
import com.zhidian.purchasing.domain.PurchasingErrors;
import com.zhidian.purchasing.domain.StockView;
import com.zhidian.purchasing.domain.Supplier;
import com.zhidian.purchasing.domain.SupplierRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Purchase orders: drafted from suggestions, edited, sent, received into stock, cancelled. */
public final class PurchaseOrderService {
    public static final java.util.Set<String> VIA = java.util.Set.of("csv", "xlsx", "email");

    private final PurchaseOrderRepository orders;
    private final SupplierRepository suppliers;
    private final StockView stock;
    private final Outbox outbox;
    private final Clock clock;

    public PurchaseOrderService(PurchaseOrderRepository orders, SupplierRepository suppliers, StockView stock, Outbox outbox,
                                Clock clock) {
        this.orders = orders;
        this.suppliers = suppliers;
        this.stock = stock;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A sent order and, for csv / xlsx, the document to hand to the supplier; for e-mail, the outbox message id. */
    public record Sent(PurchaseOrder order, Outbox.Attachment document, String messageId) {}

    public PurchaseOrder create(String tenantId, String supplierId, String storeId, Map<String, Long> lines, String note) {
        if (!stock.storeExists(tenantId, storeId)) throw new PurchasingErrors.StoreNotFound(storeId);
        Supplier s = supplier(tenantId, supplierId);
        Instant now = clock.instant();
        PurchaseOrder po = new PurchaseOrder(tenantId, Ids.next("po"), supplierId, storeId, PurchaseOrder.DRAFT,
                PurchaseOrderRules.lines(s, lines), List.of(), note, null, now, null, now, 1);
        orders.create(po);
        return po;
    }

    public PurchaseOrder get(String tenantId, String id) {
        return orders.get(tenantId, id).orElseThrow(() -> new PurchasingErrors.PurchaseOrderNotFound(id));
    }

    public com.zhidian.purchasing.domain.SupplierRepository.Page<PurchaseOrder> list(String tenantId, String storeId, String status,
                                                                                     int limit, String cursor) {
        return orders.list(tenantId, storeId, status, limit, cursor);
    }

    public PurchaseOrder editLines(String tenantId, String id, Map<String, Long> lines, String note) {
        PurchaseOrder po = get(tenantId, id);
        if (!PurchaseOrder.DRAFT.equals(po.status())) throw new PurchasingErrors.NotDraft(po.status());
        Supplier s = supplier(tenantId, po.supplierId());
        return save(PurchaseOrderRules.editLines(po, PurchaseOrderRules.lines(s, lines), note, clock.instant()));
    }

    public Sent send(String tenantId, String id, String via) {
        PurchaseOrder po = get(tenantId, id);
        Supplier s = supplier(tenantId, po.supplierId());
        if ("email".equals(via) && (s.email() == null || s.email().isBlank())) throw new PurchasingErrors.NoEmail(s.supplierId());
        PurchaseOrder sent = save(PurchaseOrderRules.send(po, via, clock.instant()));
        Map<String, String> names = names(tenantId, sent);
        if ("email".equals(via)) {
            Outbox.Attachment xlsx = PurchaseOrderDocuments.xlsx(sent, s, names);
            String msg = outbox.send(tenantId, s.email(), "采购单 Purchase order " + sent.purchaseOrderId(),
                    PurchaseOrderDocuments.csv(sent, s, names), xlsx);
            return new Sent(sent, null, msg);
        }
        return new Sent(sent, "xlsx".equals(via) ? PurchaseOrderDocuments.xlsx(sent, s, names)
                : PurchaseOrderDocuments.csvAttachment(sent, s, names), null);
    }

    public PurchaseOrder cancel(String tenantId, String id) {
        return save(PurchaseOrderRules.cancel(get(tenantId, id), clock.instant()));
    }

    /**
     * Records the receipt on the order first (conditioned on the order's version, so a concurrent receipt is refused
     * rather than counted twice), then books each line into the catalog's stock with the order as reference.
     */
    public PurchaseOrder receive(String tenantId, String id, List<PurchaseOrder.ReceiptLine> lines, boolean closes, String note,
                                 String actor) {
        PurchaseOrder po = get(tenantId, id);
        PurchaseOrder.Receipt receipt = new PurchaseOrder.Receipt(Ids.next("rcp"), lines, closes, note, clock.instant(), actor);
        PurchaseOrder after = save(PurchaseOrderRules.receive(po, receipt));
        Map<String, Long> cost = new java.util.HashMap<>();
        for (PurchaseOrder.Line l : after.lines()) cost.put(l.gtin(), l.cost());
        for (PurchaseOrder.ReceiptLine rl : lines) {
            if (rl.quantity() > 0) {
                stock.receive(tenantId, after.storeId(), rl.gtin(), rl.quantity(), cost.get(rl.gtin()),
                        "PO " + after.purchaseOrderId() + " " + receipt.receiptId(), rl.expiresOn(), actor);
            }
        }
        return after;
    }

    public Map<String, String> names(String tenantId, PurchaseOrder po) {
        Map<String, String> names = new java.util.HashMap<>();
        stock.products(tenantId, po.lines().stream().map(PurchaseOrder.Line::gtin).toList()).forEach((g, p) -> names.put(g, p.name()));
        return names;
    }

    private PurchaseOrder save(PurchaseOrder po) {
        PurchaseOrder next = new PurchaseOrder(po.tenantId(), po.purchaseOrderId(), po.supplierId(), po.storeId(), po.status(),
                po.lines(), po.receipts(), po.note(), po.sentVia(), po.createdAt(), po.sentAt(), po.updatedAt(), po.version() + 1);
        if (!orders.update(next)) throw new PurchasingErrors.Changed(po.purchaseOrderId());
        return next;
    }

    private Supplier supplier(String tenantId, String supplierId) {
        return suppliers.get(tenantId, supplierId).orElseThrow(() -> new PurchasingErrors.SupplierNotFound(supplierId));
    }
}
