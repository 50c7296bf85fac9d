package com.zhidian.coupons.application;

import com.zhidian.core.aws.AwsClients;
import com.zhidian.core.tenancy.TenantDirectory;
import com.zhidian.coupons.store.DynamoCouponRepository;
import com.zhidian.coupons.store.DynamoIssueJobs;
import com.zhidian.members.application.Members;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The coupons context's one wiring of real adapters: for its function, its scheduled issue runner, and for another
 * context that calls it in process (orders reserve, commit and release coupons through {@link CouponService}, never
 * through the table). Members are asked through the members context's application interface.
 */
public final class CouponsComposition {
    private CouponsComposition() {}

    public static CouponService service(DynamoDbClient db, TenantDirectory tenants, Clock clock) {
        return new CouponService(new DynamoCouponRepository(db), new MembersDirectory(Members.finder(db), tenants), clock);
    }

    public static CouponService fromEnvironment(TenantDirectory tenants, Clock clock) {
        return service(AwsClients.dynamo(), tenants, clock);
    }

    /** Issue to a filter, over the same table client as {@code service}. */
    public static IssueJobs issueJobs(CouponService service, DynamoDbClient db) {
        return new IssueJobs(service, new DynamoIssueJobs(db));
    }
}
