package com.zhidian.devices.domain;

/**
 * Whether a device is connected, from the broker's lifecycle events. Events may arrive out of order (AWS documents
 * it), so the one with the later timestamp wins; at the same millisecond a disconnect wins, so a device is never
 * shown online after it left.
 */
public record Presence(boolean online, long lastSeenMillis) {
    public static final Presence NEVER = new Presence(false, 0);

    /**
     * Whether a lifecycle event of this type says where the device is: {@code connected} and {@code disconnected} do.
     * The same rule ({@code $aws/events/presence/+/+}) also brings {@code connect_failed}, sent when an attempt with the
     * device's client id is refused, while the device itself may still be connected: it changes nothing.
     */
    public static boolean changes(String eventType) {
        return "connected".equals(eventType) || "disconnected".equals(eventType);
    }

    public Presence after(boolean connected, long timestampMillis) {
        if (timestampMillis > lastSeenMillis) return new Presence(connected, timestampMillis);
        if (timestampMillis == lastSeenMillis && !connected) return new Presence(false, timestampMillis);
        return this;
    }
}
