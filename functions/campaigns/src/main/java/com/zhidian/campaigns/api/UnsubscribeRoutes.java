package com.zhidian.campaigns.api;

import com.zhidian.campaigns.application.MessageCentre;
import com.zhidian.campaigns.application.UnsubscribeLinks;
import com.zhidian.core.http.Fields;
import com.zhidian.core.http.Request;
import com.zhidian.core.scope.RequestScope;
import com.zhidian.core.http.Response;
import com.zhidian.core.http.Routes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The public unsubscribe page behind an SMS's link (no sign-in): the signed token alone names tenant and member, so it
 * withdraws only that member's {@code marketing_push}; the undo works for a few minutes after.
 */
final class UnsubscribeRoutes {
    private final MessageCentre centre;
    private final UnsubscribeLinks links;

    UnsubscribeRoutes(MessageCentre centre, UnsubscribeLinks links) {
        this.centre = centre;
        this.links = links;
    }

    Routes declare(Routes routes) {
        return routes
                .on("POST /unsubscribe", Set.of(), r -> inTenant(r, token -> {
                    MessageCentre.LinkUnsubscribe u = centre.unsubscribeByLink(token);
                    Map<String, Object> v = new LinkedHashMap<>();
                    v.put("purpose", "marketing_push");
                    v.put("granted", false);
                    v.put("campaignId", u.target().campaignId());
                    v.put("withdrawnAt", u.withdrawnAt().toString());
                    v.put("undoUntil", u.undoUntil().toString());
                    return Response.ok(v);
                }))
                .on("POST /unsubscribe/undo", Set.of(), r -> inTenant(r, token -> {
                    UnsubscribeLinks.Target target = centre.undoUnsubscribe(token);
                    Map<String, Object> v = new LinkedHashMap<>();
                    v.put("purpose", "marketing_push");
                    v.put("granted", true);
                    v.put("campaignId", target.campaignId());
                    return Response.ok(v);
                }));
    }

    /** The request came with no tenant: the verified token names it (the rails' scope ends with it). */
    private Response inTenant(Request r, Function<String, Response> then) {
        Fields f = r.fields("token");
        String token = f.requiredString("token", 1, 512);
        f.check();
        String tenantId = links.verify(token).tenantId();
        RequestScope scope = RequestScope.enter(tenantId);
        try {
            return then.apply(token);
        } finally {
            scope.exit();
        }
    }
}
