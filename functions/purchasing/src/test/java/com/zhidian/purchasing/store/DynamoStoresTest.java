package com.zhidian.purchasing.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zhidian.core.testing.TestTables;
import com.zhidian.purchasing.domain.ForecastRepository;
import com.zhidian.purchasing.domain.PurchaseOrder;
import com.zhidian.purchasing.domain.Supplier;
import com.zhidian.purchasing.domain.forecast.DemandSeries;
import com.zhidian.purchasing.domain.forecast.EventCalendar;
import com.zhidian.purchasing.domain.forecast.Forecast;
import com.zhidian.purchasing.domain.forecast.Forecaster;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The adapters on the DynamoDB stand-in, in process: what is written reads back the same. */
class DynamoStoresTest {
    final DynamoDbClient db = TestTables.client();
    final String tenant = "tn_" + UUID.randomUUID().toString().substring(0, 8);
    static final Instant NOW = Instant.parse("2026-12-04T02:00:00Z");

    @Test
    void forecastsRoundTrip_andMarkTheirStoreForTheNightlyJob() {
        DynamoForecastRepository repo = new DynamoForecastRepository(db);
        double[] y = new double[120];
        for (int t = 0; t < y.length; t++) y[t] = 10 + (t % 7 == 5 ? 8 : 0) + (t % 3);
        LocalDate first = LocalDate.of(2026, 8, 5);
        Forecast f = Forecaster.forecast(new DemandSeries(first, y, EventCalendar.tags(first, y.length)), 30, null);
        repo.save(tenant, "st1", "06901234567892", f, NOW);
        ForecastRepository.Stored back = repo.get(tenant, "st1", "06901234567892").orElseThrow();
        assertEquals(NOW, back.computedAt());
        assertEquals(f.model(), back.forecast().model());
        assertEquals(f.demandClass(), back.forecast().demandClass());
        assertEquals(f.mase(), back.forecast().mase());
        assertEquals(f.uplifts(), back.forecast().uplifts());
        assertEquals(f.points(), back.forecast().points());
        assertTrue(repo.forecastStores().stream().anyMatch(ts -> ts[0].equals(tenant) && ts[1].equals("st1")));
        assertTrue(repo.get(tenant, "st2", "06901234567892").isEmpty());
        // an intermittent item keeps its size distribution, so the lead-time quantile is the same after the round trip
        double[] sparse = new double[120];
        for (int t = 0; t < sparse.length; t++) sparse[t] = t % 6 == 1 ? 1 + t % 4 : 0;
        Forecast tsb = Forecaster.forecast(DemandSeries.of(first, sparse), 30, null);
        assertEquals("tsb", tsb.model());
        repo.save(tenant, "st1", "06901234567893", tsb, NOW);
        Forecast tsbBack = repo.get(tenant, "st1", "06901234567893").orElseThrow().forecast();
        assertEquals(tsb.points(), tsbBack.points());
        assertTrue(java.util.Arrays.equals(tsb.sizes(), tsbBack.sizes()));
        assertEquals(tsb.totalQuantile(7, 0.95), tsbBack.totalQuantile(7, 0.95));
    }

    @Test
    void purchaseOrdersRoundTrip_withVersionsAndFilters() {
        DynamoPurchaseOrderRepository repo = new DynamoPurchaseOrderRepository(db);
        PurchaseOrder po = new PurchaseOrder(tenant, "po1", "sup1", "st1", PurchaseOrder.DRAFT,
                List.of(new PurchaseOrder.Line("A", 12, 0, 300)), List.of(), "备注", null, NOW, null, NOW, 1);
        repo.create(po);
        assertEquals(po, repo.get(tenant, "po1").orElseThrow());
        PurchaseOrder sent = new PurchaseOrder(tenant, "po1", "sup1", "st1", PurchaseOrder.SENT, po.lines(), List.of(
                new PurchaseOrder.Receipt("r1", List.of(new PurchaseOrder.ReceiptLine("A", 5, "2027-01-01")), false, null, NOW, "u1")),
                null, "csv", NOW, NOW, NOW, 2);
        assertTrue(repo.update(sent));
        assertFalse(repo.update(sent), "the same version twice: the second is refused");
        PurchaseOrder back = repo.get(tenant, "po1").orElseThrow();
        assertEquals(sent, back);
        assertNull(back.note());
        assertEquals(1, repo.open(tenant, "st1").size());
        assertEquals(0, repo.open(tenant, "st2").size());
        assertEquals(1, repo.list(tenant, null, PurchaseOrder.SENT, 10, null).items().size());
        assertEquals(0, repo.list(tenant, null, PurchaseOrder.DRAFT, 10, null).items().size());
    }

    @Test
    void suppliersRoundTrip_andPage() {
        DynamoSupplierRepository repo = new DynamoSupplierRepository(db);
        Supplier a = new Supplier(tenant, "s1", "光明", "po@bright.example.cn", null, List.of(new Supplier.Item("A", 2, 12, 24, 350)), NOW, NOW, 1);
        Supplier b = new Supplier(tenant, "s2", "伊利", null, "+86 21 5555", List.of(), NOW.plusSeconds(1), NOW.plusSeconds(1), 1);
        repo.create(a);
        repo.create(b);
        assertEquals(a, repo.get(tenant, "s1").orElseThrow());
        var page = repo.list(tenant, 1, null);
        assertEquals(List.of(b), page.items());
        assertEquals(List.of(a), repo.list(tenant, 1, page.nextCursor()).items());
        assertEquals(2, repo.all(tenant).size());
        repo.delete(tenant, "s2");
        assertEquals(List.of(a), repo.all(tenant));
    }
}
