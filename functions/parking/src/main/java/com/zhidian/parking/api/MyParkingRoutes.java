package com.zhidian.parking.api;

import static com.zhidian.core.auth.Role.CUSTOMER;

import com.zhidian.core.errors.ApiException;
import com.zhidian.core.http.Fields;
import com.zhidian.core.http.Request;
import com.zhidian.core.http.Response;
import com.zhidian.core.http.Routes;
import com.zhidian.parking.application.ParkingService;
import com.zhidian.parking.domain.MemberParking;
import com.zhidian.parking.domain.Plates;
import com.zhidian.parking.domain.Session;
import java.util.Set;
import java.util.regex.Pattern;

/** A member's parking in the H5: plates, the card for pay-after-exit, stays and debts, paying a debt. */
final class MyParkingRoutes {
    static final Pattern PAYMENT_METHOD = Pattern.compile("pm_[A-Za-z0-9_]{1,60}");
    private final ParkingService s;

    MyParkingRoutes(ParkingService s) {
        this.s = s;
    }

    Routes declare(Routes routes) {
        return routes
                .on("GET /me/parking", Set.of(CUSTOMER), r -> Response.ok(mine(r)))
                .on("POST /me/parking/plates", Set.of(CUSTOMER), r -> {
                    Fields f = r.fields("plate");
                    String plate = plate(f);
                    f.check();
                    s.bind(r.caller().tenantId(), r.caller().requireMember(), plate);
                    return Response.created(mine(r));
                })
                .on("DELETE /me/parking/plates", Set.of(CUSTOMER), r -> {
                    String plate = Plates.normalise(r.query("plate"));
                    if (plate == null) throw ApiException.badRequest("plate", "must be a Chinese licence plate such as 粤B12345 or 粤BD12345");
                    s.unbind(r.caller().tenantId(), r.caller().requireMember(), plate);
                    return Response.ok(mine(r));
                })
                .on("PUT /me/parking/card", Set.of(CUSTOMER), r -> {
                    Fields f = r.fields("paymentMethod");
                    String pm = f.requiredMatching("paymentMethod", PAYMENT_METHOD, "a Stripe PaymentMethod id such as pm_card_visa");
                    f.check();
                    s.saveCard(r.caller().tenantId(), r.caller().requireMember(), pm, r.header("idempotency-key"));
                    return Response.ok(mine(r));
                })
                .on("POST /me/parking/debts/{sessionId}/payment", Set.of(CUSTOMER), this::payDebt);
    }

    private Response payDebt(Request r) {
        String tenantId = r.caller().tenantId();
        String memberId = r.caller().requireMember();
        String sessionId = r.pathId("sessionId");
        Session debt = s.myStays(tenantId, memberId).stream().filter(x -> x.sessionId().equals(sessionId)).findFirst()
                .orElseThrow(() -> new com.zhidian.parking.domain.ParkingErrors.SessionNotFound(sessionId));
        return Response.ok(Views.session(s.payDebt(tenantId, memberId, debt.storeId(), sessionId)));
    }

    private java.util.Map<String, Object> mine(Request r) {
        String tenantId = r.caller().tenantId();
        String memberId = r.caller().requireMember();
        MemberParking m = s.mine(tenantId, memberId);
        return Views.mine(m, s.myStays(tenantId, memberId));
    }

    static String plate(Fields f) {
        String raw = f.requiredString("plate", 7, Plates.MAX_INPUT);
        if (raw == null) return null;
        String p = Plates.normalise(raw);
        if (p == null) f.reject("plate", Fields.INVALID_FORMAT, "must be a Chinese licence plate such as 粤B12345 or 粤BD12345");
        return p;
    }
}
