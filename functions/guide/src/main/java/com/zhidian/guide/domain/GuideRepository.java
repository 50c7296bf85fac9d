package com.zhidian.guide.domain;

import com.zhidian.core.paging.Page;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Where the guide keeps a store's map, placements and events (implemented in the store package). */
public interface GuideRepository {
    /** The map, or null when none was saved. */
    StoreMap map(String tenantId, String storeId);

    /** Saves {@code map} (its version the next one) if the stored version is still {@code expected}; false otherwise. */
    boolean saveMap(String tenantId, String storeId, StoreMap map, long expected);

    Placement placement(String tenantId, String storeId, String kind, String key);

    void putPlacement(String tenantId, String storeId, Placement p);

    /** False when there was none. */
    boolean deletePlacement(String tenantId, String storeId, String kind, String key);

    Page<Placement> placements(String tenantId, String storeId, String kind, int limit, String cursor);

    /** The placements of these keys of one kind that exist (one batched read). */
    Map<String, Placement> placementsOf(String tenantId, String storeId, String kind, Collection<String> keys);

    GuideEvent event(String tenantId, String storeId, String eventId);

    /** Adds an event if the store keeps fewer than {@code max}; false otherwise. */
    boolean addEvent(String tenantId, String storeId, GuideEvent e, int max);

    /** False when it was deleted meanwhile. */
    boolean replaceEvent(String tenantId, String storeId, GuideEvent e);

    boolean deleteEvent(String tenantId, String storeId, String eventId);

    Page<GuideEvent> events(String tenantId, String storeId, int limit, String cursor);

    /** Every event of the store (at most {@link GuideEvent#MAX_PER_STORE}). */
    List<GuideEvent> allEvents(String tenantId, String storeId);
}
