package com.zhidian.office.jobs;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.zhidian.core.Log;
import com.zhidian.core.aws.AwsClients;
import com.zhidian.core.dynamo.DynamoTenantDirectory;
import com.zhidian.office.application.Office;
import com.zhidian.office.application.PatrolService;
import com.zhidian.office.application.VideoPatrolService;
import com.zhidian.office.store.DynamoPatrolRepository;
import java.time.Clock;
import java.util.Map;

/**
 * PatrolSweepFunction, every minute: each round that has closed since the last sweep is closed, its unvisited
 * checkpoints missed, and one alert raised per missed checkpoint (a second sweep raises none); and the camera of each
 * camera checkpoint of a round open now is asked for its snapshot, once per round.
 */
public final class PatrolSweepJob implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final PatrolService patrols;
    private final VideoPatrolService video;

    public PatrolSweepJob() {
        var db = AwsClients.dynamo();
        var repo = new DynamoPatrolRepository(db);
        var tenants = new DynamoTenantDirectory(db);
        Clock clock = Clock.systemUTC();
        this.patrols = new PatrolService(repo, Office.tags(), (tenantId, storeId) -> true, Office.zones(tenants),
                tenantId -> java.util.List.of(), clock);
        this.video = Office.video(patrols, repo, db, tenants, clock);
    }

    public PatrolSweepJob(PatrolService patrols, VideoPatrolService video) {
        this.patrols = patrols;
        this.video = video;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        int raised = patrols.sweep();
        int asked = video.askCameras();
        Log.info("patrol sweep", Map.of("raised", raised, "camerasAsked", asked));
        return Map.of("raised", raised, "camerasAsked", asked);
    }
}
