package com.zhidian.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.zhidian.local.aws.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands in for the one WeChat API campaigns calls when a member binds its WeChat identity: mini-program login's
 * code2Session, {@code GET /sns/jscode2session?appid&secret&js_code&grant_type=authorization_code}, answered as
 * WeChat documents it (https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/user-login/code2Session.html):
 * {@code {"openid", "session_key"}} with HTTP 200, or {@code {"errcode": 40029, "errmsg": "invalid code"}} for a code
 * it did not issue or that expired (5 minutes), 40163 for one used already, 40125 for a wrong secret pair is not
 * modelled (any appid and secret are accepted). {@link #login} stands in for {@code wx.login} in the mini-program: a
 * code for a WeChat user, whose openid is stable for that user and app id, as WeChat's are.
 */
public final class WeChatLocal implements AutoCloseable {
    static final Duration CODE_LIFETIME = Duration.ofMinutes(5);
    private record Issued(String user, Instant at) {}

    private final HttpServer server;
    private final Map<String, Issued> codes = new ConcurrentHashMap<>();
    private final Map<String, Boolean> used = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    private WeChatLocal(HttpServer server, Clock clock) {
        this.server = server;
        this.clock = clock;
    }

    public static WeChatLocal start(String host, int port) {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(host, port), 0);
            WeChatLocal w = new WeChatLocal(s, Clock.systemUTC());
            s.createContext("/sns/jscode2session", w::code2Session);
            s.start();
            return w;
        } catch (IOException e) {
            throw new IllegalStateException("the WeChat stand-in did not start", e);
        }
    }

    public URI endpoint() {
        return URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort());
    }

    /** What {@code wx.login} gives the mini-program of the WeChat user {@code user}: a code, once, for 5 minutes. */
    public String login(String user) {
        byte[] b = new byte[16];
        random.nextBytes(b);
        String code = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        codes.put(code, new Issued(user, clock.instant()));
        return code;
    }

    /** The openid of a user for an app: stable, 28 characters starting with "o", as WeChat's look. */
    static String openId(String appId, String user) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest((appId + "|" + user).getBytes(StandardCharsets.UTF_8));
            return ("o" + Base64.getUrlEncoder().withoutPadding().encodeToString(h)).substring(0, 28);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void code2Session(HttpExchange ex) throws IOException {
        Map<String, String> q = query(ex.getRequestURI().getRawQuery());
        ObjectNode out = Json.object();
        String code = q.getOrDefault("js_code", "");
        Issued issued = codes.get(code);
        if (!"GET".equals(ex.getRequestMethod()) || !"authorization_code".equals(q.get("grant_type")) || q.get("appid") == null) {
            out.put("errcode", 40013).put("errmsg", "invalid appid or grant_type");
        } else if (used.containsKey(code)) {
            out.put("errcode", 40163).put("errmsg", "code been used");
        } else if (issued == null || issued.at().plus(CODE_LIFETIME).isBefore(clock.instant())) {
            out.put("errcode", 40029).put("errmsg", "invalid code");
        } else {
            used.put(code, true);
            codes.remove(code);
            byte[] key = new byte[16];
            random.nextBytes(key);
            out.put("openid", openId(q.get("appid"), issued.user()))
                    .put("session_key", Base64.getEncoder().encodeToString(key));
        }
        byte[] body = Json.bytes(out);
        // WeChat answers these with text/plain; clients parse the body as JSON either way
        ex.getResponseHeaders().set("Content-Type", "text/plain");
        ex.sendResponseHeaders(200, body.length);
        try (OutputStream o = ex.getResponseBody()) {
            o.write(body);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null) return out;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) continue;
            out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
