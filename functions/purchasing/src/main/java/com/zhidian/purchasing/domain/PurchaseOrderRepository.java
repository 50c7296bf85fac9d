package com.zhidian.purchasing.domain;

import java.util.List;
import java.util.Optional;

public interface PurchaseOrderRepository {
    void create(PurchaseOrder po);

    Optional<PurchaseOrder> get(String tenantId, String purchaseOrderId);

    /** Replaces the order when its stored version is {@code po.version() - 1}; false when it moved. */
    boolean update(PurchaseOrder po);

    SupplierRepository.Page<PurchaseOrder> list(String tenantId, String storeId, String status, int limit, String cursor);

    /** Orders of the store still expecting goods (sent or partially received). */
    List<PurchaseOrder> open(String tenantId, String storeId);
}
