package com.zhidian.core.aws;

import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Small helpers for low-level DynamoDB items, so stores read like the data they keep. */
public final class Items {
    private Items() {}

    public static AttributeValue s(String v) { return AttributeValue.fromS(v); }
    public static AttributeValue n(long v) { return AttributeValue.fromN(Long.toString(v)); }
    public static AttributeValue bool(boolean v) { return AttributeValue.fromBool(v); }

    public static Map<String, AttributeValue> key(String pk, String sk) {
        Map<String, AttributeValue> k = new HashMap<>();
        k.put("pk", s(pk));
        k.put("sk", s(sk));
        return k;
    }

    public static String str(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    public static long num(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.n() == null ? 0L : Long.parseLong(v.n());
    }

    public static boolean flag(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v != null && Boolean.TRUE.equals(v.bool());
    }
}
