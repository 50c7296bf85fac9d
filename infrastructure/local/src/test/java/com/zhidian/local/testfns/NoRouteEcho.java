package com.zhidian.local.testfns;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** A $default route's function: 404 with what it was given (route key, path, path parameters, whether it had claims). */
public class NoRouteEcho implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        ObjectNode out = MAPPER.createObjectNode();
        out.put("routeKey", event.getRouteKey());
        out.put("contextRouteKey", event.getRequestContext().getRouteKey());
        out.put("method", event.getRequestContext().getHttp().getMethod());
        out.put("rawPath", event.getRawPath());
        out.put("pathParameters", event.getPathParameters() == null ? "none" : event.getPathParameters().toString());
        out.put("authorizer", event.getRequestContext().getAuthorizer() != null);
        APIGatewayV2HTTPResponse r = new APIGatewayV2HTTPResponse();
        r.setStatusCode(404);
        r.setHeaders(Map.of("Content-Type", "application/problem+json"));
        r.setBody(out.toString());
        return r;
    }
}
