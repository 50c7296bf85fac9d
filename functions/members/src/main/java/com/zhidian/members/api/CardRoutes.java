package com.zhidian.members.api;

import static com.zhidian.core.auth.Role.OWNER;
import static com.zhidian.core.auth.Role.STAFF;

import com.zhidian.core.errors.ApiException;
import com.zhidian.core.http.Fields;
import com.zhidian.core.http.Request;
import com.zhidian.core.http.Response;
import com.zhidian.core.http.Routes;
import com.zhidian.members.application.MemberService;
import com.zhidian.members.domain.CardQr;
import com.zhidian.members.domain.Member;
import java.time.Clock;
import java.util.Set;

/** The scan of a member's QR code at the till: who is this customer (the code lives 60 seconds). */
final class CardRoutes {
    private final MemberService members;
    private final CardQr qr;
    private final Clock clock;

    CardRoutes(MemberService members, CardQr qr, Clock clock) {
        this.members = members;
        this.qr = qr;
        this.clock = clock;
    }

    Routes declare(Routes routes) {
        return routes.on("POST /member-cards/verify", Set.of(OWNER, STAFF), this::verifyCard);
    }

    private Response verifyCard(Request r) {
        Fields f = r.fields("payload");
        String payload = f.requiredString("payload", 1, 256);
        f.check();
        CardQr.Scanned s;
        try {
            s = qr.verify(payload, r.caller().tenantId(), clock.instant());
        } catch (CardQr.Refused e) {
            throw switch (e.reason()) {
                case MALFORMED -> ApiException.badRequest("payload", "is not a Zhidian member code");
                case FORGED, OTHER_TENANT -> ApiException.notFound("member code");
                case EXPIRED -> ApiException.unprocessable("this member code has expired; ask the customer to refresh the card")
                        .withCode("member.card_expired");
            };
        }
        Member m = members.get(s.tenantId(), s.memberId());
        if (!m.active()) throw ApiException.notFound("member code");
        // the answer shows phone, name and birthday: a stored copy (Idempotency-Key) must go with an erasure
        String answerKey = Inputs.answerKey(r);
        if (answerKey != null) members.rememberAnswer(m.tenantId(), m.memberId(), answerKey);
        return Response.ok(Views.member(m, null, r.caller()));
    }
}
