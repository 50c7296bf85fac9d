package com.zhidian.guide.application;

import com.zhidian.core.Ids;
import com.zhidian.core.auth.Caller;
import com.zhidian.core.paging.Page;
import com.zhidian.guide.domain.GuideCatalog;
import com.zhidian.guide.domain.GuideErrors;
import com.zhidian.guide.domain.GuideEvent;
import com.zhidian.guide.domain.GuideRepository;
import com.zhidian.guide.domain.MapRules;
import com.zhidian.guide.domain.Placement;
import com.zhidian.guide.domain.Placements;
import com.zhidian.guide.domain.PinyinSearch;
import com.zhidian.guide.domain.StoreFacts;
import com.zhidian.guide.domain.StoreMap;
import com.zhidian.guide.domain.Zone;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;

/**
 * The in-store guide: the owner's map of the store, where products and categories are kept, the store's events; and
 * what a customer may see of them without signing in (where a product is, today's promotions and events).
 */
public final class GuideService {
    /** Search results on the public guide, and promotions on its home page, at most. */
    public static final int MAX_RESULTS = 10;
    public static final int MAX_PROMOTIONS = 30;
    /** How long the public guide reuses a store's promotions (they change with prices, which are set ahead or by hand). */
    static final long PROMO_CACHE_SECONDS = 30;
    /** How many pages of 100 product placements a pinyin search reads at most (a store places a few thousand products). */
    static final int SPELL_PAGES = 50;
    static final String FALLBACK_ZONE = "Asia/Shanghai";

    private final GuideRepository repo;
    private final GuideCatalog catalog;
    private final StoreFacts stores;
    private final BiPredicate<String, String> hasStore;
    private final Clock clock;
    private final PinyinSearch.Readings readings;
    private final Map<String, Cached> promotions = new ConcurrentHashMap<>();

    private record Cached(Instant at, List<GuideCatalog.Offer> offers) {}

    public GuideService(GuideRepository repo, GuideCatalog catalog, StoreFacts stores, BiPredicate<String, String> hasStore, Clock clock,
                        PinyinSearch.Readings readings) {
        this.readings = readings;
        this.repo = repo;
        this.catalog = catalog;
        this.stores = stores;
        this.hasStore = hasStore;
        this.clock = clock;
    }

    private void requireStore(Caller caller, String storeId) {
        if (!caller.canSeeStore(storeId) || !hasStore.test(caller.tenantId(), storeId)) throw new GuideErrors.StoreNotFound(storeId);
    }

    // ---- the map ----

    /** The store's map; a store whose owner has drawn nothing has an empty one at version 0. */
    public StoreMap map(Caller caller, String storeId) {
        requireStore(caller, storeId);
        return mapOf(caller.tenantId(), storeId);
    }

    private StoreMap mapOf(String tenantId, String storeId) {
        StoreMap m = repo.map(tenantId, storeId);
        return m == null ? StoreMap.empty() : m;
    }

    /**
     * Keeps a map drawn on {@code version} (0 for the first); another save since is a 409 (re-read, redraw, save
     * again). The map's rules are {@link MapRules}: the route names every fault before this is called.
     */
    public StoreMap saveMap(Caller caller, String storeId, int width, int height, List<Zone> zones, long version) {
        requireStore(caller, storeId);
        List<MapRules.Issue> issues = MapRules.check(width, height, zones);
        if (!issues.isEmpty()) throw new IllegalArgumentException("a map the route should have refused: " + issues);
        StoreMap current = repo.map(caller.tenantId(), storeId);
        long now = current == null ? 0 : current.version();
        if (version != now) throw new GuideErrors.MapStale(version, now);
        StoreMap next = new StoreMap(width, height, zones, version + 1, clock.instant());
        if (!repo.saveMap(caller.tenantId(), storeId, next, version)) {
            StoreMap won = repo.map(caller.tenantId(), storeId);
            throw new GuideErrors.MapStale(version, won == null ? 0 : won.version());
        }
        return next;
    }

    // ---- placements ----

    /** A placement as listed: its zone's name (null when the zone was erased from the map) and what it names. */
    public record PlacementRow(Placement placement, String zoneName, String label) {}

    public Placement place(Caller caller, String storeId, String kind, String key, String zoneId, String shelf) {
        requireStore(caller, storeId);
        List<String> spellings = List.of();
        if (Placement.PRODUCT.equals(kind)) {
            GuideCatalog.Item item = catalog.product(caller.tenantId(), key);
            if (item == null) throw new GuideErrors.ProductNotFound(key);
            spellings = PinyinSearch.spellings(readings.of(item.name()));
        } else if (!catalog.parents(caller.tenantId()).containsKey(key)) {
            throw new GuideErrors.CategoryNotFound(key);
        }
        if (mapOf(caller.tenantId(), storeId).zone(zoneId).isEmpty()) throw new GuideErrors.ZoneNotFound(zoneId);
        Placement p = new Placement(kind, key, zoneId, shelf, clock.instant(), spellings);
        repo.putPlacement(caller.tenantId(), storeId, p);
        return p;
    }

    public void unplace(Caller caller, String storeId, String kind, String key) {
        requireStore(caller, storeId);
        if (!repo.deletePlacement(caller.tenantId(), storeId, kind, key)) throw new GuideErrors.PlacementNotFound(key);
    }

    public Page<PlacementRow> placements(Caller caller, String storeId, String kind, int limit, String cursor) {
        requireStore(caller, storeId);
        Page<Placement> page = repo.placements(caller.tenantId(), storeId, kind, limit, cursor);
        StoreMap map = mapOf(caller.tenantId(), storeId);
        Map<String, String> categoryNames = Placement.CATEGORY.equals(kind) ? catalog.categoryNames(caller.tenantId()) : Map.of();
        List<PlacementRow> rows = new ArrayList<>();
        for (Placement p : page.items()) {
            String label;
            if (Placement.PRODUCT.equals(kind)) {
                GuideCatalog.Item item = catalog.product(caller.tenantId(), p.key());
                label = item == null ? null : item.name();
            } else {
                label = categoryNames.get(p.key());
            }
            rows.add(new PlacementRow(p, map.zone(p.zoneId()).map(Zone::name).orElse(null), label));
        }
        return new Page<>(rows, page.nextCursor());
    }

    // ---- events ----

    public record EventDraft(String title, String body, Instant startsAt, Instant endsAt, String zoneId) {}

    public GuideEvent addEvent(Caller caller, String storeId, EventDraft d) {
        requireStore(caller, storeId);
        requireZone(caller.tenantId(), storeId, d.zoneId());
        Instant now = clock.instant();
        GuideEvent e = new GuideEvent(Ids.next("gev"), d.title(), d.body(), d.startsAt(), d.endsAt(), d.zoneId(), now, now);
        if (!repo.addEvent(caller.tenantId(), storeId, e, GuideEvent.MAX_PER_STORE)) throw new GuideErrors.TooManyEvents(GuideEvent.MAX_PER_STORE);
        return e;
    }

    public GuideEvent changeEvent(Caller caller, String storeId, String eventId, EventDraft d) {
        GuideEvent old = event(caller, storeId, eventId);
        requireZone(caller.tenantId(), storeId, d.zoneId());
        GuideEvent e = new GuideEvent(old.eventId(), d.title(), d.body(), d.startsAt(), d.endsAt(), d.zoneId(), old.createdAt(), clock.instant());
        if (!repo.replaceEvent(caller.tenantId(), storeId, e)) throw new GuideErrors.EventNotFound(eventId);
        return e;
    }

    public GuideEvent event(Caller caller, String storeId, String eventId) {
        requireStore(caller, storeId);
        GuideEvent e = repo.event(caller.tenantId(), storeId, eventId);
        if (e == null) throw new GuideErrors.EventNotFound(eventId);
        return e;
    }

    public void deleteEvent(Caller caller, String storeId, String eventId) {
        requireStore(caller, storeId);
        if (!repo.deleteEvent(caller.tenantId(), storeId, eventId)) throw new GuideErrors.EventNotFound(eventId);
    }

    public Page<GuideEvent> events(Caller caller, String storeId, int limit, String cursor) {
        requireStore(caller, storeId);
        return repo.events(caller.tenantId(), storeId, limit, cursor);
    }

    private void requireZone(String tenantId, String storeId, String zoneId) {
        if (zoneId != null && mapOf(tenantId, storeId).zone(zoneId).isEmpty()) throw new GuideErrors.ZoneNotFound(zoneId);
    }

    // ---- the public guide ----

    /** A product as the guide shows it: the offer and where it is (null zone when it has no placement). */
    public record Found(GuideCatalog.Offer offer, Zone zone, String shelf) {}

    /** The guide's home: the store's name, the map, today's promotions and the events running today (store's zone). */
    public record Home(String storeName, String timeZone, LocalDate today, StoreMap map, List<Found> promotions, List<GuideEvent> events) {}

    /** The store's public facts, or "not found" when the tenant has no such store or it is closed. */
    private StoreFacts.Facts facts(String tenantId, String storeId) {
        StoreFacts.Facts f = stores.find(tenantId, storeId);
        if (f == null || !f.open()) throw new GuideErrors.GuideNotFound();
        return f;
    }

    private static ZoneId zoneOf(StoreFacts.Facts f, String tenantZone) {
        String z = f.timeZone() != null ? f.timeZone() : tenantZone != null ? tenantZone : FALLBACK_ZONE;
        try {
            return ZoneId.of(z);
        } catch (RuntimeException e) {
            return ZoneId.of(FALLBACK_ZONE);
        }
    }

    public Home home(String tenantId, String storeId, String tenantZone) {
        StoreFacts.Facts f = facts(tenantId, storeId);
        ZoneId zone = zoneOf(f, tenantZone);
        Instant now = clock.instant();
        LocalDate today = now.atZone(zone).toLocalDate();
        StoreMap map = mapOf(tenantId, storeId);
        List<Found> promos = where(tenantId, storeId, map, promotions(tenantId, storeId, now));
        List<GuideEvent> events = repo.allEvents(tenantId, storeId).stream().filter(e -> e.runsOn(today, zone) && e.endsAt().isAfter(now))
                .sorted(Comparator.comparing(GuideEvent::startsAt).thenComparing(GuideEvent::eventId)).toList();
        return new Home(f.name(), zone.getId(), today, map, promos, events);
    }

    private List<GuideCatalog.Offer> promotions(String tenantId, String storeId, Instant now) {
        String key = tenantId + "#" + storeId;
        Cached c = promotions.get(key);
        if (c != null && c.at().plusSeconds(PROMO_CACHE_SECONDS).isAfter(now) && !c.at().isAfter(now)) return c.offers();
        List<GuideCatalog.Offer> offers = catalog.promotions(tenantId, storeId, MAX_PROMOTIONS);
        if (promotions.size() > 10_000) promotions.clear();
        promotions.put(key, new Cached(now, offers));
        return offers;
    }

    /**
     * Products on sale in the store whose name holds {@code q} (case-insensitive), each with where it is; a query in
     * pinyin ({@code kele}, {@code kl}) also finds the placed products whose name reads so, best match first
     * ({@link PinyinSearch}), after those found by name.
     */
    public List<Found> search(String tenantId, String storeId, String q) {
        facts(tenantId, storeId);
        List<GuideCatalog.Offer> offers = new ArrayList<>(catalog.search(tenantId, storeId, q, MAX_RESULTS));
        String spelled = PinyinSearch.query(q);
        if (spelled != null && offers.size() < MAX_RESULTS) {
            Set<String> seen = offers.stream().map(GuideCatalog.Offer::gtin).collect(Collectors.toCollection(java.util.HashSet::new));
            for (String gtin : spelledLike(tenantId, storeId, spelled)) {
                if (offers.size() >= MAX_RESULTS) break;
                if (!seen.add(gtin)) continue;
                GuideCatalog.Offer o = catalog.offer(tenantId, storeId, gtin);
                if (o != null) offers.add(o);
            }
        }
        return where(tenantId, storeId, mapOf(tenantId, storeId), offers);
    }

    /** The store's placed products whose spellings answer the query, best first (then by GTIN), from at most SPELL_PAGES pages. */
    private List<String> spelledLike(String tenantId, String storeId, String spelled) {
        record Hit(String gtin, int rank) {}
        List<Hit> hits = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Page<Placement> page = repo.placements(tenantId, storeId, Placement.PRODUCT, 100, cursor);
            for (Placement p : page.items()) {
                int rank = PinyinSearch.rank(p.spellings(), spelled);
                if (rank > 0) hits.add(new Hit(p.key(), rank));
            }
            cursor = page.nextCursor();
        } while (cursor != null && ++pages < SPELL_PAGES);
        return hits.stream().sorted(Comparator.comparingInt(Hit::rank).reversed().thenComparing(Hit::gtin)).map(Hit::gtin).toList();
    }

    /** A scanned product, with where it is; "not found" when it is not on sale in this store. */
    public Found lookup(String tenantId, String storeId, String gtin) {
        facts(tenantId, storeId);
        GuideCatalog.Offer o = catalog.offer(tenantId, storeId, gtin);
        if (o == null) throw new GuideErrors.ProductNotFound(gtin);
        return where(tenantId, storeId, mapOf(tenantId, storeId), List.of(o)).get(0);
    }

    /** Where each offer is: one batched read of the products' placements and one of their categories'. */
    private List<Found> where(String tenantId, String storeId, StoreMap map, List<GuideCatalog.Offer> offers) {
        if (offers.isEmpty()) return List.of();
        Map<String, Placement> own = repo.placementsOf(tenantId, storeId, Placement.PRODUCT, offers.stream().map(GuideCatalog.Offer::gtin).toList());
        Map<String, String> parents = catalog.parents(tenantId);
        Set<String> cats = offers.stream().map(GuideCatalog.Offer::categoryId).filter(java.util.Objects::nonNull)
                .flatMap(c -> parents.get(c) == null ? java.util.stream.Stream.of(c) : java.util.stream.Stream.of(c, parents.get(c)))
                .collect(Collectors.toSet());
        Map<String, Placement> byCategory = cats.isEmpty() ? Map.of() : repo.placementsOf(tenantId, storeId, Placement.CATEGORY, cats);
        Set<String> zoneIds = map.zones().stream().map(Zone::id).collect(Collectors.toSet());
        List<Found> out = new ArrayList<>();
        for (GuideCatalog.Offer o : offers) {
            var r = Placements.resolve(o.gtin(), o.categoryId(), own, byCategory, parents, zoneIds);
            out.add(new Found(o, r.flatMap(x -> map.zone(x.zoneId())).orElse(null), r.map(Placements.Resolved::shelf).orElse(null)));
        }
        return out;
    }
}
