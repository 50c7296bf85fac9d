package com.zhidian.purchasing.domain;

import java.util.List;
import java.util.Optional;

public interface SupplierRepository {
    void create(Supplier s);

    Optional<Supplier> get(String tenantId, String supplierId);

    /** Replaces the supplier when its stored version is {@code s.version() - 1}; false when it moved. */
    boolean update(Supplier s);

    void delete(String tenantId, String supplierId);

    Page<Supplier> list(String tenantId, int limit, String cursor);

    /** Every supplier of the tenant (for replenishment). */
    List<Supplier> all(String tenantId);

    record Page<T>(List<T> items, String nextCursor) {}
}
