package com.zhidian.core.paging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zhidian.core.Env;
import com.zhidian.core.Json;
import com.zhidian.core.errors.ApiException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Opaque, tamper-evident list cursors: DynamoDB's LastEvaluatedKey, bound to the caller's scope (the
 * tenant) and signed with HMAC-SHA256, so a cursor cannot be edited or replayed by another tenant.
 */
public final class Cursor {
    private static final Base64.Encoder ENC = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DEC = Base64.getUrlDecoder();
    private static final byte[] SECRET = Env.get("CURSOR_SECRET", "zhidian-local-cursor-secret").getBytes(StandardCharsets.UTF_8);

    private Cursor() {}

    public static String encode(String scope, Map<String, AttributeValue> lastKey) {
        if (lastKey == null || lastKey.isEmpty()) return null;
        ObjectNode n = Json.object();
        lastKey.forEach((k, v) -> {
            if (v.s() != null) n.put(k, v.s());
            else n.put("#" + k, v.n());
        });
        String payload = ENC.encodeToString(Json.write(n).getBytes(StandardCharsets.UTF_8));
        return payload + "." + ENC.encodeToString(sign(scope, payload));
    }

    /** The ExclusiveStartKey for a cursor, or null for none; a forged or foreign cursor is a 400. */
    public static Map<String, AttributeValue> decode(String scope, String cursor) {
        if (cursor == null || cursor.isEmpty()) return null;
        try {
            int dot = cursor.indexOf('.');
            if (dot <= 0) throw bad();
            String payload = cursor.substring(0, dot);
            String signature = cursor.substring(dot + 1);
            // compare the canonical text too: base64's unused trailing bits must not make two cursors equal
            if (!MessageDigest.isEqual(signature.getBytes(StandardCharsets.US_ASCII),
                    ENC.encodeToString(sign(scope, payload)).getBytes(StandardCharsets.US_ASCII))) throw bad();
            JsonNode n = Json.read(new String(DEC.decode(payload), StandardCharsets.UTF_8));
            Map<String, AttributeValue> key = new HashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().startsWith("#")) key.put(e.getKey().substring(1), AttributeValue.fromN(e.getValue().asText()));
                else key.put(e.getKey(), AttributeValue.fromS(e.getValue().asText()));
            }
            return key;
        } catch (ApiException e) {
            throw e;
        } catch (Exception e) {
            throw bad();
        }
    }

    private static ApiException bad() {
        return ApiException.badRequest("cursor", "is not a cursor this list gave out");
    }

    private static byte[] sign(String scope, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
            mac.update(String.valueOf(scope).getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
