package com.zhidian.stores.application;

import com.zhidian.core.aws.AwsClients;
import com.zhidian.core.identity.UserDirectory;
import com.zhidian.stores.store.CognitoLogins;
import com.zhidian.stores.store.DynamoStoreRepository;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The stores context's one composition: its service over the real adapters, built once per container. */
public final class Stores {
    private Stores() {}

    public static StoresService wire(DynamoDbClient db, Clock clock) {
        return new StoresService(new DynamoStoreRepository(db), logins(), clock, storeGroups());
    }

    /**
     * A new store's thing group, through the devices context's application interface; its IoT client is built at the
     * first new store, not at every cold start of a function that reads stores.
     */
    static com.zhidian.stores.domain.StoreGroups storeGroups() {
        java.util.concurrent.atomic.AtomicReference<com.zhidian.devices.application.ThingGroups> groups = new java.util.concurrent.atomic.AtomicReference<>();
        return (tenantId, storeId) -> groups.updateAndGet(g -> g != null ? g
                : com.zhidian.devices.application.DevicesComposition.thingGroups()).storeAdded(tenantId, storeId);
    }

    /** Owner and staff logins in the user pool (the tenants context creates the owner's at onboarding). */
    public static CognitoLogins logins() {
        return new CognitoLogins(new UserDirectory(AwsClients::cognito));
    }
}
