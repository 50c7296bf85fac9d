package com.zhidian.core.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

class SnapStartPrimingTest {

    @Test
    void beforeTheSnapshot_oneGetItemOfAKeyThatNeverExists() throws Exception {
        List<GetItemRequest> calls = new ArrayList<>();
        DynamoDbClient recording = new DynamoDbClient() {
            @Override
            public GetItemResponse getItem(GetItemRequest request) {
                calls.add(request);
                return GetItemResponse.builder().build();
            }

            @Override
            public String serviceName() { return "dynamodb"; }

            @Override
            public void close() {}
        };
        new SnapStartPriming(recording).beforeCheckpoint(null);
        assertEquals(1, calls.size());
        assertEquals("PRIMING", calls.get(0).key().get("pk").s());
    }
}
