package com.zhidian.apitests.rails;

import static com.zhidian.apitests.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * What no route of the API matches reaches the HTTP API's {@code $default} route (NoRouteFunction): a 404 problem of
 * code {@code route.not_found} in the reader's language, with or without a token. A known route's missing or bad
 * token stays the JWT authorizer's own 401 (API Gateway answers it before any function runs).
 */
class NoRouteTest {
    private static final String EN_DETAIL = "no operation of this API matches the request's method and path";
    private static final String ZH_DETAIL = "本接口没有与请求的方法和路径匹配的操作";

    private static JsonNode assertNoRoute(Api.Res r, String path) {
        JsonNode p = assertProblem(r, 404);
        assertEquals("route.not_found", p.path("code").asText(), r::toString);
        assertEquals("https://zhidian.dev/problems/not-found", p.path("type").asText(), r::toString);
        assertEquals(path, p.path("instance").asText(), r::toString);
        return p;
    }

    @Test
    void unknownPath_withAToken_is404RouteNotFound_inBothLanguages() {
        Api owner = Fixtures.newTenant("basic", 1).owner();
        JsonNode en = assertNoRoute(owner.get("/no/such/route"), "/no/such/route");
        assertEquals("Not found", en.path("title").asText());
        assertEquals(EN_DETAIL, en.path("detail").asText());
        JsonNode zh = assertNoRoute(owner.with("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.5").get("/no/such/route"), "/no/such/route");
        assertEquals("未找到", zh.path("title").asText());
        assertEquals(ZH_DETAIL, zh.path("detail").asText());
    }

    @Test
    void knownPath_withAMethodItDoesNotTake_is404RouteNotFound() {
        Api owner = Fixtures.newTenant("basic", 1).owner();
        // GET and POST /stores exist; DELETE, PUT and PATCH /stores do not
        assertNoRoute(owner.delete("/stores"), "/stores");
        assertNoRoute(owner.put("/stores", Api.map("name", "x")), "/stores");
        JsonNode zh = assertNoRoute(owner.with("Accept-Language", "zh-CN").patch("/stores", Api.map("name", "x")), "/stores");
        assertEquals(ZH_DETAIL, zh.path("detail").asText());
    }

    @Test
    void unknownPath_withoutAToken_is404RouteNotFound_not401() {
        Api anonymous = Fixtures.anonymous();
        JsonNode en = assertNoRoute(anonymous.post("/no/such/route", Api.map("a", 1)), "/no/such/route");
        assertEquals(EN_DETAIL, en.path("detail").asText());
        JsonNode zh = assertNoRoute(anonymous.with("Accept-Language", "zh-CN").get("/admin/nothing-here"), "/admin/nothing-here");
        assertEquals(ZH_DETAIL, zh.path("detail").asText());
        // a bad token on an unknown path is not looked at: the $default route has no authorizer
        assertNoRoute(anonymous.as("not.a.jwt").delete("/stores"), "/stores");
    }

    @Test
    void knownRoute_withoutAToken_isStillTheAuthorizers401() {
        Api.Res r = Fixtures.anonymous().get("/stores");
        assertEquals(401, r.status());
        assertEquals("{\"message\":\"Unauthorized\"}", r.text());
    }
}
