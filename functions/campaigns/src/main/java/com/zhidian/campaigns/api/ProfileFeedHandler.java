package com.zhidian.campaigns.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.zhidian.campaigns.application.Campaigns;
import com.zhidian.campaigns.application.ProfileService;
import com.zhidian.core.http.Platform;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * CampaignsProfileFunction: the table's DynamoDB stream filtered to the orders' order events (INSERT of
 * {@code kind = order.event}, template.yaml) keeps each member's purchase-history profile. Every event is applied
 * exactly once in effect ({@link ProfileService#onOrderEvent}: a marker per event in the profile's transaction); an
 * event without a member changes nothing; a failure fails the batch, which Lambda retries.
 */
public final class ProfileFeedHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final ProfileService profiles;
    private final BiFunction<String, List<String>, List<String>> categories;

    public ProfileFeedHandler() {
        Platform p = Platform.fromEnvironment();
        this.profiles = Campaigns.profiles(p.db(), p.clock());
        this.categories = Campaigns.categories(p.db());
    }

    /** {@code categories}: the catalog's categories of the order's GTINs (tenant, GTINs). */
    public ProfileFeedHandler(ProfileService profiles, BiFunction<String, List<String>, List<String>> categories) {
        this.profiles = profiles;
        this.categories = categories;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        int records = 0, applied = 0;
        if (event.get("Records") instanceof List<?> list) {
            for (Object r : list) {
                if (!(r instanceof Map<?, ?> rec) || !(rec.get("dynamodb") instanceof Map<?, ?> ddb)
                        || !(ddb.get("NewImage") instanceof Map<?, ?> i)) continue;
                String tenant = s(i, "tenantId"), member = s(i, "memberId"), id = s(i, "eventId"), kind = s(i, "event");
                String order = s(i, "orderId"), at = s(i, "at");
                if (!"order.event".equals(s(i, "kind")) || tenant == null || member == null || id == null || order == null
                        || at == null || !("paid".equals(kind) || "refunded".equals(kind))) continue;
                records++;
                long net = 0;
                List<String> gtins = new ArrayList<>();
                if (i.get("lines") instanceof Map<?, ?> l && l.get("L") instanceof List<?> items) {
                    for (Object o : items) {
                        if (!(o instanceof Map<?, ?> av) || !(av.get("M") instanceof Map<?, ?> m)) continue;
                        net += n(m, "net");
                        String gtin = s(m, "gtin");
                        if (gtin != null && !gtins.contains(gtin)) gtins.add(gtin);
                    }
                }
                if (profiles.onOrderEvent(tenant, member, id, order, "paid".equals(kind), Instant.parse(at), net,
                        "paid".equals(kind) ? categories.apply(tenant, gtins) : List.of(), gtins)) {
                    applied++;
                }
            }
        }
        return Map.of("records", records, "applied", applied);
    }

    private static String s(Map<?, ?> image, String name) {
        return image.get(name) instanceof Map<?, ?> av && av.get("S") instanceof String v ? v : null;
    }

    private static long n(Map<?, ?> image, String name) {
        return image.get(name) instanceof Map<?, ?> av && av.get("N") instanceof String v ? Long.parseLong(v) : 0;
    }
}
