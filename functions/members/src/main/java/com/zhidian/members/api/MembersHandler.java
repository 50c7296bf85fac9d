package com.zhidian.members.api;

import static com.zhidian.core.auth.Role.CUSTOMER;
import static com.zhidian.core.auth.Role.OWNER;
import static com.zhidian.core.auth.Role.STAFF;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.core.Env;
import com.zhidian.core.Json;
import com.zhidian.core.auth.Caller;
import com.zhidian.core.aws.AwsClients;
import com.zhidian.core.aws.ReadAhead;
import com.zhidian.core.errors.ApiException;
import com.zhidian.core.http.ApiFunction;
import com.zhidian.core.http.Fields;
import com.zhidian.core.idempotency.Idempotency;
import com.zhidian.core.http.Formats;
import com.zhidian.core.http.Page;
import com.zhidian.core.http.Platform;
import com.zhidian.core.http.Request;
import com.zhidian.core.http.Response;
import com.zhidian.core.http.Routes;
import com.zhidian.core.tenancy.Usage;
import com.zhidian.members.CardNumbers;
import com.zhidian.members.CardQr;
import com.zhidian.members.Consent;
import com.zhidian.members.LedgerEntry;
import com.zhidian.members.Member;
import com.zhidian.members.MemberService;
import com.zhidian.members.Phones;
import com.zhidian.members.PointsService;
import com.zhidian.members.PointsSettings;
import com.zhidian.members.SettingsRepository;
import com.zhidian.members.store.CognitoCustomerLogins;
import com.zhidian.members.store.DynamoMemberRepository;
import com.zhidian.members.store.DynamoPointsRepository;
import com.zhidian.members.store.DynamoSettingsRepository;
import com.zhidian.members.store.Keys;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Members, points and consent over HTTP. Thin: read and check the input, ask the service, shape the answer.
 * Customers act only on the member in their token ({@code custom:member_id}); staff and owners on any
 * member of their tenant (a member belongs to the tenant, not to a store).
 */
public final class MembersHandler extends ApiFunction {
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern TEXT_VERSION = Pattern.compile("[A-Za-z0-9._\\-]{1,32}");
    private static final long MAX_POINTS = 1_000_000_000L;

    private final MemberService members;
    private final PointsService points;
    private final SettingsRepository settings;
    private final CardQr qr;
    private final Clock clock;
    private final com.zhidian.core.tenancy.TenantDirectory tenants;

    /** What Lambda calls: the real services over the SDK clients. */
    public MembersHandler() {
        this(Platform.fromEnvironment());
    }

    private MembersHandler(Platform platform) {
        this(platform, Wiring.fromEnvironment(platform));
    }

    private MembersHandler(Platform platform, Wiring w) {
        this(platform, w.members(), w.points(), w.settings(), w.qr(), platform.clock());
    }

    public MembersHandler(Platform platform, MemberService members, PointsService points, SettingsRepository settings,
                          CardQr qr, Clock clock) {
        super(new Routes(), platform);
        this.members = members;
        this.points = points;
        this.settings = settings;
        this.qr = qr;
        this.clock = clock;
        this.tenants = platform.tenants();
        routes()
                .on("POST /members", roles(OWNER, STAFF), this::join)
                .on("GET /members", roles(OWNER, STAFF), this::list)
                .on("GET /members/{memberId}", roles(OWNER, STAFF), r -> Response.ok(memberView(r.caller().tenantId(), r.pathId("memberId"))))
                .on("PATCH /members/{memberId}", roles(OWNER, STAFF), this::patch)
                .on("DELETE /members/{memberId}", roles(OWNER), r -> erase(r.caller().tenantId(), r.pathId("memberId")))
                .on("GET /members/{memberId}/points", roles(OWNER, STAFF),
                        r -> Response.ok(Views.points(points.view(r.caller().tenantId(), r.pathId("memberId")))))
                .readAhead(MembersHandler::pointsAccount)
                .on("GET /members/{memberId}/points/ledger", roles(OWNER, STAFF), r -> ledger(r, r.pathId("memberId"), true))
                .readAhead(MembersHandler::pointsAccount)
                .onClaimed("POST /members/{memberId}/points/adjust", roles(OWNER), this::adjust)
                .readAhead(MembersHandler::pointsAccount)
                .onClaimed("POST /members/{memberId}/points/redeem", roles(OWNER, STAFF), this::redeem)
                .readAhead(MembersHandler::pointsAccount)
                .on("GET /members/{memberId}/consents/history", roles(OWNER), r -> Response.ok(Views.page(
                        members.consentHistory(r.caller().tenantId(), r.pathId("memberId"), r.limit(), r.query("cursor")),
                        Views::consentEvent)))
                .on("POST /member-cards/verify", roles(OWNER, STAFF), this::verifyCard)
                .on("GET /points/settings", roles(OWNER, STAFF), r -> Response.ok(Views.settings(settings.points(r.caller().tenantId()))))
                .on("PUT /points/settings", roles(OWNER), this::putSettings)
                .on("GET /me", roles(CUSTOMER), r -> {
                    Member m = self(r);
                    return Response.ok(Views.member(m, members.consents(m.tenantId(), m.memberId())));
                })
                // not self(r): an erasure cut short after the member was anonymised is finished by repeating it
                .on("DELETE /me", roles(CUSTOMER), r -> erase(r.caller().tenantId(), r.caller().requireMember()))
                .on("GET /me/card", roles(CUSTOMER), r -> {
                    Member m = self(r);
                    return Response.ok(Views.card(m, qr.issue(m.tenantId(), m.memberId(), clock.instant())))
                            .header("Cache-Control", "no-store");
                })
                .on("GET /me/points", roles(CUSTOMER), r -> Response.ok(Views.points(points.view(r.caller().tenantId(), self(r).memberId()))))
                .on("GET /me/points/ledger", roles(CUSTOMER), r -> ledger(r, self(r).memberId(), false))
                .on("GET /me/consents", roles(CUSTOMER), r -> Response.ok(Map.of("items",
                        Views.consents(members.consents(r.caller().tenantId(), self(r).memberId())))))
                .on("PUT /me/consents/{purpose}", roles(CUSTOMER), this::putConsent)
                .on("GET /me/data", roles(CUSTOMER), r -> Response.ok(Views.export(members.export(r.caller().tenantId(), self(r).memberId())))
                        .header("Content-Disposition", "attachment; filename=\"member-data.json\"")
                        .header("Cache-Control", "no-store"));
    }

    // ---- members ----

    private Response join(Request r) {
        Caller c = r.caller();
        Fields f = r.fields("phone", "name", "birthday", "storeId", "consents", "channel");
        // one rule for every phone this context takes (enrolment, lookup): Phones.normalise
        String phone = phone(f, f.requiredString("phone", 1, 32));
        String name = f.optionalString("name", 1, 64);
        String birthday = birthday(f);
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
        requireStore(c, storeId);
        Consent.Channel ch = channel != null ? Consent.Channel.of(channel).orElseThrow()
                : (c.role() == STAFF ? Consent.Channel.POS : Consent.Channel.PORTAL);
        MemberService.Joined j = members.join(c.tenantId(),
                new MemberService.NewMember(phone, name, birthday, storeId, answers, ch, c.role().claim()), answerKey(r));
        return Response.created(Views.member(j.member(), j.consents())).header("Location", "/members/" + j.member().memberId());
    }

    private Response list(Request r) {
        String tenantId = r.caller().tenantId();
        String phoneText = r.query("phone");
        String cardNo = r.query("cardNo");
        if (phoneText != null && cardNo != null) throw ApiException.badRequest("cardNo", "look up by phone or by card number, not both");
        if (cardNo != null) {
            if (!CardNumbers.isValid(cardNo)) throw ApiException.badRequest("cardNo", "must be a 16-digit member card number");
            List<Map<String, Object>> items = members.byCard(tenantId, cardNo)
                    .map(m -> List.of(Views.member(m, null))).orElse(List.of());
            return Response.ok(new Page<>(items, null));
        }
        if (phoneText != null) {
            String phone = Phones.normalise(phoneText);
            if (phone == null) throw ApiException.badRequest("phone", "must be a mainland China mobile number");
            List<Map<String, Object>> items = members.byPhone(tenantId, phone)
                    .map(m -> List.of(Views.member(m, null))).orElse(List.of());
            return Response.ok(new Page<>(items, null));
        }
        return Response.ok(Views.page(members.list(tenantId, r.limit(), r.query("cursor")), m -> Views.member(m, null)));
    }

    private Response patch(Request r) {
        String memberId = r.pathId("memberId");
        JsonNode body = r.json();
        Fields f = r.fields("name", "birthday");
        String name = f.optionalString("name", 1, 64);
        String birthday = birthday(f);
        f.check();
        Map<String, String> changes = new HashMap<>();
        if (body.has("name")) changes.put("name", name);
        if (body.has("birthday")) changes.put("birthday", birthday);
        if (changes.isEmpty()) throw ApiException.badRequest("body", "name or birthday is required");
        Member m = members.update(r.caller().tenantId(), memberId, changes);
        return Response.ok(Views.member(m, members.consents(m.tenantId(), m.memberId())));
    }

    private Map<String, Object> memberView(String tenantId, String memberId) {
        Member m = members.get(tenantId, memberId);
        return Views.member(m, members.consents(tenantId, memberId));
    }

    private Response verifyCard(Request r) {
        Fields f = r.fields("payload");
        String payload = f.requiredString("payload", 1, 256);
        f.check();
        CardQr.Scanned s;
        try {
            s = qr.verify(payload, clock.instant());
        } catch (CardQr.Refused e) {
            throw switch (e.reason()) {
                case MALFORMED -> ApiException.badRequest("payload", "is not a Zhidian member code");
                case FORGED -> ApiException.notFound("member code");
                case EXPIRED -> ApiException.unprocessable("this member code has expired; ask the customer to refresh the card");
            };
        }
        if (!s.tenantId().equals(r.caller().tenantId())) throw ApiException.notFound("member code");
        Member m = members.get(s.tenantId(), s.memberId());
        if (!m.active()) throw ApiException.notFound("member code");
        // the answer shows phone, name and birthday: a stored copy (Idempotency-Key) must go with an erasure
        String answerKey = answerKey(r);
        if (answerKey != null) members.rememberAnswer(m.tenantId(), m.memberId(), answerKey);
        return Response.ok(Views.member(m, null));
    }

    private Response erase(String tenantId, String memberId) {
        members.erase(tenantId, memberId, (erased, consents) -> Json.write(Views.member(erased, consents)));
        return Response.noContent();
    }

    /**
     * The key of the record in which the rails will store this POST's answer (Idempotency-Key sent), or null.
     * The rails have already checked the key's form before the route runs.
     */
    private static String answerKey(Request r) {
        String key = r.header("idempotency-key");
        return key == null ? null : Idempotency.recordPk(Idempotency.scope(r.caller()), key);
    }

    // ---- points ----

    private Response ledger(Request r, String memberId, boolean staffView) {
        Page<LedgerEntry> p = points.ledger(r.caller().tenantId(), memberId, r.limit(), r.query("cursor"));
        return Response.ok(Views.page(p, e -> Views.entry(e, staffView)));
    }

    private static ReadAhead.Key pointsAccount(Request r) {
        return Keys.pointsAccount(r.caller().tenantId(), r.pathId("memberId"));
    }

    private Response adjust(Request r) {
        requireIdempotencyKey(r);
        String memberId = r.pathId("memberId");
        Fields f = r.fields("delta", "reason", "storeId");
        Long delta = f.requiredLong("delta", -MAX_POINTS, MAX_POINTS);
        if (delta != null && delta == 0) f.reject("delta", "must not be 0");
        String reason = f.requiredString("reason", 1, 200);
        String storeId = f.optionalMatching("storeId", Formats.ID, "must be a store id");
        f.check();
        if (storeId != null) requireStore(r.caller(), storeId);
        LedgerEntry e = points.adjust(r.caller().tenantId(), memberId, delta, reason, storeId, r.caller().username());
        return Response.ok(Views.entry(e, true));
    }

    /** Staff: only their own stores; everyone: only a store of their tenant (another tenant's is 404, like none). */
    private void requireStore(Caller c, String storeId) {
        c.requireStore(storeId);
        String key = c.tenantId() + "/" + storeId;
        if (KNOWN_STORES.containsKey(key)) return;
        if (!tenants.hasStore(c.tenantId(), storeId)) throw ApiException.notFound("store " + storeId);
        // stores are never deleted, so a store once seen stays valid for this container's life
        if (KNOWN_STORES.size() < 10_000) KNOWN_STORES.put(key, Boolean.TRUE);
    }

    private static final java.util.concurrent.ConcurrentHashMap<String, Boolean> KNOWN_STORES = new java.util.concurrent.ConcurrentHashMap<>();

    private Response redeem(Request r) {
        requireIdempotencyKey(r);
        String memberId = r.pathId("memberId");
        Fields f = r.fields("points", "storeId", "reason", "orderId");
        Long amount = f.requiredLong("points", 1, MAX_POINTS);
        String storeId = f.requiredMatching("storeId", Formats.ID, "must be a store id");
        String reason = f.optionalString("reason", 1, 200);
        String orderId = f.optionalMatching("orderId", Formats.ID, "must be an order id");
        f.check();
        requireStore(r.caller(), storeId);
        LedgerEntry e = points.redeem(r.caller().tenantId(), memberId, amount, storeId, orderId,
                reason == null ? "redeemed in store" : reason, r.caller().username());
        return Response.ok(Views.entry(e, true));
    }

    private Response putSettings(Request r) {
        Fields f = r.fields("pointsPerYuan", "returnWindowDays", "expiry", "expiryMonths", "rounding");
        Long perYuan = f.requiredLong("pointsPerYuan", 0, 1000);
        Long window = f.requiredLong("returnWindowDays", 0, 365);
        String expiry = f.requiredEnum("expiry", Set.of("end_of_following_year", "months_after_credit", "never"));
        Long months = f.optionalLong("expiryMonths", 1, 120);
        String rounding = f.optionalEnum("rounding", Set.of(PointsSettings.ROUNDING));
        if ("months_after_credit".equals(expiry) && months == null && !f.has("expiryMonths")) {
            f.reject("expiryMonths", "is required when expiry is months_after_credit");
        }
        f.check();
        PointsSettings s = new PointsSettings(perYuan.intValue(), window.intValue(),
                PointsSettings.Expiry.of(expiry).orElseThrow(), months == null ? 0 : months.intValue());
        settings.savePoints(r.caller().tenantId(), s);
        return Response.ok(Views.settings(s));
    }

    // ---- the customer's own member ----

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

    // ---- input helpers ----

    private static String phone(Fields f, String text) {
        if (text == null) return null;
        String p = Phones.normalise(text);
        if (p == null) f.reject("phone", "must be a mainland China mobile number");
        return p;
    }

    private String birthday(Fields f) {
        String b = f.optionalMatching("birthday", DATE, "must be a date like 1990-05-17");
        if (b == null) return null;
        try {
            LocalDate d = LocalDate.parse(b);
            if (d.getYear() < 1900 || d.isAfter(LocalDate.now(clock))) {
                f.reject("birthday", "must be a date from 1900 to today");
                return null;
            }
            return b;
        } catch (DateTimeParseException e) {
            f.reject("birthday", "must be a real calendar date");
            return null;
        }
    }

    private static void requireIdempotencyKey(Request r) {
        String k = r.header("idempotency-key");
        if (k == null || k.isBlank()) {
            throw ApiException.badRequest("Idempotency-Key", "this call moves points: send an Idempotency-Key header");
        }
    }

    /** The real services, built once per container. */
    record Wiring(MemberService members, PointsService points, SettingsRepository settings, CardQr qr) {
        static Wiring fromEnvironment(Platform platform) {
            var db = AwsClients.dynamo();
            var pointsRepo = new DynamoPointsRepository(db);
            var settings = new DynamoSettingsRepository(db, platform.tenants());
            var points = new PointsService(pointsRepo, settings, platform.clock());
            var members = new MemberService(new DynamoMemberRepository(db, new Usage(db, platform.clock())), pointsRepo, points,
                    new CognitoCustomerLogins(AwsClients::cognito), platform.clock());
            return new Wiring(members, points, settings, qrFromEnvironment());
        }
    }

    public static CardQr qrFromEnvironment() {
        return new CardQr(Env.get("MEMBER_QR_SECRET", "zhidian-local-member-qr-secret"));
    }
}
