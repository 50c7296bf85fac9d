package com.zhidian.devices.application;

import com.zhidian.devices.domain.ThingRegistry;
import java.util.List;

/**
 * The devices context's application interface for onboarding and new stores (other contexts call this, never its IoT
 * adapter): a tenant's thing group, each store's group under it, the tenant's fleet provisioning template and a claim.
 */
public final class ThingGroups {
    private final ThingRegistry things;

    public ThingGroups(ThingRegistry things) {
        this.things = things;
    }

    /** Onboarding: the tenant's group, its stores' groups, and a provisioning claim (a retry keeps what exists). */
    public ThingRegistry.Provisioning onboard(String tenantId, List<String> storeIds) {
        return things.onboard(tenantId, storeIds);
    }

    /** A store added later: its group under the tenant's. */
    public void storeAdded(String tenantId, String storeId) {
        things.storeAdded(tenantId, storeId);
    }
}
