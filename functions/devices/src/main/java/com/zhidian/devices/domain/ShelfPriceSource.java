package com.zhidian.devices.domain;

import java.time.Instant;
import java.util.Optional;

/** Read-only view of the catalog's prices for shelf labels; empty when the tenant has no such product. */
public interface ShelfPriceSource {
    Optional<LabelPrice> at(String tenantId, String storeId, String gtin14, Instant at);
}
