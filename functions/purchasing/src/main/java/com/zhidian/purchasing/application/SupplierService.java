package com.zhidian.purchasing.application;

import com.zhidian.core.Ids;
import com.zhidian.purchasing.domain.PurchasingErrors;
import com.zhidian.purchasing.domain.StockView;
import com.zhidian.purchasing.domain.Supplier;
import com.zhidian.purchasing.domain.SupplierRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Suppliers and their per-product terms. */
public final class SupplierService {
    private final SupplierRepository suppliers;
    private final StockView catalog;
    private final Clock clock;

    public SupplierService(SupplierRepository suppliers, StockView catalog, Clock clock) {
        this.suppliers = suppliers;
        this.catalog = catalog;
        this.clock = clock;
    }

    public record Draft(String name, String email, String phone, List<Supplier.Item> items) {}

    public Supplier create(String tenantId, Draft d) {
        requireProducts(tenantId, d.items());
        Instant now = clock.instant();
        Supplier s = new Supplier(tenantId, Ids.next("sup"), d.name(), d.email(), d.phone(), d.items(), now, now, 1);
        suppliers.create(s);
        return s;
    }

    public Supplier get(String tenantId, String supplierId) {
        return suppliers.get(tenantId, supplierId).orElseThrow(() -> new PurchasingErrors.SupplierNotFound(supplierId));
    }

    public Supplier update(String tenantId, String supplierId, Draft d) {
        requireProducts(tenantId, d.items());
        Supplier old = get(tenantId, supplierId);
        Supplier s = new Supplier(tenantId, supplierId, d.name(), d.email(), d.phone(), d.items(), old.createdAt(), clock.instant(),
                old.version() + 1);
        if (!suppliers.update(s)) throw new PurchasingErrors.Changed(supplierId);
        return s;
    }

    public void delete(String tenantId, String supplierId) {
        get(tenantId, supplierId);
        suppliers.delete(tenantId, supplierId);
    }

    public SupplierRepository.Page<Supplier> list(String tenantId, int limit, String cursor) {
        return suppliers.list(tenantId, limit, cursor);
    }

    private void requireProducts(String tenantId, List<Supplier.Item> items) {
        for (Supplier.Item i : items) {
            if (catalog.product(tenantId, i.gtin()) == null) throw new PurchasingErrors.ProductNotFound(i.gtin());
        }
    }
}
