package com.zhidian.local.iot.shadow;

/**
 * The reserved shadow topics (device-shadow-mqtt.html): the prefix {@code $aws/things/thingName/shadow}
 * for the classic shadow and {@code $aws/things/thingName/shadow/name/shadowName} for a named one, followed
 * by {@code /get}, {@code /update} or {@code /delete}.
 */
public final class ShadowTopics {
    private ShadowTopics() {
    }

    /** A request topic taken apart; {@code shadowName} is null for the classic shadow. */
    public record Request(String thing, String shadowName, String operation) {
    }

    public static String prefix(String thing, String shadowName) {
        return "$aws/things/" + thing + "/shadow" + (shadowName == null ? "" : "/name/" + shadowName);
    }

    /** The request a topic names, or null when the topic is not a shadow request topic. */
    public static Request parse(String topic) {
        if (!topic.startsWith("$aws/things/")) {
            return null;
        }
        String[] parts = topic.split("/", -1);
        // $aws things {thing} shadow {op}  |  $aws things {thing} shadow name {shadow} {op}
        if (parts.length == 5 && parts[3].equals("shadow") && operation(parts[4])) {
            return new Request(parts[2], null, parts[4]);
        }
        if (parts.length == 7 && parts[3].equals("shadow") && parts[4].equals("name") && operation(parts[6])
                && !parts[5].isEmpty()) {
            return new Request(parts[2], parts[5], parts[6]);
        }
        return null;
    }

    private static boolean operation(String op) {
        return op.equals("get") || op.equals("update") || op.equals("delete");
    }
}
