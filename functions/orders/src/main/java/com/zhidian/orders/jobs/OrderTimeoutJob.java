package com.zhidian.orders.jobs;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.zhidian.core.Log;
import com.zhidian.core.aws.AwsClients;
import com.zhidian.core.dynamo.DynamoTenantDirectory;
import com.zhidian.orders.application.Orders;
import com.zhidian.orders.application.OrdersService;
import java.time.Clock;
import java.util.Map;

/**
 * Every minute: unpaid orders past their time to pay are cancelled, releasing their stock, coupon and points in the
 * cancellation's own transaction (conditioned on the order's version, so exactly once even if two runs overlap).
 */
public final class OrderTimeoutJob implements RequestHandler<ScheduledEvent, Map<String, Object>> {
    private final OrdersService orders;

    public OrderTimeoutJob() {
        this(Orders.wire(AwsClients.dynamo(), new DynamoTenantDirectory(AwsClients.dynamo()), Clock.systemUTC()).orders());
    }

    public OrderTimeoutJob(OrdersService orders) {
        this.orders = orders;
    }

    @Override
    public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
        int cancelled = orders.cancelOverdue(500);
        Log.info("order timeout job", Map.of("cancelled", cancelled));
        return Map.of("cancelled", cancelled);
    }
}
