package com.zhidian.local.testfns;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * Reaches DynamoDB as a function does: a client built with no endpoint, region or credentials in code
 * (the SDK's system properties, set by Zhidian Local, supply them). PUT writes, GET reads.
 */
public class TableHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final DynamoDbClient ddb = DynamoDbClient.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()).apiCallTimeout(Duration.ofSeconds(5)))
            .build();

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        String table = System.getProperty("TABLE_NAME");
        String key = event.getPathParameters().get("key");
        Map<String, AttributeValue> k = Map.of("pk", AttributeValue.fromS("T#test#" + key), "sk", AttributeValue.fromS("item"));
        try {
            if (event.getRequestContext().getHttp().getMethod().equals("PUT")) {
                ddb.putItem(b -> b.tableName(table).item(Map.of("pk", k.get("pk"), "sk", k.get("sk"),
                        "value", AttributeValue.fromS(event.getBody()))));
                return answer(204, "");
            }
            GetItemResponse r = ddb.getItem(b -> b.tableName(table).key(k));
            return r.hasItem() ? answer(200, r.item().get("value").s()) : answer(404, "");
        } catch (SdkException e) {
            return answer(503, "{\"title\":\"Service unavailable\",\"status\":503}");
        }
    }

    private static APIGatewayV2HTTPResponse answer(int status, String body) {
        APIGatewayV2HTTPResponse r = new APIGatewayV2HTTPResponse();
        r.setStatusCode(status);
        r.setBody(body);
        return r;
    }
}
