package com.zhidian.local.iot.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zhidian.local.iot.shadow.ShadowJson;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The subset of the AWS IoT SQL (iot-sql-reference.html) that an {@code IoTRule} event of template.yaml
 * uses here: {@code SELECT * [, topic() AS a] [, topic(n) AS b] [, clientid() AS c] [, timestamp() AS d]
 * FROM 'topicFilter'}, no WHERE. The event an action receives is the message's JSON object with the
 * selected functions added, as a Lambda action receives it. Anything else is refused when the rule is made.
 */
public record RuleSql(String topicFilter, Map<String, String> functions) {
    private static final Pattern SELECT = Pattern.compile(
            "(?is)^\\s*SELECT\\s+\\*\\s*((?:,\\s*[a-z]+\\(\\d*\\)\\s+AS\\s+[A-Za-z_][A-Za-z0-9_]*\\s*)*)"
                    + "FROM\\s+'([^']+)'\\s*$");
    private static final Pattern FUNCTION = Pattern.compile(
            "(?i),\\s*([a-z]+\\(\\d*\\))\\s+AS\\s+([A-Za-z_][A-Za-z0-9_]*)");

    public static RuleSql parse(String sql) {
        Matcher m = SELECT.matcher(sql);
        if (!m.matches()) {
            throw new IllegalArgumentException("local IoT rules support only SELECT * [, topic()/topic(n)/"
                    + "clientid()/timestamp() AS name] FROM 'filter', not: " + sql);
        }
        Map<String, String> functions = new LinkedHashMap<>();
        Matcher f = FUNCTION.matcher(m.group(1));
        while (f.find()) {
            String function = f.group(1).toLowerCase();
            if (!function.matches("topic\\(\\d*\\)|clientid\\(\\)|timestamp\\(\\)")) {
                throw new IllegalArgumentException("unsupported IoT SQL function " + function + " in: " + sql);
            }
            functions.put(f.group(2), function);
        }
        return new RuleSql(m.group(2), functions);
    }

    /**
     * The action's event: the payload's JSON object plus the selected functions. A payload that is not a
     * JSON object goes base64-encoded under the one key {@code payload} (a local choice: AWS IoT SQL would
     * need {@code encode(*, 'base64')} for it).
     */
    public byte[] event(Rules.Message message, Clock clock) {
        ObjectNode event;
        try {
            JsonNode parsed = ShadowJson.MAPPER.readTree(message.payload());
            event = parsed != null && parsed.isObject() ? (ObjectNode) parsed : null;
        } catch (Exception e) {
            event = null;
        }
        if (event == null) {
            event = ShadowJson.object();
            event.put("payload", java.util.Base64.getEncoder().encodeToString(message.payload()));
        }
        String[] levels = message.topic().split("/", -1);
        for (Map.Entry<String, String> e : functions.entrySet()) {
            String function = e.getValue();
            if (function.equals("topic()")) {
                event.put(e.getKey(), message.topic());
            } else if (function.startsWith("topic(")) {
                int n = Integer.parseInt(function.substring(6, function.length() - 1));
                if (n >= 1 && n <= levels.length) {
                    event.put(e.getKey(), levels[n - 1]);
                }
            } else if (function.equals("clientid()")) {
                if (message.clientId() != null) {
                    event.put(e.getKey(), message.clientId());
                }
            } else {
                event.put(e.getKey(), clock.millis());
            }
        }
        return event.toString().getBytes(StandardCharsets.UTF_8);
    }
}
