package com.zhidian.guide.api;

import com.zhidian.core.paging.Page;
import com.zhidian.guide.application.GuideService;
import com.zhidian.guide.domain.GuideCatalog;
import com.zhidian.guide.domain.GuideEvent;
import com.zhidian.guide.domain.Placement;
import com.zhidian.guide.domain.Rect;
import com.zhidian.guide.domain.StoreMap;
import com.zhidian.guide.domain.Zone;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shapes of the guide's answers. */
final class Views {
    private Views() {}

    static Map<String, Object> map(StoreMap m, String guideToken) {
        Map<String, Object> o = grid(m);
        o.put("version", m.version());
        o.put("updatedAt", m.updatedAt() == null ? null : m.updatedAt().toString());
        o.put("guideToken", guideToken);
        return o;
    }

    /** The grid and its zones: all a customer's page needs to draw the map. */
    static Map<String, Object> grid(StoreMap m) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("width", m.width());
        o.put("height", m.height());
        o.put("zones", m.zones().stream().map(Views::zone).toList());
        return o;
    }

    static Map<String, Object> zone(Zone z) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", z.id());
        o.put("name", z.name());
        o.put("kind", z.kind());
        o.put("cells", z.cells().stream().map(Views::rect).toList());
        return o;
    }

    private static Map<String, Object> rect(Rect c) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("x", c.x());
        o.put("y", c.y());
        o.put("width", c.width());
        o.put("height", c.height());
        return o;
    }

    static Map<String, Object> placement(Placement p) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("kind", p.kind());
        o.put(Placement.PRODUCT.equals(p.kind()) ? "gtin" : "categoryId", p.key());
        o.put("zoneId", p.zoneId());
        o.put("shelf", p.shelf());
        o.put("updatedAt", p.updatedAt().toString());
        if (Placement.PRODUCT.equals(p.kind())) o.put("pinyin", p.spellings());
        return o;
    }

    static Map<String, Object> placements(Page<GuideService.PlacementRow> page) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("items", page.items().stream().map(r -> {
            Map<String, Object> p = placement(r.placement());
            p.put("name", r.label());
            p.put("zoneName", r.zoneName());
            return p;
        }).toList());
        o.put("nextCursor", page.nextCursor());
        return o;
    }

    static Map<String, Object> event(GuideEvent e) {
        Map<String, Object> o = publicEvent(e);
        o.put("createdAt", e.createdAt().toString());
        o.put("updatedAt", e.updatedAt().toString());
        return o;
    }

    private static Map<String, Object> publicEvent(GuideEvent e) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("eventId", e.eventId());
        o.put("title", e.title());
        o.put("body", e.body());
        o.put("startsAt", e.startsAt().toString());
        o.put("endsAt", e.endsAt().toString());
        o.put("zoneId", e.zoneId());
        return o;
    }

    static Map<String, Object> events(Page<GuideEvent> page) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("items", page.items().stream().map(Views::event).toList());
        o.put("nextCursor", page.nextCursor());
        return o;
    }

    static Map<String, Object> home(GuideService.Home h) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("storeName", h.storeName());
        o.put("timeZone", h.timeZone());
        o.put("today", h.today().toString());
        o.put("map", grid(h.map()));
        o.put("promotions", h.promotions().stream().map(Views::found).toList());
        o.put("events", h.events().stream().map(Views::publicEvent).toList());
        return o;
    }

    static Map<String, Object> results(List<GuideService.Found> found) {
        return Map.of("items", found.stream().map(Views::found).toList());
    }

    /** A product as the customer sees it: never its cost or stock figures, only whether any is on the shelf. */
    static Map<String, Object> found(GuideService.Found f) {
        GuideCatalog.Offer p = f.offer();
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("gtin", p.displayGtin());
        o.put("name", p.name());
        o.put("brand", p.brand());
        o.put("spec", p.spec());
        o.put("price", p.price());
        o.put("regularPrice", p.regularPrice());
        o.put("promo", p.promo());
        o.put("promoTo", p.promoTo() == null ? null : p.promoTo().toString());
        o.put("saving", p.saving());
        o.put("inStock", p.inStock());
        o.put("zone", f.zone() == null ? null : Map.of("id", f.zone().id(), "name", f.zone().name(), "kind", f.zone().kind()));
        o.put("shelf", f.shelf());
        return o;
    }
}
