package com.zhidian.campaigns.domain;

import com.zhidian.core.paging.Page;
import java.util.Map;
import java.util.Optional;

/** Saved segments and the member profiles they are evaluated on. */
public interface SegmentRepository {
    void create(Segment s);

    /** The tenant's push settings, or empty for the defaults. */
    Optional<PushSettings> settings(String tenantId);

    void saveSettings(String tenantId, PushSettings s);

    Optional<Segment> get(String tenantId, String segmentId);

    /** Newest first. */
    Page<Segment> list(String tenantId, int limit, String cursor);

    Optional<Profile> profile(String tenantId, String memberId);

    /** Every profile of the tenant by member id (one partition, read in pages). */
    Map<String, Profile> profiles(String tenantId);

    /** Writes the profile if its version is still {@code p.version()} (then version + 1); false when it changed meanwhile. */
    boolean saveProfile(Profile p);

    /**
     * Writes the profile (version check as {@link #saveProfile}) and a marker of the order event {@code eventId} in one
     * transaction: false when the profile changed meanwhile or the event was applied already ({@link #applied}).
     */
    boolean saveProfile(Profile p, String eventId);

    /** Whether the order event {@code eventId} has been applied to a profile of the tenant. */
    boolean applied(String tenantId, String eventId);
}
