package com.zhidian.devices.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Read-only view of the catalog's prices for shelf labels; empty when the tenant has no such product. */
public interface ShelfPriceSource {
    Optional<LabelPrice> at(String tenantId, String storeId, String gtin14, Instant at);

    /** Many products of one store at once (absent: no such product); by default one read each. */
    default Map<String, LabelPrice> atAll(String tenantId, String storeId, Collection<String> gtin14s, Instant at) {
        Map<String, LabelPrice> out = new HashMap<>();
        for (String g : gtin14s) at(tenantId, storeId, g, at).ifPresent(p -> out.put(g, p));
        return out;
    }
}
