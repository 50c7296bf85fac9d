package com.zhidian.apitests.security;

import java.util.Set;

/**
 * One generated request. {@code mustRefuse}: the spec forbids this input, so a 2xx is a failure.
 * {@code only}: when set, the statuses this input must get (415 for a non-JSON body, 413 over the size limit).
 * {@code field}: the body field a mutation targeted, which a 400 must name (itself or an enclosing object).
 */
record FuzzCase(int index, SpecOps.Op op, String kind, String detail, String method, String pathAndQuery,
                String contentType, byte[] body, String idempotencyKey, boolean mustRefuse, Set<Integer> only, String field) {

    String describe() {
        String b = body == null ? "" : new String(body, java.nio.charset.StandardCharsets.UTF_8);
        if (b.length() > 240) b = b.substring(0, 240) + "…(" + body.length + " bytes)";
        return "#" + index + " " + op.key() + " [" + kind + ": " + detail + "] " + method + " " + abbreviate(pathAndQuery)
                + (contentType == null ? "" : " (" + contentType + ")") + (idempotencyKey == null ? "" : " key=" + abbreviate(idempotencyKey))
                + (b.isEmpty() ? "" : " " + b);
    }

    private static String abbreviate(String s) {
        return s.length() > 160 ? s.substring(0, 160) + "…(" + s.length() + ")" : s;
    }
}
