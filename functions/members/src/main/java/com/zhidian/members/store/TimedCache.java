package com.zhidian.members.store;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** Values kept per container for a while, by tenant; past 10,000 keys it starts again empty. */
final class TimedCache<V> {
    private static final int MAX_KEYS = 10_000;

    private record Entry<V>(V value, long atNanos) {}

    private final long maxAgeNanos;
    private final ConcurrentHashMap<String, Entry<V>> entries = new ConcurrentHashMap<>();

    TimedCache(Duration maxAge) {
        this.maxAgeNanos = maxAge.toNanos();
    }

    /** The kept value while younger than the max age, otherwise a fresh {@code load} (kept from now). */
    V get(String key, Function<String, V> load) {
        long now = System.nanoTime();
        Entry<V> e = entries.get(key);
        if (e != null && now - e.atNanos() < maxAgeNanos) return e.value();
        V value = load.apply(key);
        keep(key, value, now);
        return value;
    }

    /** Keeps a value just written, so this container reads it at once. */
    void put(String key, V value) {
        keep(key, value, System.nanoTime());
    }

    private void keep(String key, V value, long atNanos) {
        if (entries.size() > MAX_KEYS) entries.clear();
        entries.put(key, new Entry<>(value, atNanos));
    }
}
