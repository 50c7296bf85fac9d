package com.zhidian.core;

/** Configuration: a Lambda environment variable, or locally a system property of the same name. */
public final class Env {
    private Env() {}

    public static String get(String name, String fallback) {
        String v = System.getenv(name);
        if (v == null || v.isBlank()) v = System.getProperty(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    public static long getLong(String name, long fallback) {
        String v = get(name, null);
        return v == null ? fallback : Long.parseLong(v.trim());
    }

    public static String tableName() {
        return get("TABLE_NAME", "zhidian");
    }
}
