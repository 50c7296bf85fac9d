package com.zhidian.campaigns.api;

import com.zhidian.campaigns.application.CampaignService;
import com.zhidian.campaigns.domain.Campaign;
import com.zhidian.core.http.Fields;
import com.zhidian.core.http.Formats;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * A new campaign's body, in either form: Zhidian's ({@code title, body, segmentId}: a saved segment) or the API
 * outline's ({@code name, segment: {match?, rules}, message: {title, body}}: the segment saved with the campaign under
 * its name). The other fields are shared; mixing the forms is refused naming the stray field.
 */
final class CampaignBody {
    static final String[] FIELDS = {"title", "body", "segmentId", "name", "segment", "message", "channel", "couponTemplateId",
            "sendAt", "holdoutPercent"};
    private static final Set<String> OWN = Set.of("title", "body", "segmentId");
    private static final Set<String> OUTLINE = Set.of("name", "segment", "message");

    /** {@code name} and {@code segment} are set for the outline's form only. */
    record Read(CampaignService.Draft draft, String name, SegmentBody.Criteria segment) {}

    private CampaignBody() {}

    static Read read(Fields f, String tenantId, BiPredicate<String, String> hasStore) {
        boolean outline = OUTLINE.stream().anyMatch(f::has);
        for (String stray : outline ? OWN : Set.<String>of()) {
            if (f.has(stray)) f.reject(stray, Fields.UNKNOWN_FIELD, "not with name, segment and message");
        }
        String title, body, segmentId = null, name = null;
        SegmentBody.Criteria segment = null;
        if (outline) {
            name = f.requiredString("name", 1, 80);
            Fields message = f.requiredObject("message", Set.of("title", "body"));
            title = message == null ? null : message.requiredString("title", 1, 60);
            body = message == null ? null : message.requiredString("body", 1, 500);
            Fields rules = f.requiredObject("segment", Set.of("match", "rules"));
            segment = rules == null ? null : SegmentBody.read(rules, tenantId, hasStore);
        } else {
            title = f.requiredString("title", 1, 60);
            body = f.requiredString("body", 1, 500);
            segmentId = f.requiredMatching("segmentId", Formats.ID, "must be a segment id");
        }
        String channel = f.requiredEnum("channel", Campaign.CHANNELS);
        String coupon = f.optionalMatching("couponTemplateId", Formats.ID, "must be a coupon template id");
        Instant sendAt = instant(f, "sendAt");
        Long holdout = f.optionalLong("holdoutPercent", 0, Campaign.MAX_HOLDOUT_PERCENT);
        f.check();
        return new Read(new CampaignService.Draft(title, body, channel, segmentId, coupon, sendAt, holdout == null ? 0 : holdout.intValue()),
                name, segment);
    }

    private static Instant instant(Fields f, String field) {
        String text = f.optionalString(field, 1, 40);
        if (text == null) return null;
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            f.reject(field, Fields.INVALID_FORMAT, "must be a date-time like 2026-05-17T10:00:00Z");
            return null;
        }
    }
}
