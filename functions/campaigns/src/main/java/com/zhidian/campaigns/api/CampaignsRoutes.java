package com.zhidian.campaigns.api;

import static com.zhidian.core.auth.Role.OWNER;

import com.zhidian.campaigns.application.CampaignResults;
import com.zhidian.campaigns.application.CampaignService;
import com.zhidian.campaigns.application.MessageCentre;
import com.zhidian.campaigns.domain.Campaign;
import com.zhidian.core.http.Request;
import com.zhidian.core.http.Response;
import com.zhidian.core.http.Routes;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

/** The owner's campaigns: create, read, preview, send, cancel, deliveries with reasons, and the channels' outboxes. */
final class CampaignsRoutes {
    private final CampaignService campaigns;
    private final MessageCentre messages;
    private final CampaignResults results;
    private final BiPredicate<String, String> hasStore;

    CampaignsRoutes(CampaignService campaigns, MessageCentre messages, CampaignResults results, BiPredicate<String, String> hasStore) {
        this.campaigns = campaigns;
        this.messages = messages;
        this.results = results;
        this.hasStore = hasStore;
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
        String tenantId = r.caller().tenantId();
        CampaignBody.Read in = CampaignBody.read(r.fields(CampaignBody.FIELDS), tenantId, hasStore);
        Campaign c = in.segment() == null ? campaigns.create(tenantId, in.draft())
                : campaigns.createWithSegment(tenantId, in.name(), in.segment().match(), in.segment().rules(), in.draft());
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
