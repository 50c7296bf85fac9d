package com.zhidian.local.sts;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.local.aws.Json;
import java.util.Map;

/**
 * AssumeRole's session policy as STS checks it: a JSON object with a Statement (else MalformedPolicyDocument), and
 * PackedPolicySize, the percentage of the session token's packed space that the policy, policy ARNs and tags use.
 * AWS's packing is not documented; this estimate (a fixed share per tag and per ARN, the policy's compacted length
 * against 2,048 characters) only keeps the element's meaning: present when something was passed, over 100 refused.
 */
final class SessionPolicy {
    private SessionPolicy() {}

    static boolean wellFormed(String policy) {
        try {
            JsonNode p = Json.MAPPER.readTree(policy);
            return p != null && p.isObject() && (p.path("Statement").isArray() || p.path("Statement").isObject());
        } catch (Exception e) {
            return false;
        }
    }

    static int packedPercent(String policy, int policyArns, Map<String, String> tags) {
        int percent = 2 * tags.size() + 3 * policyArns;
        if (policy != null) {
            try {
                percent += (int) Math.ceil(100.0 * Json.MAPPER.writeValueAsString(Json.MAPPER.readTree(policy)).length() / 2048);
            } catch (Exception e) {
                percent += 100;
            }
        }
        return Math.max(1, percent);
    }
}
