package com.zhidian.devices.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.zhidian.core.aws.AwsClients;
import com.zhidian.devices.application.DevicesComposition;
import com.zhidian.devices.application.LabelService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * EslPushFunction: the table's DynamoDB stream, filtered to the catalog's price outbox items (INSERT of
 * {@code kind = price.changed}, template.yaml), as Lambda delivers it ({@code {"Records":[{"eventName","dynamodb":
 * {"NewImage":{"tenantId":{"S":..},"gtin":{"S":..},"storeId":{"S":..}}}}]}}; Zhidian Local's stream poller sends the
 * same). The batch's records push the price in force to their products' labels together, in parallel
 * ({@link LabelService#pricesChanged}); a failure fails the batch, which Lambda retries (a push sets a desired state, so
 * doing it twice is harmless).
 */
public final class PriceChangesHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final LabelService labels;

    public PriceChangesHandler() {
        this(DevicesComposition.labels(AwsClients.dynamo(), Clock.systemUTC()));
    }

    public PriceChangesHandler(LabelService labels) {
        this.labels = labels;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        List<LabelService.PriceChange> changes = new ArrayList<>();
        if (event.get("Records") instanceof List<?> list) {
            for (Object r : list) {
                if (!(r instanceof Map<?, ?> rec) || !(rec.get("dynamodb") instanceof Map<?, ?> ddb)
                        || !(ddb.get("NewImage") instanceof Map<?, ?> image)) continue;
                String tenant = s(image, "tenantId"), gtin = s(image, "gtin");
                if (tenant == null || gtin == null) continue;
                changes.add(new LabelService.PriceChange(tenant, s(image, "storeId"), gtin));
            }
        }
        int pushed = labels.pricesChanged(changes);
        return Map.of("records", changes.size(), "labelsPushed", pushed);
    }

    private static String s(Map<?, ?> image, String name) {
        return image.get(name) instanceof Map<?, ?> av && av.get("S") instanceof String v ? v : null;
    }
}
