package com.zhidian.core.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zhidian.core.Json;
import com.zhidian.core.errors.ApiException;

/** RFC 9457 problem details: the one place where a failure becomes an HTTP answer. */
public final class Problem {
    public static final String CONTENT_TYPE = "application/problem+json";

    private Problem() {}

    public static Response of(ApiException e, String instance) {
        ObjectNode body = Json.object();
        body.put("type", "https://zhidian.dev/problems/" + slug(e.title()));
        body.put("title", e.title());
        body.put("status", e.status());
        body.put("detail", e.detail());
        body.put("code", e.code() != null ? e.code() : slug(e.title()));
        if (instance != null) body.put("instance", instance);
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
