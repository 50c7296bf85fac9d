package com.zhidian.members.api;

import static com.zhidian.core.auth.Role.OWNER;
import static com.zhidian.core.auth.Role.STAFF;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.core.Json;
import com.zhidian.core.auth.Caller;
import com.zhidian.core.auth.Role;
import com.zhidian.core.errors.ApiException;
import com.zhidian.core.http.Fields;
import com.zhidian.core.http.Formats;
import com.zhidian.core.http.Request;
import com.zhidian.core.http.Response;
import com.zhidian.core.http.Routes;
import com.zhidian.core.paging.Page;
import com.zhidian.members.application.MemberService;
import com.zhidian.members.domain.CardNumbers;
import com.zhidian.members.domain.Consent;
import com.zhidian.members.domain.Member;
import com.zhidian.members.domain.Phones;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Staff and owners on the members of their tenant (a member belongs to the tenant, not to a store): enrol,
 * look up, change, erase, consent history.
 */
final class MembersRoutes {
    private static final Set<Role> DESK = Set.of(OWNER, STAFF);

    private final MemberService members;
    private final Inputs inputs;

    MembersRoutes(MemberService members, Inputs inputs) {
        this.members = members;
        this.inputs = inputs;
    }

    Routes declare(Routes routes) {
        return routes
                .on("POST /members", DESK, this::join)
                .on("GET /members", DESK, this::list)
                .on("GET /members/{memberId}", DESK, r -> {
                    Member m = members.get(r.caller().tenantId(), r.pathId("memberId"));
                    return Response.ok(Views.member(m, members.consents(m.tenantId(), m.memberId()), r.caller()));
                })
                // the whole phone and birthday for staff who need them; a POST, so the rails audit who looked, when
                .on("POST /members/{memberId}/reveal", DESK, r -> {
                    Member m = members.get(r.caller().tenantId(), r.pathId("memberId"));
                    String answerKey = Inputs.answerKey(r); // a stored copy of the answer must go with an erasure
                    if (answerKey != null) members.rememberAnswer(m.tenantId(), m.memberId(), answerKey);
                    return Response.ok(Views.member(m, null));
                })
                .on("PATCH /members/{memberId}", DESK, this::patch)
                .on("DELETE /members/{memberId}", Set.of(OWNER), r -> erase(members, r.caller().tenantId(), r.pathId("memberId")))
                .on("GET /members/{memberId}/consents/history", Set.of(OWNER), r -> Response.ok(Views.page(
                        members.consentHistory(r.caller().tenantId(), r.pathId("memberId"), r.limit(), r.query("cursor")),
                        Views::consentEvent)));
    }

    private Response join(Request r) {
        Caller c = r.caller();
        Fields f = r.fields("phone", "name", "birthday", "storeId", "consents", "channel");
        String phone = Inputs.phone(f, f.requiredString("phone", 1, 32));
        String name = f.optionalString("name", 1, 64);
        String birthday = inputs.birthday(f);
        String storeId = f.requiredMatching("storeId", Formats.ID, "must be a store id");
        Fields consents = f.optionalObject("consents", Set.of("marketing_push", "personalization"));
        Map<Consent.Purpose, Boolean> answers = new EnumMap<>(Consent.Purpose.class);
        if (consents != null) {
            for (Consent.Purpose p : Consent.Purpose.values()) {
                Boolean b = consents.optionalBoolean(p.code());
                if (b != null) answers.put(p, b);
            }
        }
        String channel = f.optionalEnum("channel", Set.of("pos", "portal"));
        f.check();
        inputs.requireStore(c, storeId);
        Consent.Channel ch = channel != null ? Consent.Channel.of(channel).orElseThrow()
                : (c.role() == STAFF ? Consent.Channel.POS : Consent.Channel.PORTAL);
        MemberService.Joined j = members.join(c.tenantId(),
                new MemberService.NewMember(phone, name, birthday, storeId, answers, ch, c.role().claim()), Inputs.answerKey(r));
        return Response.created(Views.member(j.member(), j.consents(), c)).header("Location", "/members/" + j.member().memberId());
    }

    private Response list(Request r) {
        String tenantId = r.caller().tenantId();
        String phoneText = r.query("phone");
        String cardNo = r.query("cardNo");
        if (phoneText != null && cardNo != null) throw ApiException.badRequest("cardNo", "look up by phone or by card number, not both");
        if (cardNo != null) {
            if (!CardNumbers.isValid(cardNo)) throw ApiException.badRequest("cardNo", "must be a 16-digit member card number");
            return Response.ok(new Page<>(members.byCard(tenantId, cardNo).map(m -> List.of(Views.member(m, null, r.caller()))).orElse(List.of()), null));
        }
        if (phoneText != null) {
            String phone = Phones.normalise(phoneText);
            if (phone == null) throw ApiException.badRequest("phone", "must be a mainland China mobile number");
            return Response.ok(new Page<>(members.byPhone(tenantId, phone).map(m -> List.of(Views.member(m, null, r.caller()))).orElse(List.of()), null));
        }
        return Response.ok(Views.page(members.list(tenantId, r.limit(), r.query("cursor")), m -> Views.member(m, null, r.caller())));
    }

    private Response patch(Request r) {
        String memberId = r.pathId("memberId");
        JsonNode body = r.json();
        Fields f = r.fields("name", "birthday");
        String name = f.optionalString("name", 1, 64);
        String birthday = inputs.birthday(f);
        f.check();
        Map<String, String> changes = new HashMap<>();
        if (body.has("name")) changes.put("name", name);
        if (body.has("birthday")) changes.put("birthday", birthday);
        if (changes.isEmpty()) throw ApiException.badRequest("body", "name or birthday is required");
        Member m = members.update(r.caller().tenantId(), memberId, changes);
        return Response.ok(Views.member(m, members.consents(m.tenantId(), m.memberId()), r.caller()));
    }

    /** Erasure, by an owner or by the customer themself; the stored answers that showed the member go with it. */
    static Response erase(MemberService members, String tenantId, String memberId) {
        members.erase(tenantId, memberId, (erased, consents) -> Json.write(Views.member(erased, consents)));
        return Response.noContent();
    }
}
