package com.zhidian.guide.api;

import static com.zhidian.core.auth.Role.OWNER;
import static com.zhidian.core.auth.Role.STAFF;

import com.zhidian.catalog.domain.Gtin;
import com.zhidian.core.errors.ApiException;
import com.zhidian.core.http.Fields;
import com.zhidian.core.http.Request;
import com.zhidian.core.http.Response;
import com.zhidian.core.http.Routes;
import com.zhidian.guide.application.GuideService;
import com.zhidian.guide.domain.Placement;
import java.util.Set;
import java.util.regex.Pattern;

/** Where the store keeps a product or a whole category: a zone of its map and an optional shelf label ("A3-2"). */
final class PlacementRoutes {
    static final Pattern SHELF = Pattern.compile("[A-Za-z0-9\\u4e00-\\u9fff _./#-]{1,20}");
    private final GuideService s;

    PlacementRoutes(GuideService s) {
        this.s = s;
    }

    Routes declare(Routes routes) {
        return routes
                .on("GET /stores/{storeId}/placements", Set.of(OWNER, STAFF), r -> {
                    String kind = r.query("kind") == null ? Placement.PRODUCT : r.query("kind");
                    if (!Placement.KINDS.contains(kind)) throw ApiException.badRequest("kind", "must be one of category, product");
                    return Response.ok(Views.placements(s.placements(r.caller(), r.pathId("storeId"), kind, r.limit(), r.query("cursor"))));
                })
                .on("PUT /stores/{storeId}/placements/{gtin}", Set.of(OWNER, STAFF), r -> put(r, Placement.PRODUCT, gtin(r)))
                .on("DELETE /stores/{storeId}/placements/{gtin}", Set.of(OWNER, STAFF), r -> {
                    s.unplace(r.caller(), r.pathId("storeId"), Placement.PRODUCT, gtin(r));
                    return Response.noContent();
                })
                .on("PUT /stores/{storeId}/category-placements/{categoryId}", Set.of(OWNER, STAFF), r -> put(r, Placement.CATEGORY, r.pathId("categoryId")))
                .on("DELETE /stores/{storeId}/category-placements/{categoryId}", Set.of(OWNER, STAFF), r -> {
                    s.unplace(r.caller(), r.pathId("storeId"), Placement.CATEGORY, r.pathId("categoryId"));
                    return Response.noContent();
                });
    }

    private Response put(Request r, String kind, String key) {
        Fields f = r.fields("zoneId", "shelf");
        String zoneId = f.requiredMatching("zoneId", MapRoutes.ZONE_ID, "letters, digits, _ and - (1 to 24)");
        String shelf = f.optionalMatching("shelf", SHELF, "letters, digits, Chinese characters, spaces and _ . / # - (1 to 20)");
        f.check();
        String storeId = r.pathId("storeId");
        Placement p = s.place(r.caller(), storeId, kind, key, zoneId, shelf == null || shelf.isBlank() ? null : shelf.trim());
        return Response.ok(Views.placement(p));
    }

    /** A path's GTIN in its GTIN-14 form; text that is no GTIN cannot name a product: 404. */
    static String gtin(Request r) {
        Gtin g = Gtin.orNull(r.pathParam("gtin"));
        if (g == null) throw ApiException.notFound("product " + r.pathParam("gtin"));
        return g.value();
    }
}
