package com.zhidian.purchasing.domain;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A purchase order (采购单) to one supplier for one store. Lines may be edited while it is a draft; sending fixes
 * them; receipts add what came in per line, and a line that came in short stays short once the order is closed.
 */
public record PurchaseOrder(String tenantId, String purchaseOrderId, String supplierId, String storeId, String status,
                            List<Line> lines, List<Receipt> receipts, String note, String sentVia, Instant createdAt,
                            Instant sentAt, Instant updatedAt, long version) {

    public static final String DRAFT = "draft";
    public static final String SENT = "sent";
    public static final String PARTIALLY_RECEIVED = "partially_received";
    public static final String RECEIVED = "received";
    public static final String CANCELLED = "cancelled";
    public static final Set<String> STATES = Set.of(DRAFT, SENT, PARTIALLY_RECEIVED, RECEIVED, CANCELLED);

    /** One product ordered: units ordered, units received so far, cost per unit in fen. */
    public record Line(String gtin, long quantity, long received, long cost) {
        public long outstanding() { return Math.max(0, quantity - received); }
    }

    /** Goods received against the order: per line, what came in; {@code closes} when the rest will not come. */
    public record Receipt(String receiptId, List<ReceiptLine> lines, boolean closes, String note, Instant at, String by) {}

    public record ReceiptLine(String gtin, long quantity, String expiresOn) {}

    public PurchaseOrder {
        lines = List.copyOf(lines);
        receipts = List.copyOf(receipts);
    }

    public long total() {
        long t = 0;
        for (Line l : lines) t = Math.addExact(t, Math.multiplyExact(l.quantity(), l.cost()));
        return t;
    }

    /** Units still expected (0 once received or cancelled). */
    public long outstanding(String gtin) {
        if (!SENT.equals(status) && !PARTIALLY_RECEIVED.equals(status)) return 0;
        long n = 0;
        for (Line l : lines) if (l.gtin().equals(gtin)) n += l.outstanding();
        return n;
    }

    /** Units short on an order closed before everything came in. */
    public long shortBy(Line l) {
        return RECEIVED.equals(status) ? l.outstanding() : 0;
    }
}
