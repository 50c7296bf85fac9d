package com.zhidian.campaigns.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.campaigns.domain.CampaignsErrors;
import com.zhidian.campaigns.domain.WeChatSessions;
import com.zhidian.core.Env;
import com.zhidian.core.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * code2Session as WeChat documents it for mini-program login: {@code GET /sns/jscode2session?appid&secret&js_code
 * &grant_type=authorization_code}, answered {@code {"openid", "session_key", "unionid"?}} or
 * {@code {"errcode", "errmsg"}} (40029 invalid code, 40163 code used, 45011 too frequent, -1 busy). A refused code
 * is the member's to retry; anything else (busy, unreachable) is an error of ours to retry. The session key is not
 * kept: campaigns needs the openid only. {@code WECHAT_API_BASE} moves it (Zhidian Local's stand-in).
 */
public final class WeChatCode2Session implements WeChatSessions {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String base;
    private final String appId;
    private final String secret;

    public WeChatCode2Session(String base, String appId, String secret) {
        this.base = base;
        this.appId = appId;
        this.secret = secret;
    }

    public static WeChatCode2Session fromEnvironment() {
        return new WeChatCode2Session(Env.get("WECHAT_API_BASE", "https://api.weixin.qq.com"), Env.get("WECHAT_APP_ID", ""),
                Env.get("WECHAT_APP_SECRET", ""));
    }

    @Override
    public String openId(String code) {
        URI uri = URI.create(base + "/sns/jscode2session?appid=" + enc(appId) + "&secret=" + enc(secret) + "&js_code=" + enc(code)
                + "&grant_type=authorization_code");
        JsonNode r;
        try {
            HttpResponse<String> res = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (res.statusCode() != 200) throw new IllegalStateException("code2Session answered HTTP " + res.statusCode());
            r = Json.MAPPER.readTree(res.body());
        } catch (IOException e) {
            throw new IllegalStateException("code2Session unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted calling code2Session", e);
        }
        int errcode = r.path("errcode").asInt(0);
        if (errcode == 40029 || errcode == 40163 || errcode == 40226) throw new CampaignsErrors.WeChatCodeRefused(errcode);
        if (errcode != 0) throw new IllegalStateException("code2Session refused: " + errcode + " " + r.path("errmsg").asText());
        String openId = r.path("openid").asText("");
        if (openId.isEmpty()) throw new IllegalStateException("code2Session answered no openid");
        return openId;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
