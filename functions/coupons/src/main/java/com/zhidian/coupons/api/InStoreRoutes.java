package com.zhidian.coupons.api;

import static com.zhidian.core.auth.Role.OWNER;
import static com.zhidian.core.auth.Role.STAFF;

import com.zhidian.core.errors.ApiException;
import com.zhidian.core.http.Fields;
import com.zhidian.core.http.Formats;
import com.zhidian.core.http.Request;
import com.zhidian.core.http.Response;
import com.zhidian.core.http.Routes;
import com.zhidian.coupons.application.CouponService;
import com.zhidian.coupons.domain.Basket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Coupons at the till: check what a code gives (nothing changes), redeem it once, void one (owner), and a member's
 * coupons. Staff act only in their own stores: another store is 404, as for every store-scoped call.
 */
final class InStoreRoutes {
    private static final Pattern GTIN = Pattern.compile("[0-9]{8,14}");
    private static final Pattern CODE_TEXT = Pattern.compile("(?s).{1,40}");

    private final CouponService service;

    private InStoreRoutes(CouponService service) {
        this.service = service;
    }

    static void register(Routes routes, CouponService service) {
        InStoreRoutes s = new InStoreRoutes(service);
        routes.on("POST /coupons/check", Set.of(OWNER, STAFF), s::check)
                .on("POST /coupons/redeem", Set.of(OWNER, STAFF), s::redeem)
                .on("POST /coupons/void", Set.of(OWNER), s::voidOne)
                .on("GET /members/{memberId}/coupons", Set.of(OWNER, STAFF), s::ofMember);
    }

    private Response check(Request r) {
        Fields f = r.fields("code", "storeId", "basket");
        String code = f.requiredMatching("code", CODE_TEXT, "must be a coupon code");
        String storeId = f.requiredMatching("storeId", Formats.ID, "must be a store id");
        Basket basket = basket(f);
        f.check();
        requireStore(r, storeId);
        return Response.ok(Views.check(service.check(r.caller().tenantId(), code, storeId, basket), service.now(), r.language()));
    }

    private Response redeem(Request r) {
        Fields f = r.fields("code", "storeId", "orderId");
        String code = f.requiredMatching("code", CODE_TEXT, "must be a coupon code");
        String storeId = f.requiredMatching("storeId", Formats.ID, "must be a store id");
        String orderId = f.optionalMatching("orderId", Formats.ID, "must be an order id");
        f.check();
        requireStore(r, storeId);
        var c = service.redeem(r.caller().tenantId(), code, storeId, r.caller().username(), orderId);
        return Response.ok(Views.coupon(c, service.now(), false));
    }

    private Response voidOne(Request r) {
        Fields f = r.fields("code", "reason");
        String code = f.requiredMatching("code", CODE_TEXT, "must be a coupon code");
        String reason = f.requiredString("reason", 1, 200);
        f.check();
        return Response.ok(Views.coupon(service.voidOne(r.caller().tenantId(), code, reason), service.now(), false));
    }

    private Response ofMember(Request r) {
        String memberId = r.pathId("memberId");
        int limit = r.limit();
        service.requireMember(r.caller().tenantId(), memberId);
        return Response.ok(Views.page(service.ofMember(r.caller().tenantId(), memberId, limit, r.query("cursor")),
                c -> Views.coupon(c, service.now(), false)));
    }

    /** The staff's own store, and a store of the tenant (an owner may name any of them). */
    private void requireStore(Request r, String storeId) {
        r.caller().requireStore(storeId);
        if (!service.hasStore(r.caller().tenantId(), storeId)) throw ApiException.notFound("store " + storeId);
    }

    private static Basket basket(Fields f) {
        Fields b = f.optionalObject("basket", Set.of("lines"));
        if (b == null) return null;
        List<Basket.Line> lines = new ArrayList<>();
        for (Fields l : b.requiredObjects("lines", 1, 200, Set.of("gtin", "category", "quantity", "unitPrice"))) {
            String gtin = l.requiredMatching("gtin", GTIN, "must be a GTIN");
            String category = l.optionalString("category", 1, 64);
            Long qty = l.requiredLong("quantity", 1, 10_000);
            Long price = l.requiredLong("unitPrice", 0, TemplateBody.MAX_FEN);
            if (gtin != null && qty != null && price != null) lines.add(new Basket.Line(gtin, category, qty, price));
        }
        return new Basket(lines);
    }
}
