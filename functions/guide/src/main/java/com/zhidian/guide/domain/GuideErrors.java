package com.zhidian.guide.domain;

import com.zhidian.core.errors.DomainException;
import java.util.Map;

/** The guide context's refusals (codes and facts; the api package's table gives them status and words). */
public final class GuideErrors {
    private GuideErrors() {}

    public static final class StoreNotFound extends DomainException {
        public StoreNotFound(String storeId) { super("store.not_found", Map.of("storeId", storeId)); }
    }

    /** The map was saved by someone else since this one was drawn on it. */
    public static final class MapStale extends DomainException {
        public MapStale(long given, long current) { super("guide.map_stale", Map.of("given", given, "current", current)); }
    }

    /** A placement or an event names a zone that is not on the store's map. */
    public static final class ZoneNotFound extends DomainException {
        public ZoneNotFound(String zoneId) { super("guide.zone_not_found", Map.of("zoneId", zoneId)); }
    }

    /** No such product in the tenant's catalog (or, on the public guide, none on sale in this store). */
    public static final class ProductNotFound extends DomainException {
        public ProductNotFound(String gtin) { super("guide.product_not_found", Map.of("gtin", gtin)); }
    }

    public static final class CategoryNotFound extends DomainException {
        public CategoryNotFound(String categoryId) { super("category.not_found", Map.of("categoryId", categoryId)); }
    }

    public static final class PlacementNotFound extends DomainException {
        public PlacementNotFound(String key) { super("guide.placement_not_found", Map.of("key", key)); }
    }

    public static final class EventNotFound extends DomainException {
        public EventNotFound(String eventId) { super("guide.event_not_found", Map.of("eventId", eventId)); }
    }

    public static final class TooManyEvents extends DomainException {
        public TooManyEvents(int max) { super("guide.too_many_events", Map.of("max", max)); }
    }

    /** The public guide's link is not this store's (or the store or its tenant is gone): as if there were none. */
    public static final class GuideNotFound extends DomainException {
        public GuideNotFound() { super("guide.not_found", Map.of()); }
    }
}
