package com.zhidian.core;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;

/**
 * Structured JSON log lines (Lambda's JSON log format: one object per line, with tenant and request ids).
 * Hand-written: Powertools logging needs AspectJ weaving or Log4j start-up that the cold-start goal
 * cannot pay for; the fields follow Powertools' names.
 */
public final class Log {
    private static final String LEVEL = Env.get("LOG_LEVEL", "INFO");

    private Log() {}

    public static void info(String message, Map<String, Object> fields) { write("INFO", message, fields); }

    public static void warn(String message, Map<String, Object> fields) { write("WARN", message, fields); }

    public static void error(String message, Map<String, Object> fields, Throwable t) {
        ObjectNode n = base("ERROR", message, fields);
        if (t != null) n.put("error", t.toString());
        System.out.println(n);
        if (t != null && !"OFF".equals(LEVEL)) t.printStackTrace(System.out);
    }

    private static void write(String level, String message, Map<String, Object> fields) {
        if ("OFF".equals(LEVEL) || ("WARN".equals(LEVEL) && "INFO".equals(level))) return;
        System.out.println(base(level, message, fields));
    }

    private static ObjectNode base(String level, String message, Map<String, Object> fields) {
        ObjectNode n = Json.object();
        n.put("timestamp", Instant.now().toString());
        n.put("level", level);
        n.put("message", message);
        fields.forEach((k, v) -> n.putPOJO(k, v));
        return n;
    }
}
