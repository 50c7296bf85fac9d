package com.zhidian.purchasing.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zhidian.purchasing.application.fakes.InMemory;
import com.zhidian.purchasing.domain.PurchaseOrder;
import com.zhidian.purchasing.domain.Supplier;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The use cases over in-memory adapters: forecast → replenishment → purchase order → receipt, by hand. */
class ReplenishmentServiceTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-04T02:00:00Z"), ZoneOffset.UTC);
    final InMemory.History history = new InMemory.History();
    final InMemory.Stock stock = new InMemory.Stock();
    final InMemory.Suppliers suppliers = new InMemory.Suppliers();
    final InMemory.Orders orders = new InMemory.Orders();
    final InMemory.Mail mail = new InMemory.Mail();
    final Purchasing p = Purchasing.of(history, new InMemory.Forecasts(), suppliers, orders, stock, mail, CLOCK);

    @Test
    void steadySeller_handComputed_thenOnOrderCountsUntilReceived() {
        // 10 a day every day: the forecast is 10 a day with no error, so no safety stock at any service level
        history.byGtin.put("06901234567892", d -> 10);
        stock.put("06901234567892", "纯牛奶", 15, 350);
        Supplier s = p.suppliers().create("t1", new SupplierService.Draft("光明", "po@bright.example.cn", null,
                List.of(new Supplier.Item("06901234567892", 4, 12, 0, 250))));
        ReplenishmentService.Row row = p.replenishment().suggest("t1", "st1", 0.95).get(0);
        // 4 days × 10 = 40 + 0 − 15 − 0 = 25 → 3 cases of 12 = 36; 15 last 1.5 days < 4: at risk
        assertEquals(40, row.suggestion().input().demandOverLeadTime(), 1e-6);
        assertEquals(0, row.suggestion().safetyStock(), 1e-9);
        assertEquals(25, row.suggestion().need(), 1e-9);
        assertEquals(36, row.suggestion().quantity());
        assertEquals(1.5, row.suggestion().daysOfCover(), 1e-9);
        assertTrue(row.suggestion().atRisk());
        assertTrue(row.model().startsWith("ets"), row.model());

        PurchaseOrder po = p.purchaseOrders().create("t1", s.supplierId(), "st1", Map.of("06901234567892", 36L), null);
        assertEquals(36 * 250, po.total());
        p.purchaseOrders().send("t1", po.purchaseOrderId(), "email");
        assertEquals(1, mail.sent.size());
        assertTrue(mail.sent.get(0).endsWith(".xlsx"));
        // sent: 36 on order → 40 − 15 − 36 = −11 → nothing more
        ReplenishmentService.Row after = p.replenishment().suggest("t1", "st1", 0.95).get(0);
        assertEquals(36, after.suggestion().input().onOrder());
        assertEquals(0, after.suggestion().quantity());
        // 30 arrive, the rest is short: stock 45, nothing on order
        PurchaseOrder done = p.purchaseOrders().receive("t1", po.purchaseOrderId(),
                List.of(new PurchaseOrder.ReceiptLine("06901234567892", 30, "2026-12-20")), true, "缺 6", "u1");
        assertEquals(PurchaseOrder.RECEIVED, done.status());
        assertEquals(6, done.shortBy(done.lines().get(0)));
        assertEquals(List.of("06901234567892 30 PO " + po.purchaseOrderId() + " " + done.receipts().get(0).receiptId()), stock.receipts);
        ReplenishmentService.Row last = p.replenishment().suggest("t1", "st1", 0.95).get(0);
        assertEquals(45, last.suggestion().input().available());
        assertEquals(0, last.suggestion().input().onOrder());
    }

    @Test
    void theCheapestSupplierIsSuggested() {
        history.byGtin.put("A", d -> 2);
        stock.put("A", "面包", 0, 800);
        p.suppliers().create("t1", new SupplierService.Draft("贵", null, null, List.of(new Supplier.Item("A", 1, 1, 0, 600))));
        Supplier cheap = p.suppliers().create("t1", new SupplierService.Draft("便宜", null, null, List.of(new Supplier.Item("A", 3, 1, 0, 500))));
        ReplenishmentService.Row row = p.replenishment().suggest("t1", "st1", 0.9).get(0);
        assertEquals(cheap.supplierId(), row.supplier().supplierId());
        // 3 days × 2 = 6 − 0 = 6 units
        assertEquals(6, row.suggestion().quantity());
    }

    @Test
    void theForecastIsStoredAndReusedTheSameDay() {
        history.byGtin.put("A", d -> d.getDayOfWeek().getValue() >= 6 ? 20 : 8);
        stock.put("A", "啤酒", 5, 600);
        ForecastService.Answer a = p.forecasts().forecast("t1", "st1", "A", 14);
        ForecastService.Answer b = p.forecasts().forecast("t1", "st1", "A", 7);
        assertEquals(a.computedAt(), b.computedAt());
        assertEquals(7, b.forecast().points().size());
        // Saturday 2026-12-05 (the second day) is a weekend day
        assertEquals(20, a.forecast().points().get(1).expected(), 0.5);
        assertEquals(8, a.forecast().points().get(3).expected(), 0.5);
    }
}
