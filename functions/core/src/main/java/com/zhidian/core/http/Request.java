package com.zhidian.core.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.core.Json;
import com.zhidian.core.auth.Caller;
import com.zhidian.core.errors.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** One API call as a route sees it: the verified caller, path and query parameters, and the body. */
public final class Request {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_\\-]{1,64}");

    private final APIGatewayV2HTTPEvent event;
    private final Caller caller;
    private final String requestId;
    private String bodyText;

    public Request(APIGatewayV2HTTPEvent event, Caller caller, String requestId) {
        this.event = event;
        this.caller = caller;
        this.requestId = requestId;
    }

    public Caller caller() { return caller; }
    public String requestId() { return requestId; }
    public String routeKey() { return event.getRouteKey(); }
    public String rawPath() { return event.getRawPath(); }
    public APIGatewayV2HTTPEvent event() { return event; }

    /** The reader's language for problem details (Accept-Language). */
    public Language language() {
        return Language.of(header("accept-language"));
    }

    public String header(String name) {
        Map<String, String> h = event.getHeaders();
        if (h == null) return null;
        String v = h.get(name.toLowerCase());
        return v != null ? v : h.get(name);
    }

    /** A path parameter that names an object. A malformed id cannot name anything: 404, like a missing one. */
    public String pathId(String name) {
        String v = pathParam(name);
        if (v == null || !ID.matcher(v).matches()) throw ApiException.notFound(name);
        return v;
    }

    public String pathParam(String name) {
        Map<String, String> p = event.getPathParameters();
        return p == null ? null : p.get(name);
    }

    public String query(String name) {
        Map<String, String> q = event.getQueryStringParameters();
        String v = q == null ? null : q.get(name);
        if (v != null && !Text.isWellFormed(v)) throw ApiException.badRequest(name, "must be valid text");
        return v;
    }

    public int queryInt(String name, int fallback, int min, int max) {
        String v = query(name);
        if (v == null || v.isEmpty()) return fallback;
        // ASCII digits only: Integer.parseInt also reads fullwidth and other Unicode digits ("５")
        if (!v.matches("-?[0-9]{1,10}")) throw ApiException.badRequest(name, "must be a whole number from " + min + " to " + max);
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw ApiException.badRequest(name, "must be a whole number from " + min + " to " + max);
    }

    /** The list page size: {@code limit} (default 50, max 200). */
    public int limit() {
        return queryInt("limit", 50, 1, 200);
    }

    public String bodyText() {
        if (bodyText == null) {
            String b = event.getBody();
            if (b == null) bodyText = "";
            else bodyText = event.getIsBase64Encoded() ? utf8(Base64.getDecoder().decode(b)) : b;
        }
        return bodyText;
    }

    /** Bytes that are not UTF-8 are refused (RFC 8259 §8.1), not decoded into U+FFFD. */
    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw ApiException.badRequest("body", "is not UTF-8 text");
        }
    }

    /** The JSON body, read strictly: only the named fields are accepted. */
    public Fields fields(String... allowed) {
        return Fields.of(json(), Set.of(allowed), language());
    }

    public JsonNode json() {
        String type = header("content-type");
        // Only application/json (with an optional charset) is JSON here: json-patch+json, json5, jsonx and json-seq
        // are other languages, and reading them as JSON would apply a body their sender did not mean. A body without
        // any Content-Type is not declared JSON either (RFC 9110 §8.3: octet-stream), so it is 415 as well.
        if (type != null && !type.split(";", 2)[0].trim().equalsIgnoreCase("application/json")) throw notJson();
        String text = bodyText();
        if (type == null && !text.isEmpty()) throw notJson();
        if (text.isBlank()) throw ApiException.badRequest("body", "a JSON body is required").inChinese("body: 需要 JSON 请求体");
        try {
            return Json.read(text);
        } catch (Exception e) {
            throw ApiException.badRequest("body", "is not well-formed JSON").inChinese("body: 不是格式正确的 JSON");
        }
    }

    private static ApiException notJson() {
        return new ApiException(415, "Unsupported media type", "send the body as application/json", null).inChinese("请以 application/json 发送请求体");
    }
}
