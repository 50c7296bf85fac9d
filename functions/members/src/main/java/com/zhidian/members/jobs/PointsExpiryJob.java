package com.zhidian.members.jobs;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.zhidian.core.Log;
import com.zhidian.core.aws.AwsClients;
import com.zhidian.core.dynamo.DynamoTenantDirectory;
import com.zhidian.members.application.Members;
import com.zhidian.members.application.PointsService;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The scheduled points job (EventBridge schedule in template.yaml): releases pending points whose return
 * window has passed, then expires due points oldest first, each visible as a ledger entry. Work comes from
 * the due index in batches until none is left or the invocation is nearly out of time; every step is
 * idempotent, so a retried or overlapping run changes nothing twice.
 */
public final class PointsExpiryJob implements RequestHandler<ScheduledEvent, Map<String, Object>> {
    private static final int BATCH = 200;
    private static final int MAX_BATCHES = 500;

    private final PointsService points;

    public PointsExpiryJob() {
        this(Members.points(AwsClients.dynamo(), new DynamoTenantDirectory(AwsClients.dynamo()), Clock.systemUTC()));
    }

    public PointsExpiryJob(PointsService points) {
        this.points = points;
    }

    @Override
    public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
        long released = 0, members = 0, expired = 0;
        int batches = 0;
        while (batches++ < MAX_BATCHES) {
            if (context != null && context.getRemainingTimeInMillis() < 10_000) break;
            PointsService.JobResult r = points.runDue(BATCH);
            released += r.released();
            members += r.expiredMembers();
            expired += r.pointsExpired();
            if (r.seen() < BATCH) break;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("released", released);
        out.put("membersWithExpiry", members);
        out.put("pointsExpired", expired);
        Log.info("points job", out);
        return out;
    }
}
