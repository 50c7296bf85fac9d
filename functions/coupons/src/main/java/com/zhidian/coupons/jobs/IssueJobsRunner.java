package com.zhidian.coupons.jobs;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.zhidian.core.Log;
import com.zhidian.core.aws.AwsClients;
import com.zhidian.core.dynamo.DynamoTenantDirectory;
import com.zhidian.coupons.application.CouponService;
import com.zhidian.coupons.application.CouponsComposition;
import com.zhidian.coupons.application.IssueJobs;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The scheduled issue runner (EventBridge schedule in template.yaml, every minute): runs the steps of every unfinished
 * issue job, of every tenant, until none is left or the invocation is nearly out of time. A step is resumable and
 * leased, so an overlapping or retried run never hands anyone a coupon twice.
 */
public final class IssueJobsRunner implements RequestHandler<ScheduledEvent, Map<String, Object>> {
    private final IssueJobs jobs;
    private final Clock clock;

    public IssueJobsRunner() {
        this(Clock.systemUTC());
    }

    private IssueJobsRunner(Clock clock) {
        this(issueJobs(clock), clock);
    }

    public IssueJobsRunner(IssueJobs jobs, Clock clock) {
        this.jobs = jobs;
        this.clock = clock;
    }

    private static IssueJobs issueJobs(Clock clock) {
        CouponService service = CouponsComposition.service(AwsClients.dynamo(), new DynamoTenantDirectory(AwsClients.dynamo()), clock);
        return CouponsComposition.issueJobs(service, AwsClients.dynamo());
    }

    @Override
    public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
        long budget = context == null ? Duration.ofMinutes(5).toMillis() : Math.max(0, context.getRemainingTimeInMillis() - 30_000);
        int steps = jobs.runUnfinished(Instant.now(clock).plusMillis(budget));
        Map<String, Object> out = Map.of("steps", steps);
        Log.info("coupon issue jobs", out);
        return out;
    }
}
