package com.zhidian.catalog.domain;

import java.util.Collection;
import java.util.Map;

/**
 * The last receipt cost of products in one store, as the stock levels keep it: what a store price is compared with
 * ({@link PriceRules#belowCost}), read for many products at once by a price import.
 */
public interface ReceiptCosts {
    /** GTIN → the store's last receipt cost; a product with none (no receipt in the store yet) is absent. */
    Map<String, Long> lastCosts(String tenantId, String storeId, Collection<String> gtins);
}
