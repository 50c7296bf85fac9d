package com.zhidian.tenants.application;

import com.zhidian.core.tenancy.Usage;
import com.zhidian.stores.application.Stores;
import com.zhidian.stores.domain.Logins;
import com.zhidian.devices.application.DevicesComposition;
import com.zhidian.devices.domain.ThingRegistry;
import com.zhidian.tenants.domain.DeviceFleet;
import com.zhidian.tenants.store.DynamoTenantRepository;
import com.zhidian.tenants.store.DynamoUsageReport;
import com.zhidian.tenants.store.StripeBillingGateway;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The tenants context's one composition: its service over the real adapters, built once per container. */
public final class Tenants {
    private Tenants() {}

    public static TenantsService wire(DynamoDbClient db, Clock clock) {
        Logins logins = Stores.logins();
        DynamoTenantRepository repository = new DynamoTenantRepository(db);
        return new TenantsService(repository, Stores.wire(db, clock), logins,
                new DynamoUsageReport(new Usage(db, clock)), clock, new BillingService(repository, StripeBillingGateway.fromEnvironment()),
                deviceFleet());
    }

    /** Onboarding's thing groups and claim, through the devices context's application interface. */
    static DeviceFleet deviceFleet() {
        return (tenantId, storeIds) -> {
            ThingRegistry.Provisioning p = DevicesComposition.thingGroups().onboard(tenantId, storeIds);
            ThingRegistry.Claim c = p.claim();
            return new DeviceFleet.Setup(p.tenantGroup(), p.storeGroups(),
                    new DeviceFleet.Claim(c.templateName(), c.certificateId(), c.certificatePem(), c.privateKey(), c.expiresAt()));
        };
    }

    /** Tenant billing over the repository and Stripe as the environment configures it (none: billing stays pending). */
    public static BillingService billing(DynamoDbClient db) {
        return new BillingService(new DynamoTenantRepository(db), StripeBillingGateway.fromEnvironment());
    }
}
