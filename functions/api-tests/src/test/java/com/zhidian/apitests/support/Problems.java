package com.zhidian.apitests.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Assertions on RFC 9457 problem answers. */
public final class Problems {
    private Problems() {}

    public static JsonNode assertProblem(Api.Res r, int status) {
        assertEquals(status, r.status(), () -> "status of " + r);
        assertTrue(r.contentType() != null && r.contentType().startsWith("application/problem+json"),
                () -> "content type of " + r + ": " + r.contentType());
        JsonNode p = r.json();
        assertEquals(status, p.path("status").asInt(), "problem.status");
        assertTrue(p.hasNonNull("title") && p.hasNonNull("type"), "problem has type and title");
        return p;
    }

    /** A 400 whose errors name every given field. */
    public static void assertFieldErrors(Api.Res r, String... fields) {
        JsonNode p = assertProblem(r, 400);
        List<String> named = new ArrayList<>();
        p.path("errors").forEach(e -> named.add(e.path("field").asText()));
        for (String f : fields) assertTrue(named.contains(f), () -> "errors should name " + f + ", got " + named);
    }
}
