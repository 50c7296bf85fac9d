package com.zhidian.local.iot.http;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The server-neutral request and answer that another HTTP server uses to carry the two APIs. */
class AwsHttpTest {
    @Test
    void aRawTargetKeepsEncodedSlashesAndPlusInThePath() {
        AwsHttp.Request r = AwsHttp.request("POST", "/topics/zhidian%2Ft1%2Fa+b?qos=1&name=x%20y", Map.of(), new byte[0]);
        assertEquals("/topics/zhidian/t1/a+b", r.path());
        assertEquals(Map.of("qos", "1", "name", "x y"), r.query());
    }

    @Test
    void anAwsErrorBecomesItsStatusTypeAndMessageAndAFailureA500() {
        AwsHttp.Answer refused = AwsHttp.serve(req -> {
            throw new AwsHttp.AwsError(409, "ConflictException", "Version conflict");
        }, AwsHttp.request("POST", "/x", Map.of("Host", List.of("h")), new byte[0]));
        assertEquals(409, refused.status());
        assertEquals("ConflictException", refused.headers().get("x-amzn-ErrorType"));
        assertEquals("{\"message\":\"Version conflict\"}", new String(refused.body()));
        AwsHttp.Answer failed = AwsHttp.serve(req -> {
            throw new IllegalStateException("bug");
        }, AwsHttp.request("GET", "/x", Map.of(), new byte[0]));
        assertEquals(500, failed.status());
        assertEquals("InternalFailureException", failed.headers().get("x-amzn-ErrorType"));
    }
}
