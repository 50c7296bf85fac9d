package com.zhidian.lockers.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.zhidian.core.aws.AwsClients;
import com.zhidian.core.dynamo.DynamoTenantDirectory;
import com.zhidian.lockers.application.LockerService;
import com.zhidian.lockers.application.Lockers;
import java.time.Clock;
import java.util.Map;

/** LockerSweepFunction, every few minutes: pickups past their deadline are marked overdue, for staff to remove. */
public final class LockerSweepHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final LockerService lockers;

    public LockerSweepHandler() {
        this(Lockers.wire(AwsClients.dynamo(), new DynamoTenantDirectory(AwsClients.dynamo()), Clock.systemUTC()).lockers());
    }

    public LockerSweepHandler(LockerService lockers) {
        this.lockers = lockers;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        return Map.of("overdue", lockers.sweepOverdue());
    }
}
