package com.zhidian.campaigns.api;

import static com.zhidian.core.auth.Role.OWNER;

import com.zhidian.campaigns.application.CampaignResults;
import com.zhidian.campaigns.application.CampaignService;
import com.zhidian.campaigns.application.MessageCentre;
import com.zhidian.campaigns.domain.Campaign;
import com.zhidian.core.http.Fields;
import com.zhidian.core.http.Formats;
import com.zhidian.core.http.Request;
import com.zhidian.core.http.Response;
import com.zhidian.core.http.Routes;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;

/** The owner's campaigns: create, read, preview, send, cancel, deliveries with reasons, and the channels' outboxes. */
final class CampaignsRoutes {
    private final CampaignService campaigns;
    private final MessageCentre messages;
    private final CampaignResults results;

    CampaignsRoutes(CampaignService campaigns, MessageCentre messages, CampaignResults results) {
        this.campaigns = campaigns;
        this.messages = messages;
        this.results = results;
    }

    Routes declare(Routes routes) {
        return routes
                .on("POST /campaigns", Set.of(OWNER), this::create)
                .on("GET /campaigns", Set.of(OWNER), r -> Response.ok(Views.page(
                        campaigns.list(r.caller().tenantId(), r.limit(), r.query("cursor")), Views::campaign)))
                .on("GET /campaigns/{campaignId}", Set.of(OWNER), r -> {
                    String t = r.caller().tenantId();
                    String id = r.pathId("campaignId");
                    return Response.ok(Views.campaign(campaigns.get(t, id), campaigns.counts(t, id)));
                })
                .on("POST /campaigns/{campaignId}/preview", Set.of(OWNER), r -> Response.ok(
                        Views.preview(campaigns.preview(r.caller().tenantId(), r.pathId("campaignId")))))
                .on("POST /campaigns/{campaignId}/send", Set.of(OWNER), r -> Response.ok(
                        Views.campaign(campaigns.send(r.caller().tenantId(), r.pathId("campaignId")))))
                .on("POST /campaigns/{campaignId}/cancel", Set.of(OWNER), r -> Response.ok(
                        Views.campaign(campaigns.cancel(r.caller().tenantId(), r.pathId("campaignId")))))
                .on("GET /campaigns/{campaignId}/deliveries", Set.of(OWNER), r -> Response.ok(Views.page(
                        campaigns.deliveries(r.caller().tenantId(), r.pathId("campaignId"), r.limit(), r.query("cursor")),
                        Views::delivery)))
                .on("GET /campaigns/{campaignId}/results", Set.of(OWNER), r -> Response.ok(ResultsView.of(results.of(
                        r.caller().tenantId(), r.pathId("campaignId"),
                        r.queryInt("days", CampaignResults.DEFAULT_DAYS, 1, CampaignResults.MAX_DAYS)))))
                .on("GET /message-outbox", Set.of(OWNER), this::outbox);
    }

    private Response create(Request r) {
        Fields f = r.fields("title", "body", "channel", "segmentId", "couponTemplateId", "sendAt", "holdoutPercent");
        String title = f.requiredString("title", 1, 60);
        String body = f.requiredString("body", 1, 500);
        String channel = f.requiredEnum("channel", Campaign.CHANNELS);
        String segmentId = f.requiredMatching("segmentId", Formats.ID, "must be a segment id");
        String coupon = f.optionalMatching("couponTemplateId", Formats.ID, "must be a coupon template id");
        String sendAtText = f.optionalString("sendAt", 1, 40);
        Instant sendAt = null;
        if (sendAtText != null) {
            try {
                sendAt = Instant.parse(sendAtText);
            } catch (DateTimeParseException e) {
                f.reject("sendAt", "invalid_format", "must be a date-time like 2026-05-17T10:00:00Z");
            }
        }
        Long holdout = f.optionalLong("holdoutPercent", 0, Campaign.MAX_HOLDOUT_PERCENT);
        f.check();
        Campaign c = campaigns.create(r.caller().tenantId(), new CampaignService.Draft(title, body, channel, segmentId, coupon,
                sendAt, holdout == null ? 0 : holdout.intValue()));
        return Response.created(Views.campaign(c)).header("Location", "/campaigns/" + c.campaignId());
    }

    private Response outbox(Request r) {
        String channel = r.query("channel") == null ? Campaign.SMS : r.query("channel");
        if (!Campaign.SMS.equals(channel) && !Campaign.WECHAT.equals(channel)) {
            throw com.zhidian.core.errors.ApiException.badRequest("channel must be sms or wechat", java.util.List.of(
                    new com.zhidian.core.errors.ApiException.FieldError("channel", "not_in_list", "must be one of sms, wechat")));
        }
        return Response.ok(Views.page(messages.outbox(r.caller().tenantId(), channel, r.limit(), r.query("cursor")), e -> {
            Map<String, Object> v = Views.message(e.message(), true);
            v.put("to", e.toMasked());
            v.put("via", e.via());
            return v;
        }));
    }
}
