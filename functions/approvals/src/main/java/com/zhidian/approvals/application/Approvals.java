package com.zhidian.approvals.application;

import com.zhidian.approvals.store.DynamoApprovalRepository;
import com.zhidian.core.dynamo.DynamoAuditLog;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The approvals context's one composition: its service over DynamoDB, for its handler and, as {@link ApprovalGate},
 * for the contexts whose actions an owner may put behind a rule (orders, catalog, coupons), called in process.
 */
public record Approvals(ApprovalsService approvals, Clock clock) {

    public static Approvals wire(DynamoDbClient db, Clock clock) {
        return new Approvals(new ApprovalsService(new DynamoApprovalRepository(db, new DynamoAuditLog(db, clock)), clock), clock);
    }

    /** The gate alone, for another context's handler. */
    public static ApprovalGate gate(DynamoDbClient db, Clock clock) {
        return wire(db, clock).approvals();
    }
}
