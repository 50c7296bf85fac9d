package com.zhidian.members.api;

import com.zhidian.core.auth.Caller;
import com.zhidian.core.auth.Role;
import com.zhidian.core.paging.Page;
import com.zhidian.members.application.MemberService;
import com.zhidian.members.application.PointsService;
import com.zhidian.members.domain.CardQr;
import com.zhidian.members.domain.Consent;
import com.zhidian.members.domain.LedgerEntry;
import com.zhidian.members.domain.Member;
import com.zhidian.members.domain.PendingPoints;
import com.zhidian.members.domain.Phones;
import com.zhidian.members.domain.PointsSettings;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The JSON shapes of this context's answers (documented in docs/openapi.yaml). */
final class Views {
    private Views() {}

    static Map<String, Object> member(Member m, List<Consent.State> consents) {
        return member(m, consents, false);
    }

    /**
     * A member as {@code viewer} may see them: staff get the phone as 138****8000 and no birthday (PIPL's minimum
     * necessary: the till needs neither), and {@code POST /members/{id}/reveal} (audited) when they do.
     */
    static Map<String, Object> member(Member m, List<Consent.State> consents, Caller viewer) {
        return member(m, consents, viewer.role() == Role.STAFF);
    }

    private static Map<String, Object> member(Member m, List<Consent.State> consents, boolean masked) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("memberId", m.memberId());
        v.put("cardNo", m.cardNo());
        v.put("phone", masked ? Phones.masked(m.phone()) : m.phone());
        v.put("name", m.name());
        v.put("birthday", masked ? null : m.birthday());
        if (masked) v.put("masked", true);
        v.put("storeId", m.storeId());
        v.put("status", m.status());
        v.put("createdAt", iso(m.createdAt()));
        v.put("updatedAt", iso(m.updatedAt()));
        if (m.erasedAt() != null) v.put("erasedAt", iso(m.erasedAt()));
        if (consents != null) v.put("consents", consents(consents));
        return v;
    }

    static Map<String, Object> card(Member m, CardQr.Issued qr) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("memberId", m.memberId());
        v.put("cardNo", m.cardNo());
        v.put("name", m.name());
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("payload", qr.payload());
        q.put("expiresAt", iso(qr.expiresAt()));
        q.put("refreshAfterSeconds", qr.refreshAfterSeconds());
        v.put("qr", q);
        return v;
    }

    static Map<String, Object> points(PointsService.View p) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("balance", p.balance());
        v.put("pending", p.pending());
        v.put("lifetimeEarned", p.lifetimeEarned());
        v.put("expiringSoon", p.expiringSoon());
        v.put("expiringSoonDays", PointsSettings.EXPIRING_SOON_DAYS);
        v.put("nextExpiryAt", iso(p.nextExpiryAt()));
        return v;
    }

    static Map<String, Object> entry(LedgerEntry e, boolean staffView) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("seq", e.seq());
        v.put("at", iso(e.at()));
        v.put("kind", e.kind());
        v.put("delta", e.delta());
        v.put("pendingDelta", e.pendingDelta());
        v.put("balanceAfter", e.balanceAfter());
        v.put("pendingAfter", e.pendingAfter());
        v.put("reason", e.reason());
        v.put("orderId", e.orderId());
        v.put("storeId", e.storeId());
        if (staffView) v.put("actor", e.actor());
        return v;
    }

    static Map<String, Object> pending(PendingPoints p) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("orderId", p.orderId());
        v.put("storeId", p.storeId());
        v.put("points", p.points());
        v.put("earnedAt", iso(p.earnedAt()));
        v.put("availableAt", iso(p.availableAt()));
        return v;
    }

    static List<Map<String, Object>> consents(List<Consent.State> states) {
        return states.stream().map(Views::consent).toList();
    }

    static Map<String, Object> consent(Consent.State s) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("purpose", s.purpose().code());
        v.put("granted", s.granted());
        v.put("at", iso(s.at()));
        v.put("channel", s.channel() == null ? null : s.channel().code());
        v.put("textVersion", s.textVersion());
        return v;
    }

    static Map<String, Object> consentEvent(Consent.Event e) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("eventId", e.eventId());
        v.put("purpose", e.purpose().code());
        v.put("granted", e.granted());
        v.put("at", iso(e.at()));
        v.put("channel", e.channel() == null ? null : e.channel().code());
        v.put("textVersion", e.textVersion());
        v.put("actorRole", e.actorRole());
        return v;
    }

    static Map<String, Object> settings(PointsSettings s) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("pointsPerYuan", s.pointsPerYuan());
        v.put("rounding", PointsSettings.ROUNDING);
        v.put("returnWindowDays", s.returnWindowDays());
        v.put("expiry", s.expiry().code());
        if (s.expiry() == PointsSettings.Expiry.MONTHS_AFTER_CREDIT) v.put("expiryMonths", s.expiryMonths());
        v.put("welcomePoints", s.welcomePoints());
        v.put("adjustLimit", s.adjustLimit());
        v.put("adjustConfirmAbove", s.adjustConfirmAbove());
        return v;
    }

    static Map<String, Object> export(MemberService.Export x) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("generatedAt", iso(x.generatedAt()));
        v.put("member", member(x.member(), null));
        v.put("points", points(x.points()));
        v.put("ledger", x.ledger().stream().map(e -> entry(e, false)).toList());
        v.put("pendingPoints", x.pendingPoints().stream().map(Views::pending).toList());
        v.put("consents", consents(x.consents()));
        v.put("consentHistory", x.consentHistory().stream().map(Views::consentEvent).toList());
        return v;
    }

    static <T> Page<Map<String, Object>> page(Page<T> p, Function<T, Map<String, Object>> view) {
        return new Page<>(p.items().stream().map(view).toList(), p.nextCursor());
    }

    static String iso(Instant i) {
        return i == null ? null : i.toString();
    }
}
