package com.zhidian.tenants.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.zhidian.core.testing.TestTables;
import com.zhidian.stores.domain.StaffUser;
import com.zhidian.tenants.domain.Billing;
import com.zhidian.tenants.domain.Tenant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DynamoTenantRepositoryTest {
    private final DynamoTenantRepository tenants = new DynamoTenantRepository(TestTables.client());

    /** A billing event read the tenant before the provider suspended it; writing the billing keeps the suspension. */
    @Test
    void billingWrittenAfterAStatusChange_keepsTheStatus() {
        String id = "tn_" + UUID.randomUUID().toString().substring(0, 8);
        Tenant.Owner owner = new Tenant.Owner("u_" + id, id + "@example.com", "店主", "+8613800000000");
        tenants.onboard(new Tenant(id, "测试店", "basic", "Asia/Shanghai", "active", "2026-12-05T00:00:00Z", owner,
                Billing.pending("not_set_up")), List.of(),
                new StaffUser(owner.userId(), owner.email(), owner.name(), "owner", List.of(), "2026-12-05T00:00:00Z"));

        tenants.updateBilling(id, current -> {
            tenants.update(id, Map.of("status", "suspended", "plan", "premium"));   // between the billing's read and write
            return current.stillPending("card_missing");
        });

        Tenant after = tenants.get(id).orElseThrow();
        assertEquals("suspended", after.status());
        assertEquals("premium", after.plan());
        assertEquals("card_missing", after.billing().pendingReason());
    }
}
