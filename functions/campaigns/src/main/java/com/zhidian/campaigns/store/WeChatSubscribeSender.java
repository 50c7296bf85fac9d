package com.zhidian.campaigns.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.campaigns.domain.ChannelSender;
import com.zhidian.campaigns.domain.Message;
import com.zhidian.core.Env;
import com.zhidian.core.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * WeChat subscription messages (小程序订阅消息) through the WeChat API: {@code GET /cgi-bin/token} (client credential, the
 * token kept until shortly before it expires) and {@code POST /cgi-bin/message/subscribe/send} with the template's
 * fields (title, body, the unsubscribe page). {@code errcode} 0 is sent; 43101 (the member did not subscribe) and 40003
 * (no such openid) are final (unreachable); any other refusal throws and the job tries again. The API's base URL is
 * {@code WECHAT_API_BASE} (a stand-in or a test's server), else api.weixin.qq.com.
 */
public final class WeChatSubscribeSender implements ChannelSender {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String base, appId, secret, templateId;
    private final Clock clock;
    private String token;
    private Instant tokenUntil = Instant.EPOCH;

    public WeChatSubscribeSender(String base, String appId, String secret, String templateId, Clock clock) {
        this.base = base.replaceAll("/$", "");
        this.appId = appId;
        this.secret = secret;
        this.templateId = templateId;
        this.clock = clock;
    }

    public static WeChatSubscribeSender fromEnvironment(Clock clock) {
        return new WeChatSubscribeSender(Env.get("WECHAT_API_BASE", "https://api.weixin.qq.com"), Env.get("WECHAT_APP_ID", ""),
                Env.get("WECHAT_APP_SECRET", ""), Env.get("WECHAT_TEMPLATE_ID", ""), clock);
    }

    @Override
    public Sent send(Message m, Recipient to) {
        if (to.wechatOpenId() == null || to.wechatOpenId().isBlank()) return Sent.unreachable();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("thing1", Map.of("value", cut(m.title(), 20)));
        data.put("thing2", Map.of("value", cut(m.body(), 20)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("touser", to.wechatOpenId());
        body.put("template_id", templateId);
        body.put("page", "pages/messages/index?unsubscribe=" + m.unsubscribeToken());
        body.put("data", data);
        JsonNode r = call(HttpRequest.newBuilder(URI.create(base + "/cgi-bin/message/subscribe/send?access_token=" + enc(token())))
                .timeout(Duration.ofSeconds(3)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body))).build());
        int code = r.path("errcode").asInt(0);
        if (code == 0) return new Sent("wechat", r.path("msgid").asText(null));
        if (code == 43101 || code == 40003) return Sent.unreachable();
        if (code == 40001 || code == 42001) {
            synchronized (this) { tokenUntil = Instant.EPOCH; }
        }
        throw new IllegalStateException("WeChat refused the subscription message: " + code + " " + r.path("errmsg").asText());
    }

    private synchronized String token() {
        if (token != null && clock.instant().isBefore(tokenUntil)) return token;
        JsonNode r = call(HttpRequest.newBuilder(URI.create(base + "/cgi-bin/token?grant_type=client_credential&appid=" + enc(appId)
                + "&secret=" + enc(secret))).timeout(Duration.ofSeconds(3)).GET().build());
        if (!r.hasNonNull("access_token")) throw new IllegalStateException("no WeChat access token: " + r.path("errcode").asInt() + " " + r.path("errmsg").asText());
        token = r.get("access_token").asText();
        tokenUntil = clock.instant().plusSeconds(Math.max(60, r.path("expires_in").asLong(7200) - 300));
        return token;
    }

    private JsonNode call(HttpRequest req) {
        try {
            HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (res.statusCode() != 200) throw new IllegalStateException("WeChat API answered " + res.statusCode());
            return Json.MAPPER.readTree(res.body());
        } catch (IOException e) {
            throw new IllegalStateException("WeChat API unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String cut(String s, int max) {
        return s == null ? "" : s.codePointCount(0, s.length()) <= max ? s : s.substring(0, s.offsetByCodePoints(0, max));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }
}
