package com.zhidian.parking.api;

import com.zhidian.core.Json;
import com.zhidian.core.aws.AfterWrites;
import com.zhidian.core.errors.ApiException;
import com.zhidian.core.http.LinkedTenant;
import com.zhidian.core.http.Fields;
import com.zhidian.core.http.Platform;
import com.zhidian.core.http.Request;
import com.zhidian.core.http.Response;
import com.zhidian.core.http.Routes;
import com.zhidian.core.links.SignedLinks;
import com.zhidian.core.scope.RequestScope;
import com.zhidian.parking.application.ParkingService;
import com.zhidian.parking.domain.ParkingErrors;
import com.zhidian.parking.domain.Plates;
import java.util.Set;
import java.util.function.Function;

/**
 * The car park's public pages (no sign-in), opened from the QR at the exit or on a pillar, which carries the car park's
 * signed token {@code t}: what a plate owes, paying it (the barrier opens when the car is waiting at it), and where a
 * car is. A bad token, an unknown plate and a suspended tenant all read "not found"; a plate is shown masked.
 */
final class PublicParkingRoutes {
    private final ParkingService s;
    private final SignedLinks links;
    private final Platform platform;

    PublicParkingRoutes(ParkingService s, SignedLinks links, Platform platform) {
        this.s = s;
        this.links = links;
        this.platform = platform;
    }

    Routes declare(Routes routes) {
        return routes
                .on("GET /parking/{storeId}/quote", Set.of(), r -> inTenant(r, t -> Response.ok(Views.quote(s.quoteByPlate(t, r.pathId("storeId"),
                        plate(r))))))
                .on("GET /parking/{storeId}/car", Set.of(), r -> inTenant(r, t -> Response.ok(Views.found(s.find(t, r.pathId("storeId"), plate(r))))))
                .on("POST /parking/{storeId}/payments", Set.of(), r -> inTenant(r, t -> once(r, t, () -> {
                    Fields f = r.fields("plate", "paymentMethod");
                    String plate = MyParkingRoutes.plate(f);
                    String pm = f.requiredMatching("paymentMethod", MyParkingRoutes.PAYMENT_METHOD, "a Stripe PaymentMethod id such as pm_card_visa");
                    f.check();
                    return Response.ok(Views.quote(s.payByPlate(t, r.pathId("storeId"), plate, pm)));
                })));
    }

    /**
     * The rails keep Idempotency-Keys per login, and a public page has none: the car park's payments keep theirs in
     * the car park's own scope (in the tenant's partition), with the same rules (the first answer replayed, another
     * body 422, a failure forgotten).
     */
    private Response once(Request r, String tenantId, java.util.function.Supplier<Response> work) {
        String key = r.header("idempotency-key");
        if (key == null) return work.get();
        if (key.isEmpty() || key.length() > 255) throw ApiException.badRequest("Idempotency-Key", "must be 1 to 255 characters");
        String scope = "T#" + tenantId + "#PARKPAY#" + r.pathId("storeId");
        String fingerprint = r.routeKey() + "\n" + r.rawPath() + "\n" + Json.canonical(r.bodyText());
        AfterWrites after = platform.afterWrites();
        Response answer = Response.of(platform.idempotency().run(RequestScope.current(), scope, key, fingerprint, work, after));
        after.flush();
        return answer;
    }

    private static String plate(Request r) {
        String p = Plates.normalise(r.query("plate"));
        if (p == null) throw ApiException.badRequest("plate", "must be a Chinese licence plate such as 粤B12345 or 粤BD12345");
        return p;
    }

    private Response inTenant(Request r, Function<String, Response> work) {
        return LinkedTenant.run(links.tenantOf(r.pathId("storeId"), r.query("t")), platform.tenants(), platform.limiter(),
                ParkingErrors.CarNotFound::new, (t, standing) -> work.apply(t));
    }
}
