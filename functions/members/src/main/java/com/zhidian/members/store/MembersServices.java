package com.zhidian.members.store;

import com.zhidian.core.tenancy.TenantDirectory;
import com.zhidian.members.PointsService;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The members context's services over DynamoDB, for the functions of this context and for another context
 * that calls it in process (orders earn and spend points through {@link PointsService}, never through the
 * table).
 */
public final class MembersServices {
    private MembersServices() {}

    public static PointsService points(DynamoDbClient db, TenantDirectory tenants, Clock clock) {
        return new PointsService(new DynamoPointsRepository(db), new DynamoSettingsRepository(db, tenants), clock);
    }
}
