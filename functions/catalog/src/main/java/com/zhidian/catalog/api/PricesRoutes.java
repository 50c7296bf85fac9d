package com.zhidian.catalog.api;

import static com.zhidian.core.auth.Role.CUSTOMER;
import static com.zhidian.core.auth.Role.OWNER;
import static com.zhidian.core.auth.Role.STAFF;

import com.zhidian.approvals.api.Gated;
import com.zhidian.approvals.application.ApprovalGate;
import com.zhidian.approvals.domain.Ask;
import com.zhidian.catalog.application.PriceService;
import com.zhidian.core.errors.ApiException;
import com.zhidian.core.http.Fields;
import com.zhidian.core.http.Formats;
import com.zhidian.core.http.Request;
import com.zhidian.core.http.Response;
import com.zhidian.core.http.Routes;
import java.util.Set;

/** Prices per store and tenant-wide (同标同质同价), the price in force, and each product's price history. */
final class PricesRoutes {
    private PricesRoutes() {}

    static void register(Routes routes, PriceService s, ApprovalGate gate) {
        // staff set their own store's prices (a store manager does); one below the last receipt cost may need the owner's approval
        routes.on("PUT /stores/{storeId}/prices/{gtin}", Set.of(OWNER, STAFF), r -> {
            String store = r.pathId("storeId");
            String gtin = Inputs.pathGtin(r);
            PriceService.Input in = input(r);
            return gate.guard(Gated.attempt(r), Ask.price(store, gtin, in.price(),
                    r.caller().is(OWNER) ? null : s.costFor(r.caller(), store, gtin)),
                    () -> Response.ok(Views.priceSet(s.setForStore(r.caller(), store, gtin, in))));
        })
        .on("PUT /prices/{gtin}", Set.of(OWNER), r -> {
            String gtin = Inputs.pathGtin(r);
            return Response.ok(Views.priceSet(s.setForTenant(r.caller(), gtin, input(r))));
        })
        .on("GET /prices/{gtin}", Set.of(OWNER, STAFF), r -> {
            String gtin = Inputs.pathGtin(r);
            return Response.ok(Views.price(s.tenantInForce(r.caller(), gtin, Inputs.queryInstant(r, "at"))));
        })
        .on("GET /prices/{gtin}/history", Set.of(OWNER), r -> {
            String gtin = Inputs.pathGtin(r);
            return Response.ok(Views.page(s.history(r.caller(), gtin, r.limit(), r.query("cursor")), Views::change));
        })
        .on("GET /stores/{storeId}/prices", Set.of(OWNER, STAFF), r -> {
            String store = r.pathId("storeId");
            return Response.ok(Views.page(s.list(r.caller(), store, Inputs.queryInstant(r, "at"), r.limit(), r.query("cursor")), Views::priceRow));
        })
        .on("GET /me/stores/{storeId}/products", Set.of(CUSTOMER), r -> {
            String store = r.pathId("storeId");
            String q = r.query("q");
            String cat = r.query("categoryId");
            if (q != null && q.length() > 100) throw ApiException.badRequest("q", "must be at most 100 characters");
            if (cat != null && !cat.isEmpty() && !Formats.ID.matcher(cat).matches()) throw ApiException.badRequest("categoryId", "is not a category id");
            return Response.ok(Views.page(s.shelf(r.caller(), store, blank(q), blank(cat), r.limit(), r.query("cursor")), Views::shelfRow));
        })
        .on("GET /stores/{storeId}/prices/{gtin}", Set.of(OWNER, STAFF), r -> {
            String store = r.pathId("storeId");
            String gtin = Inputs.pathGtin(r);
            return Response.ok(Views.price(s.inForce(r.caller(), store, gtin, Inputs.queryInstant(r, "at"))));
        });
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static PriceService.Input input(Request r) {
        Fields f = r.fields("price", "promoPrice", "promoFrom", "promoTo", "effectiveAt", "per");
        Long price = f.requiredLong("price", 0, Inputs.MAX_FEN);
        Long promo = f.optionalLong("promoPrice", 0, Inputs.MAX_FEN);
        var from = Inputs.instant(f, "promoFrom");
        var to = Inputs.instant(f, "promoTo");
        var at = Inputs.instant(f, "effectiveAt");
        String per = f.optionalEnum("per", Set.of(PriceService.Input.PER_KG, PriceService.Input.PER_PIECE));
        f.check();
        return new PriceService.Input(price, promo, from, to, at, per);
    }
}
