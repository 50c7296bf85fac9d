package com.zhidian.local.testfns;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/** Answers the event it received (as JSON), plus what it sees of its environment. */
public class EchoHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    public static volatile int instances;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public EchoHandler() {
        instances++;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        ObjectNode out = MAPPER.createObjectNode();
        out.set("event", MAPPER.valueToTree(event));
        out.put("functionName", context.getFunctionName());
        out.put("requestId", context.getAwsRequestId());
        out.put("remainingMillis", context.getRemainingTimeInMillis());
        out.put("tableName", System.getProperty("TABLE_NAME"));
        out.put("greeting", System.getProperty("ECHO_GREETING"));
        out.put("instances", instances);
        APIGatewayV2HTTPResponse r = new APIGatewayV2HTTPResponse();
        r.setStatusCode(event.getRawPath().endsWith("/redeem") ? 201 : 200);
        r.setHeaders(Map.of("Content-Type", "application/json", "X-Echo", "yes"));
        r.setMultiValueHeaders(Map.of("X-Multi", List.of("a", "b")));
        r.setCookies(List.of("seen=1; Path=/"));
        r.setBody(out.toString());
        return r;
    }
}
