package com.zhidian.devices.application;

import com.zhidian.devices.store.DynamoDeviceRepository;
import com.zhidian.devices.store.DynamoProductDirectory;
import com.zhidian.devices.store.DynamoStoreDirectory;
import com.zhidian.devices.store.IotThings;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The devices context's one composition: the service over DynamoDB and AWS IoT. */
public final class DevicesComposition {
    private DevicesComposition() {}

    public static DeviceService real(DynamoDbClient db, Clock clock) {
        return new DeviceService(new DynamoDeviceRepository(db), new DynamoStoreDirectory(db), new DynamoProductDirectory(db),
                IotThings.fromEnvironment(), clock);
    }
}
