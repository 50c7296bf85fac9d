package com.zhidian.devices.domain;

/**
 * Whether a device is connected, from the broker's lifecycle events. Events may arrive out of order (AWS documents
 * it), so the one with the later timestamp wins; at the same millisecond a disconnect wins, so a device is never
 * shown online after it left.
 */
public record Presence(boolean online, long lastSeenMillis) {
    public static final Presence NEVER = new Presence(false, 0);

    public Presence after(boolean connected, long timestampMillis) {
        if (timestampMillis > lastSeenMillis) return new Presence(connected, timestampMillis);
        if (timestampMillis == lastSeenMillis && !connected) return new Presence(false, timestampMillis);
        return this;
    }
}
