package com.zhidian.catalog.store;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Item attribute helpers that keep absent values absent. */
final class Attrs {
    private Attrs() {}

    static void putS(Map<String, AttributeValue> item, String name, String v) {
        if (v != null) item.put(name, AttributeValue.fromS(v));
    }

    static void putN(Map<String, AttributeValue> item, String name, Long v) {
        if (v != null) item.put(name, AttributeValue.fromN(Long.toString(v)));
    }

    static String s(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    static Long n(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.n() == null ? null : Long.parseLong(v.n());
    }

    static long n0(Map<String, AttributeValue> item, String name) {
        Long v = n(item, name);
        return v == null ? 0 : v;
    }

    static AttributeValue S(String v) { return AttributeValue.fromS(v); }

    static AttributeValue N(long v) { return AttributeValue.fromN(Long.toString(v)); }
}
