package com.zhidian.office.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.zhidian.core.Log;
import com.zhidian.core.aws.AwsClients;
import com.zhidian.core.dynamo.DynamoTenantDirectory;
import com.zhidian.office.application.Office;
import com.zhidian.office.application.PatrolService;
import com.zhidian.office.application.VideoPatrolService;
import com.zhidian.office.domain.Round;
import com.zhidian.office.store.DynamoPatrolRepository;
import java.time.Clock;
import java.util.Map;

/**
 * PatrolCameraEventsFunction: the IoT rule on {@code zhidian/+/+/+/patrol} sends each report of a patrol camera here,
 * with the topic's tenant, store and device added by the rule (the thing policy lets a device publish only under its
 * own). {@code type} snapshot, {@code roundId}, {@code checkpointId}, {@code key}: the snapshot it stored under the
 * key it was asked for. Anything else, or a report the service does not accept, is dropped.
 */
public final class PatrolCameraEventsHandler implements RequestHandler<Map<String, Object>, Void> {
    private final VideoPatrolService video;

    public PatrolCameraEventsHandler() {
        this(Clock.systemUTC(), new DynamoPatrolRepository(AwsClients.dynamo()), new DynamoTenantDirectory(AwsClients.dynamo()));
    }

    private PatrolCameraEventsHandler(Clock clock, DynamoPatrolRepository repo, DynamoTenantDirectory tenants) {
        this(Office.video(new PatrolService(repo, Office.tags(), (t, s) -> true, Office.zones(tenants), t -> java.util.List.of(), clock),
                repo, AwsClients.dynamo(), tenants, clock));
    }

    public PatrolCameraEventsHandler(VideoPatrolService video) {
        this.video = video;
    }

    @Override
    public Void handleRequest(Map<String, Object> e, Context context) {
        if (e.get("tenantId") instanceof String t && e.get("storeId") instanceof String s && e.get("topicDeviceId") instanceof String d
                && "snapshot".equals(e.get("type")) && e.get("roundId") instanceof String round && e.get("checkpointId") instanceof String cp
                && e.get("key") instanceof String key) {
            Round r = video.report(t, s, d, round, cp, key);
            if (r == null) Log.info("patrol camera report dropped", Map.of("tenantId", t, "deviceId", d, "roundId", round));
        }
        return null;
    }
}
