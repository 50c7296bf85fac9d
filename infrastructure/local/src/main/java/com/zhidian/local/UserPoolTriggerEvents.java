package com.zhidian.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.local.aws.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/** The envelope Cognito puts around every user-pool trigger's event, and the {@code response} read back out of it. */
record UserPoolTriggerEvents(String region, String poolId, String clientId) {
    Map<String, Object> event(String triggerSource, String username, Map<String, Object> request) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("version", "1");
        e.put("triggerSource", triggerSource);
        e.put("region", region);
        e.put("userPoolId", poolId);
        e.put("userName", username);
        e.put("callerContext", Map.of("awsSdkVersion", "aws-sdk-java-2.0", "clientId", clientId));
        e.put("request", request);
        e.put("response", new LinkedHashMap<>());
        return e;
    }

    /** The {@code response} of what a trigger function answered (its event, filled in). */
    static JsonNode responseOf(Object answered) {
        JsonNode node = answered instanceof JsonNode j ? j : Json.MAPPER.valueToTree(answered);
        return node == null ? Json.object() : node.path("response");
    }
}
