package com.zhidian.catalog.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.zhidian.catalog.domain.CatalogErrors;
import com.zhidian.catalog.domain.StockLevel;
import com.zhidian.core.testing.TestTables;
import com.zhidian.core.Ids;
import com.zhidian.core.auth.Caller;
import com.zhidian.core.auth.Role;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The reserve / commit / release calls orders will use, through the service, on the DynamoDB stand-in. */
class StockServiceTest {
    private final String tenant = Ids.next("t");
    private final Fixture f = Fixture.on(TestTables.client(), tenant, Clock.systemUTC());
    private final String gtin = f.product("06901234567892");
    private final Caller owner = new Caller("u", "owner@x", Role.OWNER, tenant, Set.of(), null);
    private final StockService s = f.services.stock();

    private StockLevel level() {
        return s.level(owner, "st_a", gtin).level();
    }

    @Test
    void reserveHolds_commitSells_releaseGivesBack_eachOnce() {
        s.receive(owner, "st_a", gtin, 10, 300L, "DN", null);
        s.reserve(owner, "st_a", "ord1", Map.of(gtin, 4L));
        assertEquals(6, level().available());
        assertEquals(4, level().reserved());
        assertThrows(CatalogErrors.AlreadyReserved.class, () -> s.reserve(owner, "st_a", "ord1", Map.of(gtin, 1L)));
        assertThrows(CatalogErrors.InsufficientStock.class, () -> s.reserve(owner, "st_a", "ord2", Map.of(gtin, 7L)));
        assertThrows(CatalogErrors.InsufficientStock.class, () -> s.adjust(owner, "st_a", gtin, -7, "damage", null),
                "reserved stock cannot be written off");
        assertThrows(CatalogErrors.CountBelowReserved.class, () -> s.count(owner, "st_a", gtin, 3, "count"));
        s.commit(owner, "st_a", "ord1");
        assertEquals(6, level().onHand());
        assertEquals(0, level().reserved());
        assertThrows(CatalogErrors.ReservationNotFound.class, () -> s.commit(owner, "st_a", "ord1"));
        assertThrows(CatalogErrors.ReservationNotFound.class, () -> s.release(owner, "st_a", "ord1"));
        s.reserve(owner, "st_a", "ord3", Map.of(gtin, 6L));
        assertEquals(0, level().available());
        s.release(owner, "st_a", "ord3");
        assertEquals(6, level().available());
        assertEquals(6, level().onHand());
    }

    @Test
    void aDelistedProduct_cannotBeReservedNorScanned() {
        s.receive(owner, "st_a", gtin, 5, 100L, "DN", null);
        f.services.products().update(owner, gtin, new ProductService.Draft(null, null, null, null, null, null, null, "delisted", null));
        assertThrows(CatalogErrors.ProductDelisted.class, () -> s.reserve(owner, "st_a", "ord9", Map.of(gtin, 1L)));
        assertThrows(CatalogErrors.ProductDelisted.class, () -> f.services.scan().scan(owner, "st_a", gtin.substring(1)));
        assertEquals(0, level().reserved());
    }

    @Test
    void staffOfAnotherStore_seeNothing() {
        Caller staff = new Caller("s", "staff@x", Role.STAFF, tenant, Set.of("st_b"), null);
        assertThrows(CatalogErrors.StoreNotFound.class, () -> s.receive(staff, "st_a", gtin, 1, 1L, "DN", null));
    }
}
