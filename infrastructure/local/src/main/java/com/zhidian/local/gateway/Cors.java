package com.zhidian.local.gateway;

import com.sun.net.httpserver.Headers;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The HTTP API's {@code CorsConfiguration}, applied as API Gateway applies it: it answers preflight
 * {@code OPTIONS} requests itself, and puts the CORS headers on every answer to an allowed origin
 * (replacing any the function set).
 */
public record Cors(List<String> allowOrigins, List<String> allowHeaders, List<String> allowMethods,
                   List<String> exposeHeaders, Integer maxAge, boolean allowCredentials) {

    /** From the template's {@code CorsConfiguration} (null when absent). */
    public static Cors from(Object config) {
        if (config instanceof Boolean b) return b ? new Cors(List.of("*"), List.of("*"), List.of("*"), List.of(), null, false) : null;
        if (!(config instanceof Map<?, ?> m) || m.isEmpty()) return null;
        return new Cors(list(m.get("AllowOrigins")), list(m.get("AllowHeaders")), list(m.get("AllowMethods")),
                list(m.get("ExposeHeaders")), m.get("MaxAge") instanceof Number n ? n.intValue() : null,
                Boolean.parseBoolean(String.valueOf(m.get("AllowCredentials"))));
    }

    private static List<String> list(Object o) {
        return o instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }

    boolean originAllowed(String origin) {
        return origin != null && (allowOrigins.contains("*") || allowOrigins.contains(origin));
    }

    /** Whether this is a preflight request. */
    static boolean isPreflight(String method, Headers h) {
        return method.equals("OPTIONS") && h.getFirst("Origin") != null && h.getFirst("Access-Control-Request-Method") != null;
    }

    /** Headers of the answer to a preflight request. */
    void preflight(Headers request, Headers out) {
        String origin = request.getFirst("Origin");
        if (!originAllowed(origin)) return;
        String method = request.getFirst("Access-Control-Request-Method").toUpperCase(Locale.ROOT);
        if (!allowMethods.contains("*") && !allowMethods.contains(method)) return;
        out.set("Access-Control-Allow-Origin", allowOrigins.contains("*") && !allowCredentials ? "*" : origin);
        out.set("Access-Control-Allow-Methods", allowMethods.contains("*") ? method : String.join(",", allowMethods));
        String reqHeaders = request.getFirst("Access-Control-Request-Headers");
        if (reqHeaders != null) {
            out.set("Access-Control-Allow-Headers", allowHeaders.contains("*") ? reqHeaders : String.join(",", allowHeaders));
        }
        if (maxAge != null) out.set("Access-Control-Max-Age", String.valueOf(maxAge));
        if (allowCredentials) out.set("Access-Control-Allow-Credentials", "true");
        if (!allowOrigins.contains("*") || allowCredentials) out.set("Vary", "Origin");
    }

    /** CORS headers of an ordinary answer. */
    void decorate(Headers request, Headers out) {
        String origin = request.getFirst("Origin");
        if (!originAllowed(origin)) return;
        out.set("Access-Control-Allow-Origin", allowOrigins.contains("*") && !allowCredentials ? "*" : origin);
        if (!exposeHeaders.isEmpty()) out.set("Access-Control-Expose-Headers", String.join(",", exposeHeaders));
        if (allowCredentials) out.set("Access-Control-Allow-Credentials", "true");
        if (!allowOrigins.contains("*") || allowCredentials) out.set("Vary", "Origin");
    }
}
