package com.zhidian.core.http;

import com.zhidian.core.audit.AuditLog;
import com.zhidian.core.aws.AfterWrites;
import com.zhidian.core.aws.AwsClients;
import com.zhidian.core.dynamo.DynamoAuditLog;
import com.zhidian.core.dynamo.DynamoIdempotency;
import com.zhidian.core.dynamo.DynamoTenantDirectory;
import com.zhidian.core.idempotency.Idempotency;
import com.zhidian.core.tenancy.RateLimiter;
import com.zhidian.core.tenancy.TenantDirectory;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** What every API function shares around its routes: tenant standing, limits, idempotency, audit. */
public record Platform(DynamoDbClient db, TenantDirectory tenants, RateLimiter limiter, Idempotency idempotency, AuditLog audit,
                       Clock clock, long maxBodyBytes) {

    public static Platform fromEnvironment() {
        return over(AwsClients.dynamo(), Clock.systemUTC(), com.zhidian.core.Env.getLong("MAX_BODY_BYTES", 256 * 1024));
    }

    /** The rails over one DynamoDB client (a handler test passes the stand-in's). */
    public static Platform over(DynamoDbClient db, Clock clock, long maxBodyBytes) {
        return new Platform(db, new DynamoTenantDirectory(db), new RateLimiter(), new DynamoIdempotency(db, clock),
                new DynamoAuditLog(db, clock), clock, maxBodyBytes);
    }

    /** The writes a request sends together once its route has answered. */
    public AfterWrites afterWrites() {
        return new AfterWrites(db, com.zhidian.core.Env.tableName());
    }
}
