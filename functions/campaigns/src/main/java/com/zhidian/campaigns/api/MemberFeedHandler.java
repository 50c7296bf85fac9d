package com.zhidian.campaigns.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.zhidian.campaigns.application.SummaryFeed;
import com.zhidian.campaigns.application.Campaigns;
import com.zhidian.core.http.Platform;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * CampaignsMemberFeedFunction: the table's DynamoDB stream filtered to the members' own items (the member record
 * {@code PROFILE}, the points account {@code POINTS}, the consents {@code C#marketing_push} and
 * {@code C#personalization}; template.yaml) keeps each member's summary, which previews count in memory. Records of
 * one member arrive in order (one partition, one shard); a removed member record counts as gone. A failure fails the
 * batch, which Lambda retries; applying a record twice sets the same values.
 */
public final class MemberFeedHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final SummaryFeed feed;

    public MemberFeedHandler() {
        this(Campaigns.summaryFeed(Platform.fromEnvironment().db()));
    }

    public MemberFeedHandler(SummaryFeed feed) {
        this.feed = feed;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        int applied = 0;
        if (event.get("Records") instanceof List<?> list) {
            for (Object r : list) {
                if (r instanceof Map<?, ?> rec && rec.get("dynamodb") instanceof Map<?, ?> ddb && apply(rec, ddb)) applied++;
            }
        }
        return Map.of("applied", applied);
    }

    private boolean apply(Map<?, ?> rec, Map<?, ?> ddb) {
        if (!(ddb.get("Keys") instanceof Map<?, ?> keys)) return false;
        String pk = s(keys, "pk"), sk = s(keys, "sk");
        if (pk == null || sk == null || !pk.startsWith("T#")) return false;
        int m = pk.indexOf("#M#", 2);
        if (m < 0) return false;
        String tenant = pk.substring(2, m), member = pk.substring(m + 3);
        if (tenant.isEmpty() || member.isEmpty() || member.contains("#")) return false;
        Map<?, ?> image = ddb.get("NewImage") instanceof Map<?, ?> i ? i : null;
        boolean removed = "REMOVE".equals(rec.get("eventName")) || image == null;
        switch (sk) {
            case "PROFILE" -> {
                if (removed) feed.member(tenant, member, false, null, null, null, false);
                else feed.member(tenant, member, "active".equals(s(image, "status")), s(image, "storeId"),
                        s(image, "createdAt") == null ? null : Instant.parse(s(image, "createdAt")), s(image, "birthday"),
                        s(image, "phone") != null);
            }
            case "POINTS" -> {
                if (removed || image.get("balance") == null) return false;
                feed.points(tenant, member, n(image, "balance"));
            }
            case "C#marketing_push", "C#personalization" -> {
                if (removed) feed.consent(tenant, member, sk.substring(2), false, null);
                else feed.consent(tenant, member, sk.substring(2), bool(image, "granted"),
                        s(image, "at") == null ? null : Instant.parse(s(image, "at")));
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private static String s(Map<?, ?> image, String name) {
        return image.get(name) instanceof Map<?, ?> av && av.get("S") instanceof String v ? v : null;
    }

    private static long n(Map<?, ?> image, String name) {
        return image.get(name) instanceof Map<?, ?> av && av.get("N") instanceof String v ? Long.parseLong(v) : 0;
    }

    private static boolean bool(Map<?, ?> image, String name) {
        return image.get(name) instanceof Map<?, ?> av && Boolean.TRUE.equals(av.get("BOOL"));
    }
}
