package com.zhidian.purchasing.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A supplier (供应商) and the terms it sells each product on: lead time in days, case pack (units per case, an
 * order is a whole number of cases), minimum order in units, and cost per unit in fen.
 */
public record Supplier(String tenantId, String supplierId, String name, String email, String phone, List<Item> items,
                       Instant createdAt, Instant updatedAt, long version) {

    public record Item(String gtin, int leadTimeDays, int casePack, int minOrder, long cost) {}

    public Supplier {
        items = List.copyOf(items);
    }

    public Optional<Item> item(String gtin) {
        return items.stream().filter(i -> i.gtin().equals(gtin)).findFirst();
    }
}
