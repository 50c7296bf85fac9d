package com.zhidian.catalog.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.zhidian.catalog.domain.CatalogErrors;
import com.zhidian.catalog.domain.Listing;
import com.zhidian.catalog.domain.Movement;
import com.zhidian.catalog.domain.Product;
import com.zhidian.catalog.domain.StockCount;
import com.zhidian.catalog.store.DynamoProductRepository;
import com.zhidian.catalog.store.DynamoStockCountRepository;
import com.zhidian.catalog.store.DynamoStockRepository;
import com.zhidian.core.Ids;
import com.zhidian.core.auth.Caller;
import com.zhidian.core.auth.Role;
import com.zhidian.core.testing.TestTables;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A count loses nothing that happened after it: random receipts and write-offs before and after a line is counted;
 * after finish, on hand is what was counted plus the net of the movements made after the count (or, when that would be
 * below zero, finish is refused and nothing moves), an uncounted line keeps its on hand, and on hand is still the sum
 * of the movements.
 */
class StockCountProperties {
    private static final DynamoDbClient DB = TestTables.client();
    private static final String STORE = "st_c";

    @Property(tries = 15)
    void afterFinish_onHandIsCountedPlusTheNetMovementsAfterTheCount(@ForAll @Size(max = 12) List<@IntRange(min = -30, max = 30) Integer> before,
                                                                      @ForAll @Size(max = 12) List<@IntRange(min = -30, max = 30) Integer> after,
                                                                      @ForAll @IntRange(min = 0, max = 60) int counted) {
        String tenant = Ids.next("t");
        Fixture f = Fixture.on(DB, tenant, Clock.systemUTC());
        String gtin = f.product("06901234567892");
        String kept = "04006381333931";
        f.products.create(tenant, new Product(kept, "k", null, "cat_1", "瓶", null, null, Product.ACTIVE, "12346", null, "2026", "2026"));
        Caller owner = new Caller("u", "owner@x", Role.OWNER, tenant, Set.of(), null);
        StockService stock = f.services.stock();
        StockCountService counts = new StockCountService(new DynamoStockCountRepository(DB), new DynamoStockRepository(DB),
                new DynamoProductRepository(DB), new StoreAccess((t, s) -> true), (t, u, s) -> true, Clock.systemUTC());
        stock.receive(owner, STORE, gtin, 20, 100L, "DN", null);
        stock.receive(owner, STORE, kept, 7, 100L, "DN", null);
        for (int q : before) move(stock, owner, gtin, q);

        String id = counts.open(owner, STORE, new StockCountService.Scope(StockCount.SCOPE_STORE, null, null), null, null).countId();
        counts.count(owner, STORE, id, gtin, counted);
        long atCount = stock.level(owner, STORE, gtin).level().onHand();
        for (int q : after) move(stock, owner, gtin, q);
        long netAfter = stock.level(owner, STORE, gtin).level().onHand() - atCount;

        if (counted + netAfter < 0) {
            long now = stock.level(owner, STORE, gtin).level().onHand();
            assertThrows(CatalogErrors.InsufficientStock.class, () -> counts.finish(owner, STORE, id));
            assertEquals(now, stock.level(owner, STORE, gtin).level().onHand(), "a refused finish moves nothing");
        } else {
            assertEquals(StockCount.FINISHED, counts.finish(owner, STORE, id).status());
            assertEquals(counted + netAfter, stock.level(owner, STORE, gtin).level().onHand());
        }
        assertEquals(7, stock.level(owner, STORE, kept).level().onHand(), "an uncounted line keeps its on hand");
        assertEquals(sumOfMovements(tenant, gtin), stock.level(owner, STORE, gtin).level().onHand());
    }

    private static void move(StockService stock, Caller owner, String gtin, int q) {
        if (q > 0) stock.receive(owner, STORE, gtin, q, 100L, "DN", null);
        if (q < 0) {
            try {
                stock.adjust(owner, STORE, gtin, q, "loss", null);
            } catch (CatalogErrors.InsufficientStock refused) {
                // nothing left to write off: refused as a whole, nothing moved
            }
        }
    }

    private static long sumOfMovements(String tenant, String gtin) {
        long sum = 0;
        String cursor = null;
        do {
            Listing<Movement> page = new DynamoStockRepository(DB).movements(tenant, STORE, gtin, 200, cursor);
            for (Movement m : page.items()) sum += m.delta();
            cursor = page.nextCursor();
        } while (cursor != null);
        return sum;
    }
}
