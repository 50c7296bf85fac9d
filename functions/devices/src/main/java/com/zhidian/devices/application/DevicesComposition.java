package com.zhidian.devices.application;

import com.zhidian.catalog.application.ShelfPrices;
import com.zhidian.devices.store.DynamoDeviceRepository;
import com.zhidian.devices.store.DynamoProductDirectory;
import com.zhidian.devices.store.DynamoStoreDirectory;
import com.zhidian.devices.store.IotLabelShadows;
import com.zhidian.devices.store.IotThings;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The devices context's one composition: the services over DynamoDB, AWS IoT and the catalog's shelf prices. */
public final class DevicesComposition {
    private DevicesComposition() {}

    /** The registry and the shelf labels, sharing one repository. */
    public record Services(DeviceService devices, LabelService labels) {}

    public static DeviceService real(DynamoDbClient db, Clock clock) {
        return new DeviceService(new DynamoDeviceRepository(db), new DynamoStoreDirectory(db), new DynamoProductDirectory(db),
                IotThings.fromEnvironment(), clock);
    }

    public static Services withLabels(DynamoDbClient db, Clock clock) {
        DynamoDeviceRepository repo = new DynamoDeviceRepository(db);
        DynamoStoreDirectory stores = new DynamoStoreDirectory(db);
        return new Services(new DeviceService(repo, stores, new DynamoProductDirectory(db), IotThings.fromEnvironment(), clock),
                labels(db, clock));
    }

    public static LabelService labels(DynamoDbClient db, Clock clock) {
        return new LabelService(new DynamoDeviceRepository(db), new DynamoStoreDirectory(db), new DynamoProductDirectory(db),
                new CatalogShelfPrices(ShelfPrices.dynamo(db)), IotLabelShadows.fromEnvironment(), clock);
    }

    /** Thing groups and provisioning claims in AWS IoT, for onboarding (tenants) and new stores (stores). */
    public static ThingGroups thingGroups() {
        return new ThingGroups(IotThings.fromEnvironment());
    }

    /** The registry's devices, read by other contexts in process (the lockers context finds its lockers here). */
    public static com.zhidian.devices.domain.DeviceRepository repository(DynamoDbClient db) {
        return new DynamoDeviceRepository(db);
    }
}
