package com.zhidian.lockers.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.zhidian.core.aws.AwsClients;
import com.zhidian.core.dynamo.DynamoTenantDirectory;
import com.zhidian.lockers.application.LockerService;
import com.zhidian.lockers.application.Lockers;
import java.time.Clock;
import java.util.Map;

/**
 * LockerEventsFunction: the IoT rule on {@code zhidian/+/+/+/locker} sends each report of a locker here, with the
 * topic's tenant, store and device added by the rule (the thing policy lets a device publish only under its own
 * tenant, store and id). {@code type}: opened | closed | jammed | bag_taken; {@code compartment}; {@code depositId};
 * {@code empty}. Anything else is dropped.
 */
public final class LockerEventsHandler implements RequestHandler<Map<String, Object>, Void> {
    private final LockerService lockers;

    public LockerEventsHandler() {
        this(Lockers.wire(AwsClients.dynamo(), new DynamoTenantDirectory(AwsClients.dynamo()), Clock.systemUTC()).lockers());
    }

    public LockerEventsHandler(LockerService lockers) {
        this.lockers = lockers;
    }

    @Override
    public Void handleRequest(Map<String, Object> e, Context context) {
        if (e.get("tenantId") instanceof String t && e.get("storeId") instanceof String s && e.get("topicDeviceId") instanceof String d
                && e.get("type") instanceof String type && e.get("compartment") instanceof String c) {
            Object dep = e.get("depositId");
            lockers.report(t, s, d, type, c, dep instanceof String x ? x : null, Boolean.TRUE.equals(e.get("empty")));
        }
        return null;
    }
}
