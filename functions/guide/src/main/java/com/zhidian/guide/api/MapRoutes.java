package com.zhidian.guide.api;

import static com.zhidian.core.auth.Role.OWNER;
import static com.zhidian.core.auth.Role.STAFF;

import com.zhidian.core.http.Fields;
import com.zhidian.core.http.Language;
import com.zhidian.core.http.Request;
import com.zhidian.core.http.Response;
import com.zhidian.core.http.Routes;
import com.zhidian.guide.application.GuideService;
import com.zhidian.core.links.SignedLinks;
import com.zhidian.guide.domain.MapRules;
import com.zhidian.guide.domain.Rect;
import com.zhidian.guide.domain.StoreMap;
import com.zhidian.guide.domain.Zone;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The store map: staff read it (with the guide's signed link for the poster and kiosk), the owner draws it. */
final class MapRoutes {
    static final Pattern ZONE_ID = Pattern.compile("[A-Za-z0-9_-]{1,24}");
    private final GuideService s;
    private final SignedLinks links;

    MapRoutes(GuideService s, SignedLinks links) {
        this.s = s;
        this.links = links;
    }

    Routes declare(Routes routes) {
        return routes
                .on("GET /stores/{storeId}/map", Set.of(OWNER, STAFF), r -> {
                    String storeId = r.pathId("storeId");
                    return Response.ok(Views.map(s.map(r.caller(), storeId), links.sign(r.caller().tenantId(), storeId)));
                })
                .on("PUT /stores/{storeId}/map", Set.of(OWNER), this::save);
    }

    private Response save(Request r) {
        Fields f = r.fields("width", "height", "version", "zones");
        Long width = f.requiredLong("width", MapRules.MIN_SIDE, MapRules.MAX_SIDE);
        Long height = f.requiredLong("height", MapRules.MIN_SIDE, MapRules.MAX_SIDE);
        Long version = f.requiredLong("version", 0, Long.MAX_VALUE / 2);
        List<Zone> zones = new ArrayList<>();
        for (Fields z : f.requiredObjects("zones", 0, MapRules.MAX_ZONES, Set.of("id", "name", "kind", "cells"))) {
            String id = z.requiredMatching("id", ZONE_ID, "letters, digits, _ and - (1 to 24)");
            String name = z.requiredString("name", 1, 30);
            String kind = z.requiredEnum("kind", Zone.KINDS);
            List<Rect> cells = new ArrayList<>();
            for (Fields c : z.requiredObjects("cells", 1, MapRules.MAX_RECTS, Set.of("x", "y", "width", "height"))) {
                Long x = c.requiredLong("x", 0, MapRules.MAX_SIDE - 1);
                Long y = c.requiredLong("y", 0, MapRules.MAX_SIDE - 1);
                Long w = c.requiredLong("width", 1, MapRules.MAX_SIDE);
                Long h = c.requiredLong("height", 1, MapRules.MAX_SIDE);
                if (x != null && y != null && w != null && h != null) cells.add(new Rect(x.intValue(), y.intValue(), w.intValue(), h.intValue()));
            }
            if (id != null && name != null && kind != null) zones.add(new Zone(id, name.trim(), kind, cells));
        }
        f.check();
        boolean zh = r.language() == Language.ZH;
        for (MapRules.Issue i : MapRules.check(width.intValue(), height.intValue(), zones)) f.reject(i.field(), i.code(), zh ? i.zh() : i.en());
        f.check();
        String storeId = r.pathId("storeId");
        StoreMap m = s.saveMap(r.caller(), storeId, width.intValue(), height.intValue(), zones, version);
        return Response.ok(Views.map(m, links.sign(r.caller().tenantId(), storeId)));
    }
}
