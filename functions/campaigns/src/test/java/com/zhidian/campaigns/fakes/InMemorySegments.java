package com.zhidian.campaigns.fakes;

import com.zhidian.campaigns.domain.Profile;
import com.zhidian.campaigns.domain.PushSettings;
import com.zhidian.campaigns.domain.Segment;
import com.zhidian.campaigns.domain.SegmentRepository;
import com.zhidian.core.paging.Page;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Segments and profiles in memory, with the adapter's version check. */
public final class InMemorySegments implements SegmentRepository {
    private final Map<String, Segment> segments = new LinkedHashMap<>();
    private final Map<String, Profile> profiles = new HashMap<>();

    private final Map<String, PushSettings> settings = new HashMap<>();

    @Override public synchronized Optional<PushSettings> settings(String t) { return Optional.ofNullable(settings.get(t)); }
    @Override public synchronized void saveSettings(String t, PushSettings s) { settings.put(t, s); }

    private static String k(String... parts) { return String.join("|", parts); }

    @Override public synchronized void create(Segment s) { segments.put(k(s.tenantId(), s.segmentId()), s); }
    @Override public synchronized Optional<Segment> get(String t, String id) { return Optional.ofNullable(segments.get(k(t, id))); }
    @Override public synchronized Page<Segment> list(String t, int limit, String cursor) {
        return new Page<>(segments.values().stream().filter(s -> s.tenantId().equals(t)).toList(), null);
    }
    @Override public synchronized Optional<Profile> profile(String t, String m) { return Optional.ofNullable(profiles.get(k(t, m))); }
    @Override public synchronized Map<String, Profile> profiles(String t) {
        Map<String, Profile> out = new HashMap<>();
        profiles.values().stream().filter(p -> p.tenantId().equals(t)).forEach(p -> out.put(p.memberId(), p));
        return out;
    }
    @Override public synchronized boolean saveProfile(Profile p) {
        Profile cur = profiles.get(k(p.tenantId(), p.memberId()));
        long v = cur == null ? 0 : cur.version();
        if (v != p.version()) return false;
        profiles.put(k(p.tenantId(), p.memberId()), new Profile(p.tenantId(), p.memberId(), p.orders(), p.lastVisit(), v + 1));
        return true;
    }

    private final java.util.Set<String> events = new java.util.HashSet<>();
    @Override public synchronized boolean saveProfile(Profile p, String eventId) {
        if (events.contains(k(p.tenantId(), eventId))) return false;
        if (!saveProfile(p)) return false;
        events.add(k(p.tenantId(), eventId));
        return true;
    }
    @Override public synchronized boolean applied(String t, String eventId) { return events.contains(k(t, eventId)); }
}
