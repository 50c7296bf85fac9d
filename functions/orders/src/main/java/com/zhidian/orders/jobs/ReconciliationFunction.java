package com.zhidian.orders.jobs;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.zhidian.core.Log;
import com.zhidian.core.aws.AwsClients;
import com.zhidian.core.dynamo.DynamoTenantDirectory;
import com.zhidian.orders.application.Orders;
import com.zhidian.orders.application.ReconciliationService;
import java.time.Clock;
import java.util.Map;

/**
 * Every day: yesterday's provider payments and refunds recorded by Zhidian compared with Stripe's balance
 * transactions, per tenant; each result kept for the owner's reconciliation page (GET /reconciliation?date=).
 */
public final class ReconciliationFunction implements RequestHandler<ScheduledEvent, Map<String, Object>> {
    private final ReconciliationService reconciliation;

    public ReconciliationFunction() {
        this(Orders.wire(AwsClients.dynamo(), new DynamoTenantDirectory(AwsClients.dynamo()), Clock.systemUTC()).reconciliation());
    }

    public ReconciliationFunction(ReconciliationService reconciliation) {
        this.reconciliation = reconciliation;
    }

    @Override
    public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
        int tenants = reconciliation.runYesterday();
        Log.info("reconciliation job", Map.of("tenants", tenants));
        return Map.of("tenants", tenants);
    }
}
