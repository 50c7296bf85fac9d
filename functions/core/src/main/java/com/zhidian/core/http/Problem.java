package com.zhidian.core.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zhidian.core.Json;
import com.zhidian.core.errors.ApiException;
import java.util.Map;

/** RFC 9457 problem details: the one place where a failure becomes an HTTP answer. */
public final class Problem {
    public static final String CONTENT_TYPE = "application/problem+json";

    private Problem() {}

    /** The rails' and the contexts' usual titles in Chinese; type and code stay the English title's slug. */
    private static final Map<String, String> TITLES_ZH = Map.ofEntries(
            Map.entry("Invalid request", "请求无效"),
            Map.entry("Unauthorized", "未登录或登录已失效"),
            Map.entry("Forbidden", "无权执行此操作"),
            Map.entry("Not found", "未找到"),
            Map.entry("Conflict", "冲突"),
            Map.entry("Payload too large", "请求体过大"),
            Map.entry("Unsupported media type", "不支持的内容类型"),
            Map.entry("Request refused", "请求被拒绝"),
            Map.entry("Too many requests", "请求过于频繁"),
            Map.entry("Service unavailable", "服务暂时不可用"),
            Map.entry("Internal error", "内部错误"),
            Map.entry("Not enough points", "积分不足"));

    public static Response of(ApiException e, String instance) {
        return of(e, instance, Language.EN);
    }

    /** In the reader's language: the title and, where the thrower gave one, the detail (English is the default). */
    public static Response of(ApiException e, String instance, Language language) {
        boolean zh = language == Language.ZH;
        ObjectNode body = Json.object();
        body.put("type", "https://zhidian.dev/problems/" + slug(e.title()));
        body.put("title", zh ? TITLES_ZH.getOrDefault(e.title(), e.title()) : e.title());
        body.put("status", e.status());
        body.put("detail", zh && e.detailZh() != null ? e.detailZh() : e.detail());
        body.put("code", e.code() != null ? e.code() : slug(e.title()));
        if (instance != null) body.put("instance", instance);
        e.extensions().forEach((k, v) -> body.set(k, Json.MAPPER.valueToTree(v)));
        if (!e.errors().isEmpty()) {
            ArrayNode errors = body.putArray("errors");
            e.errors().forEach(f -> errors.addObject().put("field", f.field()).put("code", f.code()).put("message", f.message()));
        }
        Response r = Response.of(e.status(), body).header("Content-Type", CONTENT_TYPE);
        if (e.status() == 429) r.header("Retry-After", "1");
        return r;
    }

    private static String slug(String title) {
        return title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }
}
