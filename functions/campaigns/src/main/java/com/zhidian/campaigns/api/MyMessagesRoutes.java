package com.zhidian.campaigns.api;

import static com.zhidian.core.auth.Role.CUSTOMER;

import com.zhidian.campaigns.application.MessageCentre;
import com.zhidian.core.http.Fields;
import com.zhidian.core.http.Request;
import com.zhidian.core.http.Response;
import com.zhidian.core.http.Routes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The customer's message centre: the member comes from the token, never from the request. */
final class MyMessagesRoutes {
    private final MessageCentre centre;

    MyMessagesRoutes(MessageCentre centre) {
        this.centre = centre;
    }

    Routes declare(Routes routes) {
        return routes
                .on("GET /me/messages", Set.of(CUSTOMER), this::list)
                .on("POST /me/messages/{messageId}/read", Set.of(CUSTOMER), r -> Response.ok(Views.message(
                        centre.markRead(r.caller().tenantId(), r.caller().requireMember(), r.pathId("messageId")), false)))
                .on("POST /me/unsubscribe", Set.of(CUSTOMER), this::unsubscribe);
    }

    private Response list(Request r) {
        String t = r.caller().tenantId();
        String m = r.caller().requireMember();
        Map<String, Object> v = Views.page(centre.messages(t, m, r.limit(), r.query("cursor")), x -> Views.message(x, false));
        v.put("unread", centre.unread(t, m));
        return Response.ok(v);
    }

    private Response unsubscribe(Request r) {
        Fields f = r.fields("token");
        String token = f.requiredString("token", 1, 512);
        f.check();
        var target = centre.unsubscribe(r.caller().tenantId(), r.caller().requireMember(), token);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("purpose", "marketing_push");
        v.put("granted", false);
        v.put("campaignId", target.campaignId());
        return Response.ok(v);
    }
}
