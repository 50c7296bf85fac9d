package com.zhidian.coupons.api;

import static com.zhidian.core.auth.Role.CUSTOMER;

import com.zhidian.core.http.Fields;
import com.zhidian.core.http.Formats;
import com.zhidian.core.http.Request;
import com.zhidian.core.http.Response;
import com.zhidian.core.http.Routes;
import com.zhidian.coupons.application.CouponService;
import java.util.Map;
import java.util.Set;

/** A customer's own coupons: the coupon centre to claim from, claiming, and the list with states. */
final class MyCouponsRoutes {
    private final CouponService service;

    private MyCouponsRoutes(CouponService service) {
        this.service = service;
    }

    static void register(Routes routes, CouponService service) {
        MyCouponsRoutes m = new MyCouponsRoutes(service);
        routes.on("GET /me/coupon-centre", Set.of(CUSTOMER), m::centre)
                .on("POST /me/coupons", Set.of(CUSTOMER), m::claim)
                .on("GET /me/coupons", Set.of(CUSTOMER), m::mine);
    }

    private Response centre(Request r) {
        String member = r.caller().requireMember();
        return Response.ok(Map.of("items", service.centre(r.caller().tenantId(), member).stream()
                .map(o -> Views.offer(o, service.now())).toList()));
    }

    private Response claim(Request r) {
        String member = r.caller().requireMember();
        Fields f = r.fields("templateId");
        String templateId = f.requiredMatching("templateId", Formats.ID, "must be a coupon template id");
        f.check();
        return Response.created(Views.coupon(service.claim(r.caller().tenantId(), member, templateId), service.now(), true));
    }

    private Response mine(Request r) {
        String member = r.caller().requireMember();
        int limit = r.limit();
        return Response.ok(Views.page(service.ofMember(r.caller().tenantId(), member, limit, r.query("cursor")),
                c -> Views.coupon(c, service.now(), true)));
    }
}
