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
    private final com.zhidian.campaigns.application.WeChatIdentities wechat;

    MyMessagesRoutes(MessageCentre centre, com.zhidian.campaigns.application.WeChatIdentities wechat) {
        this.centre = centre;
        this.wechat = wechat;
    }

    Routes declare(Routes routes) {
        return routes
                .on("GET /me/messages", Set.of(CUSTOMER), this::list)
                .on("POST /me/messages/{messageId}/read", Set.of(CUSTOMER), r -> Response.ok(Views.message(
                        centre.markRead(r.caller().tenantId(), r.caller().requireMember(), r.pathId("messageId")), false)))
                .on("POST /me/unsubscribe", Set.of(CUSTOMER), this::unsubscribe)
                .on("POST /me/wechat", Set.of(CUSTOMER), this::bindWeChat);
    }

    /** The mini-program's wx.login code: WeChat subscription messages reach the member from now on. */
    private Response bindWeChat(Request r) {
        Fields f = r.fields("code");
        String code = f.requiredString("code", 1, 128);
        f.check();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("bound", true);
        v.put("openIdMasked", wechat.bind(r.caller().tenantId(), r.caller().requireMember(), code));
        return Response.ok(v);
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
