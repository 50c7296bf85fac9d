package com.zhidian.catalog.application;

import com.zhidian.catalog.domain.CatalogErrors;
import com.zhidian.catalog.domain.StoreDirectory;
import com.zhidian.core.auth.Caller;

/** A store the caller may act in: the tenant's own (else 404, as if absent), and for staff one of theirs. */
final class StoreAccess {
    private final StoreDirectory stores;

    StoreAccess(StoreDirectory stores) {
        this.stores = stores;
    }

    void require(Caller caller, String storeId) {
        if (!caller.canSeeStore(storeId) || !exists(caller.tenantId(), storeId)) throw new CatalogErrors.StoreNotFound(storeId);
    }

    /** Whether the tenant has the store, whoever asks (a customer may browse every store of the tenant). */
    boolean exists(String tenantId, String storeId) {
        return stores.exists(tenantId, storeId);
    }
}
