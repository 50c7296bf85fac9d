package com.zhidian.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.core.Json;
import java.util.HashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class NoRouteHandlerTest {

    private static APIGatewayV2HTTPEvent event(String method, String rawPath, Map<String, String> headers) {
        var http = new APIGatewayV2HTTPEvent.RequestContext.Http();
        http.setMethod(method);
        http.setPath(rawPath);
        var ctx = new APIGatewayV2HTTPEvent.RequestContext();
        ctx.setHttp(http);
        ctx.setRequestId("req-1");
        ctx.setRouteKey("$default");
        var e = new APIGatewayV2HTTPEvent();
        e.setRouteKey("$default");
        e.setRawPath(rawPath);
        e.setHeaders(headers);
        e.setRequestContext(ctx);
        return e;
    }

    private static JsonNode body(APIGatewayV2HTTPResponse r) throws Exception {
        return Json.read(r.getBody());
    }

    @Test
    void english_byDefault_andWithoutHeaders() throws Exception {
        APIGatewayV2HTTPResponse r = new NoRouteHandler().handleRequest(event("GET", "/nope", null), null);
        assertEquals(404, r.getStatusCode());
        assertEquals("application/problem+json", r.getHeaders().get("Content-Type"));
        assertEquals("req-1", r.getHeaders().get("x-request-id"));
        JsonNode p = body(r);
        assertEquals("route.not_found", p.path("code").asText());
        assertEquals("Not found", p.path("title").asText());
        assertEquals("no operation of this API matches the request's method and path", p.path("detail").asText());
        assertEquals(404, p.path("status").asInt());
        assertEquals("/nope", p.path("instance").asText());
    }

    @Test
    void chinese_whenAcceptLanguagePrefersIt_whateverTheHeadersCase() throws Exception {
        for (String name : new String[] {"accept-language", "Accept-Language"}) {
            JsonNode p = body(new NoRouteHandler().handleRequest(event("DELETE", "/stores", Map.of(name, "zh-CN,en;q=0.5")), null));
            assertEquals("未找到", p.path("title").asText(), name);
            assertEquals("本接口没有与请求的方法和路径匹配的操作", p.path("detail").asText(), name);
            assertEquals("route.not_found", p.path("code").asText(), name);
        }
        JsonNode en = body(new NoRouteHandler().handleRequest(event("GET", "/x", Map.of("accept-language", "en-GB,zh;q=0.8")), null));
        assertEquals("Not found", en.path("title").asText());
    }

    /** Whatever the path (quotes, backslashes, Han, long), the answer is the same well-formed problem naming it. */
    @Property(tries = 200)
    void anyPathAndMethod_isTheSame404Problem(@ForAll("methods") String method, @ForAll("paths") String path) throws Exception {
        Map<String, String> headers = new HashMap<>();
        headers.put("accept-language", "en");
        APIGatewayV2HTTPResponse r = new NoRouteHandler().handleRequest(event(method, path, headers), null);
        assertEquals(404, r.getStatusCode());
        JsonNode p = body(r);
        assertEquals("route.not_found", p.path("code").asText());
        assertEquals(path, p.path("instance").asText());
        assertEquals(6, p.size(), p::toString); // type, title, status, detail, code, instance: nothing else
    }

    @Provide
    Arbitrary<String> methods() {
        return Arbitraries.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE");
    }

    @Provide
    Arbitrary<String> paths() {
        // a raw path as API Gateway passes it: printable ASCII (quotes and backslashes among them), or Han undecoded
        return Arbitraries.strings().withCharRange(' ', '~').withCharRange('\u4e00', '\u4e50').ofMaxLength(300).map(s -> "/" + s);
    }
}
