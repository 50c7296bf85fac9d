package com.zhidian.local.gateway;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zhidian.local.aws.Json;

/** RFC 9457 problem documents, shaped as the functions' own (type {@code https://zhidian.dev/problems/<slug>}). */
final class Problems {
    private Problems() {}

    static ObjectNode of(int status, String title, String detail, String field) {
        return of(status, title, detail, field, null);
    }

    /**
     * With the stable codes the functions' problems carry: {@code code} (a slug of the title unless given) and each
     * field error's code, so that the portal words every refusal of sign-in in the reader's language.
     */
    static ObjectNode of(int status, String title, String detail, String field, String code) {
        ObjectNode o = Json.object();
        String slug = title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
        o.put("type", "https://zhidian.dev/problems/" + slug);
        o.put("title", title);
        o.put("status", status);
        o.put("detail", detail);
        o.put("code", code != null ? code : slug);
        if (field != null) {
            ArrayNode errors = o.putArray("errors");
            errors.addObject().put("field", field).put("message", detail).put("code", fieldCode(detail));
        }
        return o;
    }

    /** The field error codes of core's Fields, for the messages sign-in gives. */
    static String fieldCode(String message) {
        if (message == null) return "invalid";
        if (message.endsWith("is required")) return "required";
        if (message.equals("unknown field")) return "unknown_field";
        if (message.startsWith("must be a mainland")) return "invalid_format";
        if (message.startsWith("Password does not conform") || message.contains("password")) return "weak_password";
        return "invalid";
    }

    static ObjectNode badRequest(String field, String message) { return of(400, "Invalid request", message, field); }

    static ObjectNode unauthorized(String detail) { return of(401, "Unauthorized", detail, null); }

    /** A refused sign-in: {@code auth.wrong_credentials} (e-mail and password) or {@code auth.wrong_code} (phone and code). */
    static ObjectNode refused(String detail, String code) { return of(401, "Unauthorized", detail, null, code); }

    static ObjectNode unavailable(String detail) { return of(503, "Service unavailable", detail, null); }
}
