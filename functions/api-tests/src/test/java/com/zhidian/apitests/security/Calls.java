package com.zhidian.apitests.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.support.Api;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sends one operation of the spec with given path values and body. */
public final class Calls {
    private Calls() {}

    public static Api.Res send(Api api, SpecOps.Op op, Map<String, String> pathValues, JsonNode body) {
        return send(api, op, pathValues, body, null);
    }

    public static Api.Res send(Api api, SpecOps.Op op, Map<String, String> pathValues, JsonNode body, String idempotencyKey) {
        Map<String, String> encoded = new LinkedHashMap<>();
        pathValues.forEach((k, v) -> encoded.put(k, v == null ? null : URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20")));
        String path = op.fill(encoded);
        // a required query parameter that names an object (GET /orders?storeId=) takes the same value as a path one would
        String sep = "?";
        for (SpecOps.Param q : op.queryParams()) {
            String v = q.required() ? encoded.get(q.name()) : null;
            if (v == null && q.required()) v = plainValue(q);
            if (v != null) {
                path += sep + q.name() + "=" + v;
                sep = "&";
            }
        }
        if (idempotencyKey == null && op.method().equals("POST") && op.takesIdempotencyKey()) {
            idempotencyKey = java.util.UUID.randomUUID().toString();   // some POSTs require one; a fresh key never replays
        }
        String text = body == null ? null : body.toString();
        if (text == null && op.hasBody()) text = "{}";
        return api.send(op.method(), path, text, idempotencyKey, "application/json");
    }

    /**
     * A valid value for a required query parameter that names no object: today for a date (a report's from and to,
     * a reconciliation's day), else the first of an enum; null when the schema says nothing usable.
     */
    static String plainValue(SpecOps.Param q) {
        Map<String, Object> schema = q.schema() == null ? Map.of() : q.schema();
        if ("date".equals(schema.get("format")) || q.name().equals("date") || q.name().equals("from") || q.name().equals("to")) {
            return java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        }
        if (schema.get("enum") instanceof List<?> values && !values.isEmpty()) return String.valueOf(values.get(0));
        return null;
    }

    /** The operation's path with these values, URL-encoded. */
    public static String path(SpecOps.Op op, Map<String, String> pathValues) {
        Map<String, String> encoded = new LinkedHashMap<>();
        pathValues.forEach((k, v) -> encoded.put(k, v == null ? null : URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20")));
        return op.fill(encoded);
    }

    /** True when the answer is a problem document of that status. */
    public static boolean isProblem(Api.Res r, int status) {
        if (r.status() != status) return false;
        String ct = r.contentType();
        if (ct == null || !ct.startsWith("application/problem+json")) return false;
        try {
            JsonNode p = r.json();
            return p.path("status").asInt() == status && p.hasNonNull("title") && p.hasNonNull("type");
        } catch (AssertionError e) {
            return false;
        }
    }
}
