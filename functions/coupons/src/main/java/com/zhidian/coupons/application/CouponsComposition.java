package com.zhidian.coupons.application;

import com.zhidian.core.aws.AwsClients;
import com.zhidian.core.tenancy.TenantDirectory;
import com.zhidian.coupons.store.DynamoCouponRepository;
import com.zhidian.coupons.store.DynamoDirectory;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The coupons context's one wiring of real adapters: for its function, and for another context that calls it in
 * process (orders reserve, commit and release coupons through {@link CouponService}, never through the table).
 */
public final class CouponsComposition {
    private CouponsComposition() {}

    public static CouponService service(DynamoDbClient db, TenantDirectory tenants, Clock clock) {
        return new CouponService(new DynamoCouponRepository(db), new DynamoDirectory(db, tenants), clock);
    }

    public static CouponService fromEnvironment(TenantDirectory tenants, Clock clock) {
        return service(AwsClients.dynamo(), tenants, clock);
    }
}
