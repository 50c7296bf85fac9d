package com.zhidian.members.api;

import static com.zhidian.core.auth.Role.CUSTOMER;

import com.zhidian.core.auth.Role;
import com.zhidian.core.errors.ApiException;
import com.zhidian.core.http.Fields;
import com.zhidian.core.http.Request;
import com.zhidian.core.http.Response;
import com.zhidian.core.http.Routes;
import com.zhidian.members.application.MemberService;
import com.zhidian.members.application.PointsService;
import com.zhidian.members.domain.CardQr;
import com.zhidian.members.domain.Consent;
import com.zhidian.members.domain.Member;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The customer's own member, and only it: the member id comes from the token ({@code custom:member_id}). */
final class MeRoutes {
    private static final Set<Role> SELF = Set.of(CUSTOMER);
    private static final Pattern TEXT_VERSION = Pattern.compile("[A-Za-z0-9._\\-]{1,32}");

    private final MemberService members;
    private final PointsService points;
    private final CardQr qr;
    private final Clock clock;

    MeRoutes(MemberService members, PointsService points, CardQr qr, Clock clock) {
        this.members = members;
        this.points = points;
        this.qr = qr;
        this.clock = clock;
    }

    Routes declare(Routes routes) {
        return routes
                .on("GET /me", SELF, r -> {
                    Member m = self(r);
                    return Response.ok(Views.member(m, members.consents(m.tenantId(), m.memberId())));
                })
                // not self(r): an erasure cut short after the member was anonymised is finished by repeating it
                .on("DELETE /me", SELF, r -> MembersRoutes.erase(members, r.caller().tenantId(), r.caller().requireMember()))
                .on("GET /me/card", SELF, r -> {
                    Member m = self(r);
                    return Response.ok(Views.card(m, qr.issue(m.tenantId(), m.memberId(), clock.instant())))
                            .header("Cache-Control", "no-store");
                })
                .on("GET /me/points", SELF, r -> Response.ok(Views.points(points.view(r.caller().tenantId(), self(r).memberId()))))
                .on("GET /me/points/ledger", SELF, r -> PointsRoutes.ledger(points, r, self(r).memberId(), false))
                .on("GET /me/consents", SELF, r -> Response.ok(Map.of("items",
                        Views.consents(members.consents(r.caller().tenantId(), self(r).memberId())))))
                .on("PUT /me/consents/{purpose}", SELF, this::putConsent)
                .on("GET /me/data", SELF, r -> Response.ok(Views.export(members.export(r.caller().tenantId(), self(r).memberId())))
                        .header("Content-Disposition", "attachment; filename=\"member-data.json\"")
                        .header("Cache-Control", "no-store"));
    }

    private Member self(Request r) {
        return members.self(r.caller().tenantId(), r.caller().requireMember());
    }

    private Response putConsent(Request r) {
        Consent.Purpose purpose = Consent.Purpose.of(r.pathParam("purpose"))
                .orElseThrow(() -> ApiException.notFound("consent purpose " + r.pathParam("purpose")));
        Member m = self(r);
        Fields f = r.fields("granted", "channel", "textVersion");
        Boolean granted = f.requiredBoolean("granted");
        String channel = f.optionalEnum("channel", Set.of("h5", "mini_program"));
        String version = f.optionalMatching("textVersion", TEXT_VERSION, "must be a consent text version");
        f.check();
        Consent.State s = members.setConsent(m.tenantId(), m.memberId(), purpose, granted,
                channel == null ? Consent.Channel.H5 : Consent.Channel.of(channel).orElseThrow(), version, "customer");
        return Response.ok(Views.consent(s));
    }
}
