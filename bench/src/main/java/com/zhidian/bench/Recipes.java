package com.zhidian.bench;

import static com.zhidian.bench.Floor.batchPut;
import static com.zhidian.bench.Floor.createLogin;
import static com.zhidian.bench.Floor.get;
import static com.zhidian.bench.Floor.put;
import static com.zhidian.bench.Floor.query;
import static com.zhidian.bench.Floor.queryPrefix;
import static com.zhidian.bench.Floor.standing;
import static com.zhidian.bench.Floor.standingWith;
import static com.zhidian.bench.Floor.transact;
import static com.zhidian.bench.Floor.update;
import static com.zhidian.bench.Http.map;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * How to call each route of template.yaml, and its floor. <b>One line per route</b>: a new route in
 * template.yaml is measured by adding its line here. A GET route without a line is still measured
 * (owner token, path parameters filled from the run's named values, no floor) and shows as such in the
 * table; a route of another method without a line is listed as not measured.
 * <p>
 * Paths may hold {names} that {@link Setup} fills ({tenantId}, {storeId}, {memberId}, {phone}, ...).
 * Floors name the calls the route must make (see {@link Floor}); the rails add {@code standing()} (the
 * tenant's status and plan) to every tenant route, an idempotency record before and after a POST that
 * carries an Idempotency-Key, and an audit PutItem after every change (one BatchWriteItem with the stored answer when there is one).
 */
public final class Recipes {
    private Recipes() {}

    public record Recipe(String routeKey, String role, String path, BiFunction<Ctx, Long, Object> body,
                         boolean idempotencyKey, long maxOps, Floor floor, String skipReason, Consumer<Ctx> before) {
        public String method() { return routeKey.substring(0, routeKey.indexOf(' ')); }

        /** Something to do right before the route's runs (e.g. fetch a short-lived QR payload). */
        public Recipe before(Consumer<Ctx> b) {
            return new Recipe(routeKey, role, path, body, idempotencyKey, maxOps, floor, skipReason, b);
        }
    }

    static final long UNBOUNDED = Long.MAX_VALUE;
    /** Routes that create logins (Cognito users): bounded per run so a run does not fill the user pool. */
    static final long LOGINS = 600;
    /** Claims of the one bench customer: the claim template's per-member limit (Setup.CLAIM_LIMIT). */
    static final long CLAIMS = Setup.CLAIM_LIMIT;
    /** The next unused code of the redeem pool (Setup.coupons). */
    static final java.util.concurrent.atomic.AtomicLong NEXT_CODE = new java.util.concurrent.atomic.AtomicLong();

    static final List<Recipe> ALL = List.of(
        // ---- AdminFunction (provider) -------------------------------------------------------------------
        r("GET /admin/tenants", "provider", "/admin/tenants?limit=50", null, false, UNBOUNDED,
                Floor.of(query("tenants", "gsi1", "TENANTS", 50, false))),
        r("GET /admin/tenants/{tenantId}", "provider", "/admin/tenants/{tenantId}", null, false, UNBOUNDED,
                Floor.of(get("tenant", "T#{tenantId}#TENANT", "META"), query("stores", null, "T#{tenantId}#STORE", 200, true))),
        r("GET /admin/tenants/{tenantId}/usage", "provider", "/admin/tenants/{tenantId}/usage", null, false, UNBOUNDED,
                Floor.of(get("tenant", "T#{tenantId}#TENANT", "META"), get("usage", "T#{tenantId}#USAGE", "{month}"),
                        query("stores", null, "T#{tenantId}#STORE", 200, true))),
        r("POST /admin/tenants", "provider", "/admin/tenants", Recipes::onboarding, false, LOGINS,
                Floor.of(createLogin(), transact("tenant+stores+owner", 4, 0), put("audit", 8, false))),
        r("PATCH /admin/tenants/{tenantId}", "provider", "/admin/tenants/{spareTenantId}",
                (c, s) -> map("name", "改名租户 " + s), false, UNBOUNDED,
                Floor.of(update("tenant", 1), put("audit", 8, false))),
        // ---- StoresFunction (owner) ---------------------------------------------------------------------
        r("GET /stores", "owner", "/stores", null, false, UNBOUNDED,
                Floor.of(standing(), query("stores", null, "T#{tenantId}#STORE", 50, true))),
        r("POST /stores", "owner", "/stores",
                (c, s) -> map("name", "压测门店 " + s, "format", "convenience", "address", "上海市黄浦区南京东路" + s + "号"),
                false, UNBOUNDED,
                Floor.of(standing(), transact("store", 1, 0), put("audit", 8, false))),
        r("GET /stores/{storeId}", "owner", "/stores/{storeId}", null, false, UNBOUNDED,
                Floor.of(standing(), get("store", "T#{tenantId}#STORE", "{storeId}"))),
        r("GET /users", "owner", "/users", null, false, UNBOUNDED,
                Floor.of(standing(), query("users", null, "T#{tenantId}#USER", 50, true))),
        r("POST /users", "owner", "/users",
                (c, s) -> map("email", "staff-" + c.runId + "-" + s + "@bench.zhidian.local", "name", "李店员", "role", "staff",
                        "storeIds", List.of(c.get("storeId"))), false, LOGINS,
                Floor.of(standing(), get("store", "T#{tenantId}#STORE", "{storeId}"), createLogin(), transact("user", 1, 0),
                        put("audit", 8, false))),
        r("GET /audit", "owner", "/audit", null, false, UNBOUNDED,
                Floor.of(standing(), query("audit", null, "T#{tenantId}#AUDIT", 50, false))),
        // ---- MembersFunction (owner) --------------------------------------------------------------------
        r("POST /members", "owner", "/members",
                (c, s) -> map("phone", Setup.phone(s + 500_000), "name", "压测会员", "storeId", c.get("storeId")), false, LOGINS,
                Floor.of(standing(), transact("phone+card+profile+account", 4, 0), createLogin(true), put("audit", 8, false))),
        r("GET /members", "owner", "/members?phone={phone}", null, false, UNBOUNDED,
                Floor.of(standing(), get("phone claim", "T#{tenantId}#PHONE#{phone}", "PHONE"), get("profile", "T#{tenantId}#M#{memberId}", "PROFILE"))),
        r("GET /members/{memberId}", "owner", "/members/{memberId}", null, false, UNBOUNDED,
                Floor.of(standing(), get("profile", "T#{tenantId}#M#{memberId}", "PROFILE"),
                        queryPrefix("consents", "T#{tenantId}#M#{memberId}", "C#", 10, true))),
        r("PATCH /members/{memberId}", "owner", "/members/{memberId}", (c, s) -> map("name", "会员" + s), false, UNBOUNDED,
                Floor.of(standing(), get("profile", "T#{tenantId}#M#{memberId}", "PROFILE"), update("profile", 2),
                        queryPrefix("consents", "T#{tenantId}#M#{memberId}", "C#", 10, true), put("audit", 8, false))),
        r("GET /members/{memberId}/points", "owner", "/members/{memberId}/points", null, false, UNBOUNDED,
                Floor.of(standingWith("account", "T#{tenantId}#M#{memberId}", "POINTS"),
                        queryPrefix("lots", "T#{tenantId}#M#{memberId}", "LOT#", 4, true))),
        r("GET /members/{memberId}/points/ledger", "owner", "/members/{memberId}/points/ledger", null, false, UNBOUNDED,
                Floor.of(standingWith("account", "T#{tenantId}#M#{memberId}", "POINTS"),
                        queryPrefix("ledger", "T#{tenantId}#M#{memberId}", "L#", 50, false))),
        r("POST /members/{memberId}/points/adjust", "owner", "/members/{memberId}/points/adjust",
                (c, s) -> map("delta", 10, "reason", "压测调整"), true, UNBOUNDED,
                Floor.of(standingWith("account", "T#{tenantId}#M#{memberId}", "POINTS"),
                        transact("account+ledger+lot+idempotency answer+audit", 4, 1))),
        r("POST /members/{memberId}/points/redeem", "owner", "/members/{memberId}/points/redeem",
                (c, s) -> map("points", 5, "storeId", c.get("storeId"), "reason", "压测兑换"), true, UNBOUNDED,
                Floor.of(standingWith("account", "T#{tenantId}#M#{memberId}", "POINTS"),
                        transact("account+ledger+idempotency answer+audit", 3, 1))),
        r("GET /members/{memberId}/consents/history", "owner", "/members/{memberId}/consents/history", null, false, UNBOUNDED,
                Floor.of(standing(), get("profile", "T#{tenantId}#M#{memberId}", "PROFILE"),
                        queryPrefix("consent history", "T#{tenantId}#M#{memberId}", "CH#", 50, false))),
        r("GET /points/settings", "owner", "/points/settings", null, false, UNBOUNDED,
                Floor.of(standing(), get("points settings", "T#{tenantId}#SETTINGS", "POINTS"))),
        // ---- MembersFunction (customer, /me) ------------------------------------------------------------
        r("GET /me", "customer", "/me", null, false, UNBOUNDED,
                Floor.of(standing(), get("profile", "T#{tenantId}#M#{customerMemberId}", "PROFILE"),
                        queryPrefix("consents", "T#{tenantId}#M#{customerMemberId}", "C#", 10, true))),
        r("GET /me/points", "customer", "/me/points", null, false, UNBOUNDED,
                Floor.of(standing(), get("profile", "T#{tenantId}#M#{customerMemberId}", "PROFILE"),
                        get("account", "T#{tenantId}#M#{customerMemberId}", "POINTS"),
                        queryPrefix("lots", "T#{tenantId}#M#{customerMemberId}", "LOT#", 4, true))),
        r("GET /me/card", "customer", "/me/card", null, false, UNBOUNDED,
                Floor.of(standing(), get("profile", "T#{tenantId}#M#{customerMemberId}", "PROFILE"))),
        r("GET /me/points/ledger", "customer", "/me/points/ledger", null, false, UNBOUNDED,
                Floor.of(standing(), get("profile", "T#{tenantId}#M#{customerMemberId}", "PROFILE"),
                        get("account", "T#{tenantId}#M#{customerMemberId}", "POINTS"),
                        queryPrefix("ledger", "T#{tenantId}#M#{customerMemberId}", "L#", 50, false))),
        r("GET /me/consents", "customer", "/me/consents", null, false, UNBOUNDED,
                Floor.of(standing(), get("profile", "T#{tenantId}#M#{customerMemberId}", "PROFILE"),
                        queryPrefix("consents", "T#{tenantId}#M#{customerMemberId}", "C#", 10, true))),
        r("GET /me/data", "customer", "/me/data", null, false, UNBOUNDED,
                Floor.of(standing(), get("profile", "T#{tenantId}#M#{customerMemberId}", "PROFILE"),
                        get("account", "T#{tenantId}#M#{customerMemberId}", "POINTS"),
                        queryPrefix("lots", "T#{tenantId}#M#{customerMemberId}", "LOT#", 4, true),
                        queryPrefix("ledger", "T#{tenantId}#M#{customerMemberId}", "L#", 200, false),
                        queryPrefix("pending", "T#{tenantId}#M#{customerMemberId}", "PEND#", 100, true),
                        queryPrefix("consents", "T#{tenantId}#M#{customerMemberId}", "C#", 10, true),
                        queryPrefix("consent history", "T#{tenantId}#M#{customerMemberId}", "CH#", 200, false))),
        r("PUT /me/consents/{purpose}", "customer", "/me/consents/marketing_push",
                (c, s) -> map("granted", s % 2 == 0, "channel", "h5"), false, UNBOUNDED,
                Floor.of(standing(), get("profile", "T#{tenantId}#M#{customerMemberId}", "PROFILE"),
                        queryPrefix("consents", "T#{tenantId}#M#{customerMemberId}", "C#", 10, true),
                        transact("consent+history", 2, 0), put("audit", 8, false))),
        r("PUT /points/settings", "owner", "/points/settings",
                (c, s) -> map("pointsPerYuan", 1, "returnWindowDays", 7, "expiry", "end_of_following_year"), false, UNBOUNDED,
                Floor.of(standing(), put("points settings", 4, false), put("audit", 8, false))),
        r("POST /member-cards/verify", "owner", "/member-cards/verify", (c, s) -> map("payload", c.get("cardPayload")), false,
                UNBOUNDED, Floor.of(standing(), get("profile", "T#{tenantId}#M#{customerMemberId}", "PROFILE")))
                .before(Setup::refreshCard),
        // ---- CatalogFunction (owner) --------------------------------------------------------------------
        r("PUT /stores/{storeId}/prices/{gtin}", "owner", "/stores/{storeId}/prices/{gtin}", (c, s) -> map("price", 200 + s % 50), false,
                UNBOUNDED, Floor.of(standing(), get("store", "T#{tenantId}#STORE", "{storeId}"), get("product", "T#{tenantId}#PRODUCT", "{gtin}"),
                        get("stock level", "T#{tenantId}#STOCK#{storeId}", "{gtin}"), queryPrefix("price versions", "T#{tenantId}#PRICE", "{gtin}#", 50, true),
                        transact("version+history", 2, 0), put("audit", 8, false))),
        r("GET /stores/{storeId}/scan/{code}", "owner", "/stores/{storeId}/scan/{code}", null, false, UNBOUNDED,
                Floor.of(standing(), get("store", "T#{tenantId}#STORE", "{storeId}"), get("scan settings", "T#{tenantId}#CATALOG", "SETTINGS"),
                        get("product", "T#{tenantId}#PRODUCT", "{gtin}"), queryPrefix("price versions", "T#{tenantId}#PRICE", "{gtin}#", 50, true),
                        get("stock level", "T#{tenantId}#STOCK#{storeId}", "{gtin}"))),
        r("POST /stores/{storeId}/stock/{gtin}/receipts", "owner", "/stores/{storeId}/stock/{gtin}/receipts",
                (c, s) -> map("quantity", 1, "cost", 120, "reference", "BENCH-" + s), true, UNBOUNDED,
                // a claimed route: the product read with the standing, the store, one transaction with the key's answer and the audit
                Floor.of(standingWith("product", "T#{tenantId}#PRODUCT", "{gtin}"), get("store", "T#{tenantId}#STORE", "{storeId}"),
                        transact("movement+level+product cost+idempotency answer+audit", 3, 2))),
        r("POST /stores/{storeId}/stock/{gtin}/adjustments", "owner", "/stores/{storeId}/stock/{gtin}/adjustments",
                (c, s) -> map("delta", -1, "reason", "sample"), true, UNBOUNDED,
                Floor.of(standingWith("product", "T#{tenantId}#PRODUCT", "{gtin}"), get("store", "T#{tenantId}#STORE", "{storeId}"),
                        transact("movement+level+idempotency answer+audit", 3, 1))),
        r("PUT /stores/{storeId}/stock/{gtin}", "owner", "/stores/{storeId}/stock/{gtin}", (c, s) -> map("quantity", 1_000_000, "reason", "压测盘点"),
                false, UNBOUNDED, Floor.of(standing(), get("store", "T#{tenantId}#STORE", "{storeId}"), get("product", "T#{tenantId}#PRODUCT", "{gtin}"),
                        get("stock level", "T#{tenantId}#STOCK#{storeId}", "{gtin}"), transact("movement+level", 1, 1), put("audit", 8, false))),
        skip("POST /products", "creates products with fresh GTINs (measured once in the set-up; the catalog's load is prices, scans and stock)"),
        skip("PATCH /products/{gtin}", "changes the bench product (not on a hot path)"),
        skip("POST /categories", "tree edits are rare"),
        skip("PATCH /categories/{categoryId}", "tree edits are rare"),
        skip("PUT /catalog/settings", "a setting changed once"),
        skip("PUT /prices/{gtin}", "measured as the store price (the same calls without the stock read)"),
        skip("POST /stock-transfers", "needs stock in two stores per run; the transaction is measured by receipts and adjustments"),
        // ---- CouponsFunction ------------------------------------------------------------------------------
        // redeem: every call a code not used before (Setup issues a pool; NEXT_CODE walks it across both client
        // counts, warm-ups included); the floor is the calls a keyed redeem cannot avoid: the rails' standing and
        // Idempotency-Key lock, the store check, the coupon's read, one transaction (coupon, template counters,
        // the key's claim put and check), the stored answer with the audit entry
        r("POST /coupons/redeem", "staff", "/coupons/redeem",
                (c, s) -> map("code", c.get("couponCode", NEXT_CODE.getAndIncrement()), "storeId", c.get("storeId")), true, UNBOUNDED,
                Floor.of(standing(), put("idempotency lock", 5, true), get("store", "T#{tenantId}#STORE", "{storeId}"),
                        get("coupon", "T#{tenantId}#CP#{couponCode}", "C"), transact("coupon+template+claim", 2, 2),
                        batchPut("answer+audit", 7, 8))),
        r("POST /coupons/check", "staff", "/coupons/check",
                (c, s) -> map("code", c.get("couponCode", s), "storeId", c.get("storeId")), false, UNBOUNDED,
                Floor.of(standing(), get("store", "T#{tenantId}#STORE", "{storeId}"), get("coupon", "T#{tenantId}#CP#{couponCode}", "C"))),
        // claim: one customer, a template whose per-member limit is the bound
        r("POST /me/coupons", "customer", "/me/coupons", (c, s) -> map("templateId", c.get("claimTemplateId")), true, CLAIMS,
                Floor.of(standing(), put("idempotency lock", 5, true), get("template", "T#{tenantId}#CT#{claimTemplateId}", "T"),
                        get("member", "T#{tenantId}#M#{customerMemberId}", "PROFILE"), transact("template+member counter+coupon+claim", 3, 2),
                        batchPut("answer+audit", 7, 8))),
        skip("POST /coupon-templates", "creates templates (measured by its tests; a load would only fill the list)"),
        skip("POST /coupon-templates/{templateId}/stop", "stops the template the other coupon routes use"),
        skip("POST /coupon-templates/{templateId}/void", "voids the pool of codes the redeem load uses"),
        skip("POST /coupon-templates/{templateId}/issue", "measured through Setup, which issues the redeem pool with it"),
        skip("POST /coupons/void", "voids codes of the redeem pool"),
        skip("POST /coupon-templates/{templateId}/issues", "issues to every member of the tenant (measured by its tests; a load would exhaust the pool's stock)"),
        skip("GET /coupon-templates/{templateId}/issues/{jobId}", "an issue job's report (measured by its tests)"),
        skip("DELETE /members/{memberId}", "erases a member (destructive; the harness measures GET, POST, PUT and PATCH)"),
        skip("DELETE /me", "erases the customer's own member record (destructive)"),
        // ---- MerchantsFunction: no speed goal yet (issue 25); GET /merchants and GET /complaints are measured without a
        // floor; the rest once Setup makes a department store, a merchant, a counter and a complaint for the run
        skip("POST /merchants", "creates merchants (measured by its tests; not on a hot path)"),
        skip("GET /merchants/{merchantId}", "Setup makes no merchant yet"),
        skip("PATCH /merchants/{merchantId}", "Setup makes no merchant yet"),
        skip("POST /stores/{storeId}/counters", "needs a department store (Setup's store is a convenience store)"),
        skip("GET /stores/{storeId}/counters", "needs a department store (Setup's store is a convenience store)"),
        skip("GET /complaints/{complaintId}", "Setup makes no complaint yet"),
        skip("POST /complaints/{complaintId}/steps", "a complaint takes three steps and is closed (measured by its tests)"),
        skip("GET /credit/{counterId}", "public, needs a counter's signed token (Setup makes no counter yet)"),
        skip("POST /credit/{counterId}/complaints", "public, needs a counter's signed token (Setup makes no counter yet)"),
        skip("GET /credit/complaints/{complaintId}", "public, needs a complaint's signed token (Setup makes no complaint yet)"),
        // ---- ApprovalsFunction: no speed goal (issue 25); GET /approval-rules and GET /approvals are measured without a floor
        skip("PUT /approval-rules", "a setting changed rarely; a load would gate the other routes' staff calls"),
        skip("GET /approvals/{approvalId}", "Setup makes no approval request"),
        skip("POST /approvals/{approvalId}/decision", "a request is decided once (measured by its tests)"),
        // ---- ParkingFunction (issue 25): the owner's car park with the cars inside now, and the exit's public page -----
        r("GET /stores/{storeId}/car-park", "owner", "/stores/{storeId}/car-park", null, false, UNBOUNDED,
                Floor.of(standing(), get("store", "T#{tenantId}#STORE", "{storeId}"), get("car park", "T#{tenantId}#CARPARK", "{storeId}"),
                        query("stays of the last week", null, "T#{tenantId}#PARKSESSION#{storeId}", 100, true))),
        // public (no login; the harness's bearer token is not read): the link's tenant standing, the car park, the plate's
        // open marker and its stay; a visitor's quote reads no spending
        r("GET /parking/{storeId}/quote", "owner", "/parking/{storeId}/quote?plate={plate}&t={parkLink}", null, false, UNBOUNDED,
                Floor.of(standing(), get("car park", "T#{tenantId}#CARPARK", "{storeId}"), get("open plate", "T#{tenantId}#PARKOPEN#{storeId}", "{plateRaw}"),
                        get("stay", "T#{tenantId}#PARKSESSION#{storeId}", "{stayId}"))),
        skip("PUT /stores/{storeId}/car-park", "a set-up changed rarely"),
        skip("POST /parking/{storeId}/payments", "pays a stay once (measured by its tests); a load would only answer 'nothing due'"),
        skip("POST /me/parking/plates", "at most 3 plates a member (measured by its tests)"),
        skip("PUT /me/parking/card", "a card saved once (measured by its tests)"),
        skip("POST /me/parking/debts/{sessionId}/payment", "a debt is paid once (measured by its tests)"),
        // ---- OfficeFunction (issue 25): announcements and the task list; a check-in visits a checkpoint once a round ------
        r("GET /announcements", "staff", "/announcements", null, false, UNBOUNDED,
                Floor.of(standing(), query("announcements", null, "T#{tenantId}#ANN", 101, false),
                        query("reads of the login", null, "T#{tenantId}#ANNREADBY#{staffSub}", 100, true))),
        skip("POST /patrol/check-ins", "a checkpoint is checked in once a round (a load would measure the 409 of a second visit; measured by its tests)"),
        skip("POST /announcements", "posting fills the list the GET load reads"),
        skip("POST /announcements/{announcementId}/read", "a login reads an announcement once"),
        skip("POST /stores/{storeId}/checkpoints", "set-up, not a hot path"),
        skip("POST /stores/{storeId}/patrol-routes", "set-up, not a hot path"),
        // ---- GuideFunction (guide block): no speed goal (issue 25); GET map, placements and events are measured without a floor
        skip("PUT /stores/{storeId}/map", "a versioned save: every repeat after the first is a 409 by design"),
        skip("PUT /stores/{storeId}/placements/{gtin}", "needs a drawn map (Setup draws none)"),
        skip("DELETE /stores/{storeId}/placements/{gtin}", "needs a placement (Setup makes none)"),
        skip("PUT /stores/{storeId}/category-placements/{categoryId}", "needs a drawn map (Setup draws none)"),
        skip("DELETE /stores/{storeId}/category-placements/{categoryId}", "needs a placement (Setup makes none)"),
        skip("POST /stores/{storeId}/guide-events", "a store keeps at most 200 events (a load would fill it)"),
        skip("GET /stores/{storeId}/guide-events/{eventId}", "Setup makes no event"),
        skip("PUT /stores/{storeId}/guide-events/{eventId}", "Setup makes no event"),
        skip("DELETE /stores/{storeId}/guide-events/{eventId}", "Setup makes no event"),
        skip("GET /guide/{storeId}", "public, needs the store's signed guide token (Setup reads none)"),
        skip("GET /guide/{storeId}/search", "public, needs the store's signed guide token (Setup reads none)")
    );

    private static Object onboarding(Ctx c, long s) {
        String email = "owner-" + c.runId + "-" + s + "@bench.zhidian.local";
        return map("name", "压测租户 " + s, "plan", "basic",
                "owner", map("name", "王店长", "email", email, "phone", "13900000001"),
                "stores", List.of(map("name", "压测门店", "format", "convenience", "address", "上海市黄浦区南京东路1号")));
    }

    private static Recipe r(String routeKey, String role, String path, BiFunction<Ctx, Long, Object> body,
                            boolean idempotencyKey, long maxOps, Floor floor) {
        return new Recipe(routeKey, role, path, body, idempotencyKey, maxOps, floor, null, null);
    }

    /** A route the harness knowingly leaves out, with the reason shown in RESULTS.md. */
    private static Recipe skip(String routeKey, String reason) {
        return new Recipe(routeKey, null, null, null, false, 0, Floor.none(), reason, null);
    }

    /** The recipe of a route: its line, or for a GET route without one the generic owner call with no floor. */
    public static Recipe forRoute(String routeKey) {
        for (Recipe r : ALL) if (r.routeKey().equals(routeKey)) return r;
        if (routeKey.startsWith("GET ")) {
            String path = routeKey.substring(4);
            return new Recipe(routeKey, path.startsWith("/admin/") ? "provider" : path.startsWith("/me") ? "customer" : "owner",
                    path, null, false, UNBOUNDED, Floor.none(), null, null);
        }
        return null;
    }

    public static Map<String, Recipe> byRoute() {
        Map<String, Recipe> m = new LinkedHashMap<>();
        ALL.forEach(r -> m.put(r.routeKey(), r));
        return m;
    }
}
