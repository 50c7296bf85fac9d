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

    /** For a field message the catalogue ({@link Chinese}) lacks: the gist of its code, then the English. */
    private static final Map<String, String> GIST_ZH = Map.ofEntries(
            Map.entry(Fields.REQUIRED, "必填"),
            Map.entry(Fields.UNKNOWN_FIELD, "未知字段"),
            Map.entry(Fields.INVALID_TYPE, "类型不正确"),
            Map.entry(Fields.INVALID_TEXT, "文本无效"),
            Map.entry(Fields.BLANK, "不能为空白"),
            Map.entry(Fields.TOO_SHORT, "太短"),
            Map.entry(Fields.TOO_LONG, "太长"),
            Map.entry(Fields.INVALID_FORMAT, "格式不正确"),
            Map.entry(Fields.NOT_IN_LIST, "不是允许的取值"),
            Map.entry(Fields.OUT_OF_RANGE, "超出允许范围"),
            Map.entry(Fields.TOO_FEW, "项数太少"),
            Map.entry(Fields.TOO_MANY, "项数太多"),
            Map.entry("not_allowed", "此处不允许"),
            Map.entry("duplicate", "重复"),
            Map.entry("not_found", "不存在"));

    public static Response of(ApiException e, String instance) {
        return of(e, instance, Language.EN);
    }

    /**
     * In the reader's language (English is the default): for zh-CN the thrower's Chinese detail where it gave one, else
     * the catalogue's Chinese of the English words ({@link Chinese}).
     */
    public static Response of(ApiException e, String instance, Language language) {
        boolean zh = language == Language.ZH;
        ObjectNode body = Json.object();
        body.put("type", "https://zhidian.dev/problems/" + slug(e.title()));
        String title = zh ? Chinese.orGist(e.title(), "请求未完成") : e.title();
        body.put("title", title);
        body.put("status", e.status());
        body.put("detail", !zh ? e.detail() : e.detailZh() != null ? e.detailZh() : Chinese.orGist(e.detail(), title));
        body.put("code", e.code() != null ? e.code() : slug(e.title()));
        if (instance != null) body.put("instance", instance);
        e.extensions().forEach((k, v) -> body.set(k, Json.MAPPER.valueToTree(v)));
        if (!e.errors().isEmpty()) {
            ArrayNode errors = body.putArray("errors");
            e.errors().forEach(f -> errors.addObject().put("field", f.field()).put("code", f.code())
                    .put("message", zh ? Chinese.orGist(f.message(), GIST_ZH.getOrDefault(f.code(), "取值无效")) : f.message()));
        }
        Response r = Response.of(e.status(), body).header("Content-Type", CONTENT_TYPE);
        if (e.status() == 429) r.header("Retry-After", "1");
        return r;
    }

    private static String slug(String title) {
        return title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }
}
