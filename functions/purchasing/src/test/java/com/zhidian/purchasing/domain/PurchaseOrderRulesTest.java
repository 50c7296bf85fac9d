package com.zhidian.purchasing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PurchaseOrderRulesTest {
    static final Instant NOW = Instant.parse("2026-12-04T02:00:00Z");
    static final Supplier S = new Supplier("t", "s1", "伊利", null, null,
            List.of(new Supplier.Item("A", 2, 12, 0, 300), new Supplier.Item("B", 2, 6, 0, 450)), NOW, NOW, 1);

    static PurchaseOrder draft() {
        Map<String, Long> q = new LinkedHashMap<>();
        q.put("A", 24L);
        q.put("B", 6L);
        return new PurchaseOrder("t", "po1", "s1", "st", PurchaseOrder.DRAFT, PurchaseOrderRules.lines(S, q), List.of(), null, null,
                NOW, null, NOW, 1);
    }

    static PurchaseOrder.Receipt receipt(boolean closes, PurchaseOrder.ReceiptLine... lines) {
        return new PurchaseOrder.Receipt("r", List.of(lines), closes, null, NOW, "u");
    }

    @Test
    void draftToSentToPartiallyReceivedToReceived() {
        PurchaseOrder po = draft();
        assertEquals(24 * 300 + 6 * 450, po.total());
        PurchaseOrder sent = PurchaseOrderRules.send(po, "csv", NOW);
        assertEquals(24, sent.outstanding("A"));
        PurchaseOrder part = PurchaseOrderRules.receive(sent, receipt(false, new PurchaseOrder.ReceiptLine("A", 20, null)));
        assertEquals(PurchaseOrder.PARTIALLY_RECEIVED, part.status());
        assertEquals(4, part.outstanding("A"));
        PurchaseOrder done = PurchaseOrderRules.receive(part, receipt(false, new PurchaseOrder.ReceiptLine("A", 4, null),
                new PurchaseOrder.ReceiptLine("B", 6, "2027-01-01")));
        assertEquals(PurchaseOrder.RECEIVED, done.status());
        assertEquals(0, done.shortBy(done.lines().get(0)));
        assertEquals(0, done.outstanding("A"), "a received order expects nothing more");
    }

    @Test
    void closingRecordsTheRestAsShort() {
        PurchaseOrder sent = PurchaseOrderRules.send(draft(), "email", NOW);
        PurchaseOrder done = PurchaseOrderRules.receive(sent, receipt(true, new PurchaseOrder.ReceiptLine("A", 18, null)));
        assertEquals(PurchaseOrder.RECEIVED, done.status());
        assertEquals(6, done.shortBy(done.lines().get(0)));
        assertEquals(6, done.shortBy(done.lines().get(1)));
    }

    @Test
    void refusals() {
        PurchaseOrder po = draft();
        assertThrows(PurchasingErrors.IllegalTransition.class, () -> PurchaseOrderRules.receive(po, receipt(false, new PurchaseOrder.ReceiptLine("A", 1, null))));
        assertThrows(PurchasingErrors.NotSupplied.class, () -> PurchaseOrderRules.lines(S, Map.of("C", 1L)));
        PurchaseOrder sent = PurchaseOrderRules.send(po, "csv", NOW);
        assertThrows(PurchasingErrors.IllegalTransition.class, () -> PurchaseOrderRules.send(sent, "csv", NOW));
        assertThrows(PurchasingErrors.NotDraft.class, () -> PurchaseOrderRules.editLines(sent, po.lines(), null, NOW));
        assertThrows(PurchasingErrors.OverReceipt.class, () -> PurchaseOrderRules.receive(sent, receipt(false, new PurchaseOrder.ReceiptLine("A", 25, null))));
        assertThrows(PurchasingErrors.NotOnOrder.class, () -> PurchaseOrderRules.receive(sent, receipt(false, new PurchaseOrder.ReceiptLine("C", 1, null))));
        PurchaseOrder part = PurchaseOrderRules.receive(sent, receipt(false, new PurchaseOrder.ReceiptLine("A", 1, null)));
        assertThrows(PurchasingErrors.IllegalTransition.class, () -> PurchaseOrderRules.cancel(part, NOW));
        assertEquals(PurchaseOrder.CANCELLED, PurchaseOrderRules.cancel(sent, NOW).status());
    }
}
