package com.zhidian.local.gateway;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zhidian.local.aws.Json;

/** RFC 9457 problem documents, shaped as the functions' own (type {@code https://zhidian.dev/problems/<slug>}). */
final class Problems {
    private Problems() {}

    static ObjectNode of(int status, String title, String detail, String field) {
        ObjectNode o = Json.object();
        o.put("type", "https://zhidian.dev/problems/" + title.toLowerCase().replaceAll("[^a-z0-9]+", "-"));
        o.put("title", title);
        o.put("status", status);
        o.put("detail", detail);
        if (field != null) {
            ArrayNode errors = o.putArray("errors");
            errors.addObject().put("field", field).put("message", detail);
        }
        return o;
    }

    static ObjectNode badRequest(String field, String message) { return of(400, "Invalid request", message, field); }

    static ObjectNode unauthorized(String detail) { return of(401, "Unauthorized", detail, null); }

    static ObjectNode unavailable(String detail) { return of(503, "Service unavailable", detail, null); }
}
