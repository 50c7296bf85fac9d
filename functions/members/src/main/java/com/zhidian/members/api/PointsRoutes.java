package com.zhidian.members.api;

import static com.zhidian.core.auth.Role.OWNER;
import static com.zhidian.core.auth.Role.STAFF;

import com.zhidian.core.aws.ReadAhead;
import com.zhidian.core.http.Fields;
import com.zhidian.core.http.Formats;
import com.zhidian.core.http.Request;
import com.zhidian.core.http.Response;
import com.zhidian.core.http.Routes;
import com.zhidian.members.application.PointsService;
import com.zhidian.members.domain.LedgerEntry;
import com.zhidian.members.domain.PointsSettings;
import com.zhidian.members.domain.SettingsRepository;
import com.zhidian.members.store.Keys;
import java.util.Set;

/**
 * A member's points as staff and owners see them, and the tenant's points settings. Adjust and redeem move
 * points: they require an Idempotency-Key and are claimed routes (their whole effect, the key's answer and the
 * audit entry in one transaction); the routes on one member read its account ahead, with the tenant's standing.
 */
final class PointsRoutes {
    private final PointsService points;
    private final SettingsRepository settings;
    private final Inputs inputs;

    PointsRoutes(PointsService points, SettingsRepository settings, Inputs inputs) {
        this.points = points;
        this.settings = settings;
        this.inputs = inputs;
    }

    Routes declare(Routes routes) {
        return routes
                .on("GET /members/{memberId}/points", Set.of(OWNER, STAFF),
                        r -> Response.ok(Views.points(points.view(r.caller().tenantId(), r.pathId("memberId")))))
                .readAhead(PointsRoutes::account)
                .on("GET /members/{memberId}/points/ledger", Set.of(OWNER, STAFF), r -> ledger(points, r, r.pathId("memberId"), true))
                .readAhead(PointsRoutes::account)
                .onClaimed("POST /members/{memberId}/points/adjust", Set.of(OWNER), this::adjust)
                .readAhead(PointsRoutes::account)
                .onClaimed("POST /members/{memberId}/points/redeem", Set.of(OWNER, STAFF), this::redeem)
                .readAhead(PointsRoutes::account)
                .on("GET /points/settings", Set.of(OWNER, STAFF), r -> Response.ok(Views.settings(settings.points(r.caller().tenantId()))))
                .on("PUT /points/settings", Set.of(OWNER), this::putSettings);
    }

    private static ReadAhead.Key account(Request r) {
        return Keys.pointsAccount(r.caller().tenantId(), r.pathId("memberId"));
    }

    static Response ledger(PointsService points, Request r, String memberId, boolean staffView) {
        return Response.ok(Views.page(points.ledger(r.caller().tenantId(), memberId, r.limit(), r.query("cursor")),
                e -> Views.entry(e, staffView)));
    }

    private Response adjust(Request r) {
        Inputs.requireIdempotencyKey(r);
        String memberId = r.pathId("memberId");
        Fields f = r.fields("delta", "reason", "storeId", "confirmed");
        Long delta = f.requiredLong("delta", -Inputs.MAX_POINTS, Inputs.MAX_POINTS);
        if (delta != null && delta == 0) f.reject("delta", "must not be 0");
        String reason = f.requiredString("reason", 1, 200);
        String storeId = f.optionalMatching("storeId", Formats.ID, "must be a store id");
        Boolean confirmed = f.optionalBoolean("confirmed");
        f.check();
        if (storeId != null) inputs.requireStore(r.caller(), storeId);
        LedgerEntry e = points.adjust(r.caller().tenantId(), memberId, delta, Boolean.TRUE.equals(confirmed), reason, storeId,
                r.caller().username());
        return Response.ok(Views.entry(e, true));
    }

    private Response redeem(Request r) {
        Inputs.requireIdempotencyKey(r);
        String memberId = r.pathId("memberId");
        Fields f = r.fields("points", "storeId", "reason", "orderId");
        Long amount = f.requiredLong("points", 1, Inputs.MAX_POINTS);
        String storeId = f.requiredMatching("storeId", Formats.ID, "must be a store id");
        String reason = f.optionalString("reason", 1, 200);
        String orderId = f.optionalMatching("orderId", Formats.ID, "must be an order id");
        f.check();
        inputs.requireStore(r.caller(), storeId);
        LedgerEntry e = points.redeem(r.caller().tenantId(), memberId, amount, storeId, orderId,
                reason == null ? "redeemed in store" : reason, r.caller().username());
        return Response.ok(Views.entry(e, true));
    }

    private Response putSettings(Request r) {
        Fields f = r.fields("pointsPerYuan", "returnWindowDays", "expiry", "expiryMonths", "rounding",
                "welcomePoints", "adjustLimit", "adjustConfirmAbove");
        Long perYuan = f.requiredLong("pointsPerYuan", 0, 1000);
        Long window = f.requiredLong("returnWindowDays", 0, 365);
        String expiry = f.requiredEnum("expiry", Set.of("end_of_following_year", "months_after_credit", "never"));
        Long months = f.optionalLong("expiryMonths", 1, 120);
        f.optionalEnum("rounding", Set.of(PointsSettings.ROUNDING));
        Long welcome = f.optionalLong("welcomePoints", 0, PointsSettings.MAX_WELCOME_POINTS);
        Long limit = f.optionalLong("adjustLimit", 1, PointsSettings.MAX_ADJUST_LIMIT);
        Long confirmAbove = f.optionalLong("adjustConfirmAbove", 0, PointsSettings.MAX_ADJUST_LIMIT);
        long limitOr = limit == null ? PointsSettings.DEFAULT_ADJUST_LIMIT : limit;
        long confirmOr = confirmAbove == null ? Math.min(PointsSettings.DEFAULT_ADJUST_CONFIRM_ABOVE, limitOr) : confirmAbove;
        if (confirmOr > limitOr) f.reject("adjustConfirmAbove", "must not be more than adjustLimit");
        if ("months_after_credit".equals(expiry) && months == null && !f.has("expiryMonths")) {
            f.reject("expiryMonths", "is required when expiry is months_after_credit");
        }
        f.check();
        PointsSettings s = new PointsSettings(perYuan.intValue(), window.intValue(),
                PointsSettings.Expiry.of(expiry).orElseThrow(), months == null ? 0 : months.intValue(),
                welcome == null ? 0 : welcome.intValue(), limitOr, confirmOr);
        settings.savePoints(r.caller().tenantId(), s);
        return Response.ok(Views.settings(s));
    }
}
