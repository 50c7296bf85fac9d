package com.zhidian.core.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.zhidian.core.Json;
import com.zhidian.core.Log;
import com.zhidian.core.errors.ApiException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The HTTP API's {@code $default} route: what no other route matches (an unknown path, or a known path with a
 * method it does not take) gets a 404 problem of code {@code route.not_found} in the reader's language, instead
 * of API Gateway's own {@code {"message":"Not Found"}}. Public (Auth NONE) and reads nothing, so it needs no
 * {@link Platform}: no AWS client is built, the answer costs no table read.
 */
public final class NoRouteHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    public static final String CODE = "route.not_found";

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        Response problem = answer(event.getRawPath(), header(event, "accept-language"));
        String requestId = event.getRequestContext() == null ? null : event.getRequestContext().getRequestId();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("requestId", requestId);
        fields.put("method", method(event));
        fields.put("path", event.getRawPath());
        fields.put("status", problem.status());
        Log.info("no route", fields);
        Map<String, String> headers = new HashMap<>(problem.headers());
        if (requestId != null) headers.put("x-request-id", requestId);
        return APIGatewayV2HTTPResponse.builder().withStatusCode(problem.status()).withHeaders(headers)
                .withBody(Json.write(problem.body())).withIsBase64Encoded(false).build();
    }

    /** The problem for a request no route takes; its words do not echo the method, which the instance does not either. */
    static Response answer(String rawPath, String acceptLanguage) {
        ApiException e = new ApiException(404, "Not found", "no operation of this API matches the request's method and path", null)
                .inChinese("本接口没有与请求的方法和路径匹配的操作").withCode(CODE);
        return Problem.of(e, rawPath, Language.of(acceptLanguage));
    }

    private static String header(APIGatewayV2HTTPEvent event, String name) {
        Map<String, String> h = event.getHeaders();
        if (h == null) return null;
        String v = h.get(name);
        if (v != null) return v;
        for (Map.Entry<String, String> e : h.entrySet()) if (e.getKey().equalsIgnoreCase(name)) return e.getValue();
        return null;
    }

    private static String method(APIGatewayV2HTTPEvent event) {
        var ctx = event.getRequestContext();
        return ctx == null || ctx.getHttp() == null ? null : ctx.getHttp().getMethod();
    }
}
