package com.zhidian.office.jobs;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.zhidian.core.Log;
import com.zhidian.core.aws.AwsClients;
import com.zhidian.core.dynamo.DynamoTenantDirectory;
import com.zhidian.office.application.Office;
import com.zhidian.office.application.PatrolService;
import com.zhidian.office.store.DynamoPatrolRepository;
import java.time.Clock;
import java.util.Map;

/**
 * PatrolSweepFunction, every five minutes: each round that has closed since the last sweep is closed, its unvisited
 * checkpoints missed, and one alert raised per missed checkpoint (a second sweep raises none).
 */
public final class PatrolSweepJob implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final PatrolService patrols;

    public PatrolSweepJob() {
        this(new PatrolService(new DynamoPatrolRepository(AwsClients.dynamo()), Office.tags(),
                (tenantId, storeId) -> true, Office.zones(new DynamoTenantDirectory(AwsClients.dynamo())),
                tenantId -> java.util.List.of(), Clock.systemUTC()));
    }

    public PatrolSweepJob(PatrolService patrols) {
        this.patrols = patrols;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        int raised = patrols.sweep();
        Log.info("patrol sweep", Map.of("raised", raised));
        return Map.of("raised", raised);
    }
}
