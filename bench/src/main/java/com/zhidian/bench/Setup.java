package com.zhidian.bench;

import static com.zhidian.bench.Http.map;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;

/**
 * The fixtures, made the way a provider and an owner make them: a provider admin created in the Cognito
 * stand-in with the AWS SDK (as an operator would with the AWS CLI), then through the public API a
 * premium-plan tenant with two stores and its owner's login, a staff login, a spare tenant to PATCH, and
 * (when the members routes exist) members with a points balance.
 */
public final class Setup {
    public static final String PASSWORD = "Bench-Pass-2026";
    public static final int MEMBERS = 64;

    private Setup() {}

    /** Distinct mobile numbers within a run (n distinct), starting at a random base so runs against one server differ. */
    private static final long PHONE_BASE = new java.util.Random().nextInt(50_000_000);

    public static String phone(long n) {
        return "137" + String.format("%08d", Math.floorMod(PHONE_BASE + n, 100_000_000L));
    }

    public static void run(Ctx ctx, List<String> routeKeys) {
        String provider = "provider-" + ctx.runId + "@bench.zhidian.local";
        try (CognitoIdentityProviderClient cognito = cognito(ctx)) {
            cognito.adminCreateUser(b -> b.userPoolId(ctx.userPoolId).username(provider)
                    .messageAction(MessageActionType.SUPPRESS)
                    .userAttributes(AttributeType.builder().name("custom:role").value("provider_admin").build(),
                            AttributeType.builder().name("email").value(provider).build()));
            cognito.adminSetUserPassword(b -> b.userPoolId(ctx.userPoolId).username(provider).password(PASSWORD).permanent(true));
        }
        ctx.token("provider", login(ctx, provider, PASSWORD));

        premiumTenant(ctx, "压测便利 " + ctx.runId);
        ctx.set("month", YearMonth.now(ZoneId.of("Asia/Shanghai")).toString());

        JsonNode spare = onboard(ctx, "备用租户 " + ctx.runId, "basic", 1);
        ctx.set("spareTenantId", spare.get("tenantId").asText());

        String staff = "staff-" + ctx.runId + "@bench.zhidian.local";
        Http.Res r = Http.post(ctx.gateway + "/users", ctx.token("owner"),
                map("email", staff, "name", "李店员", "role", "staff", "storeIds", List.of(ctx.get("storeId"))));
        if (r.status() != 201) throw new IllegalStateException("staff login: " + r);
        ctx.token("staff", firstLogin(ctx, staff, r.json().get("temporaryPassword").asText()));

        if (routeKeys.contains("POST /members")) members(ctx, routeKeys);
        if (routeKeys.stream().anyMatch(k -> k.contains("{gtin}") || k.contains("{code}"))) catalog(ctx);
        if (routeKeys.contains("POST /coupons/redeem") && ctx.has("memberId")) coupons(ctx);
        if (routeKeys.stream().anyMatch(k -> k.contains("/car-park") || k.startsWith("GET /parking/"))) parking(ctx);
        if (routeKeys.contains("GET /announcements")) announcements(ctx);
    }

    /** The plate of the bench's car inside each store's car park. */
    static final String PLATE = "粤B" + String.format("%05d", new java.util.Random().nextInt(100_000));

    /**
     * A car park in each of the tenant's two stores (a path's {storeId} follows the request's number, so {parkLink}
     * does too) and one car inside each, entered as the entry camera's read enters it (parking's own repository, so the
     * stay and its open-plate marker are the items the routes read); {plate} and {parkLink} for the public exit page.
     */
    private static void parking(Ctx ctx) {
        System.setProperty("TABLE_NAME", ctx.tableName);
        List<String> links = new ArrayList<>();
        List<String> stays = new ArrayList<>();
        try (var db = Bench.dynamo(ctx)) {
            var repo = new com.zhidian.parking.store.DynamoParkingRepository(db);
            for (String store : List.of(ctx.get("storeId", 0), ctx.get("storeId", 1))) {
                Http.Res r = Http.send("PUT", ctx.gateway + "/stores/" + store + "/car-park", ctx.token("owner"), map("name", "压测停车场",
                        "zones", List.of(map("zone", "B1", "spaces", 100)), "tariff", map("perHourFen", 500, "freeMinutes", 15, "dailyCapFen", 4000),
                        "memberFreeHours", List.of(), "graceMinutes", 15), Map.of());
                if (r.status() != 200) throw new IllegalStateException("car park: " + r);
                links.add(r.json().get("linkToken").asText());
                java.time.Instant entered = java.time.Instant.now().minusSeconds(3600);
                var stay = new com.zhidian.parking.domain.Session("ps_" + Long.toString(entered.toEpochMilli(), 36) + "bench" + Integer.toHexString(ctx.runId.hashCode()),
                        store, PLATE, null, entered, "B1", null, com.zhidian.parking.domain.Session.PARKED, 0, 0, 0, null, null, null, null, null, null, 1);
                if (!repo.enter(ctx.get("tenantId"), stay)) throw new IllegalStateException("the bench car is inside already");
                stays.add(stay.sessionId());
            }
        }
        ctx.set("plate", java.net.URLEncoder.encode(PLATE, java.nio.charset.StandardCharsets.UTF_8));
        ctx.set("plateRaw", PLATE);
        ctx.set("parkLink", links);
        ctx.set("stayId", stays);
    }

    /** Twenty announcements to everyone, the owner's list (the route reads the newest 100 and the reader's receipts). */
    private static void announcements(Ctx ctx) {
        ctx.set("staffSub", Ctx.claims(ctx.token("staff")).get("sub"));
        for (int i = 0; i < 20; i++) {
            Http.Res r = Http.post(ctx.gateway + "/announcements", ctx.token("owner"), map("title", "压测公告 " + i, "body", "本周盘点安排，请各位同事留意。"));
            if (r.status() != 201) throw new IllegalStateException("announcement: " + r);
        }
    }

    /** A category and a product with a tenant price and stock in the first store, for the catalog routes. */
    private static void catalog(Ctx ctx) {
        String owner = ctx.token("owner");
        Http.Res cat = Http.post(ctx.gateway + "/categories", owner, map("name", "压测分类"));
        if (cat.status() != 201) throw new IllegalStateException("category: " + cat);
        ctx.set("categoryId", cat.json().get("categoryId").asText());
        String gtin13 = gtin13(ctx.runId.hashCode() & 0x7fffffffL);
        Http.Res p = Http.post(ctx.gateway + "/products", owner, map("gtin", gtin13, "name", "压测矿泉水", "categoryId", ctx.get("categoryId"), "unit", "瓶"));
        if (p.status() != 201) throw new IllegalStateException("product: " + p);
        ctx.set("gtin", p.json().get("gtin").asText());
        ctx.set("code", gtin13);
        Http.Res price = Http.send("PUT", ctx.gateway + "/prices/" + gtin13, owner, map("price", 200), Map.of());
        if (price.status() != 200) throw new IllegalStateException("price: " + price);
        // every store the loads alternate between (a path's {storeId} follows the request's number): with stock in the
        // first store only, adjustments in the second ran out as soon as they outpaced the receipts there
        for (String store : new java.util.LinkedHashSet<>(List.of(ctx.get("storeId", 0), ctx.get("storeId", 1)))) {
            Http.Res r = Http.send("POST", ctx.gateway + "/stores/" + store + "/stock/" + gtin13 + "/receipts", owner,
                    map("quantity", 1_000_000, "cost", 120, "reference", "BENCH"), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
            if (r.status() != 201) throw new IllegalStateException("stock seed: " + r);
        }
    }

    /** A GTIN-13 (prefix 69) from a number, with its GS1 check digit. */
    static String gtin13(long n) {
        String body = "69" + String.format("%010d", n % 10_000_000_000L);
        int sum = 0;
        for (int i = 0; i < 12; i++) sum += (body.charAt(11 - i) - '0') * (i % 2 == 0 ? 3 : 1);
        return body + (10 - sum % 10) % 10;
    }

    /** Coupons the redeem load spends, one each: templates of 6,400 (64 members x 100) issued in calls of 64 members. */
    public static final int COUPON_TEMPLATES = 4;
    public static final int CLAIM_LIMIT = 100;

    private static void coupons(Ctx ctx) {
        List<String> codes = new ArrayList<>();
        List<String> members = ctx.all("memberId");
        for (int t = 0; t < COUPON_TEMPLATES; t++) {
            String id = template(ctx, "压测券 " + t, 6_400, 100);
            if (t == 0) ctx.set("templateId", id);
            for (int round = 0; round < 100; round++) {
                Http.Res r = Http.send("POST", ctx.gateway + "/coupon-templates/" + id + "/issue", ctx.token("owner"),
                        map("memberIds", members), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
                if (r.status() != 200) throw new IllegalStateException("coupon issue: " + r);
                r.json().get("results").forEach(x -> { if (x.has("code")) codes.add(x.get("code").asText()); });
            }
        }
        java.util.Collections.shuffle(codes);
        ctx.set("couponCode", codes);
        ctx.set("claimTemplateId", template(ctx, "压测领券", 1_000_000, CLAIM_LIMIT));
        Bench.log(codes.size() + " coupon codes for the redeem load");
    }

    private static String template(Ctx ctx, String name, long stock, int perMember) {
        Http.Res r = Http.post(ctx.gateway + "/coupon-templates", ctx.token("owner"), map("name", name, "kind", "amount_off", "value", 500,
                "validDays", 30, "totalStock", stock, "perMemberLimit", perMember));
        if (r.status() != 201) throw new IllegalStateException("coupon template: " + r);
        return r.json().get("templateId").asText();
    }

    /**
     * A second premium tenant with its owner's login and MEMBERS members, for the points load: one tenant's
     * plan allows 2,000 requests a second (then 429), and the points load is to measure points, not that wall.
     */
    public static Ctx pointsTenant(Ctx ctx, List<String> routeKeys) {
        Ctx other = ctx.sibling();
        premiumTenant(other, "压测超市 " + ctx.runId);
        members(other, routeKeys);
        return other;
    }

    private static void premiumTenant(Ctx ctx, String name) {
        JsonNode tenant = onboard(ctx, name, "premium", 2);
        ctx.set("tenantId", tenant.get("tenantId").asText());
        List<String> stores = new ArrayList<>();
        tenant.get("stores").forEach(s -> stores.add(s.get("storeId").asText()));
        ctx.set("storeId", stores);
        ctx.token("owner", firstLogin(ctx, tenant.get("owner").get("email").asText(),
                tenant.get("owner").get("temporaryPassword").asText()));
    }

    /** MEMBERS members of the bench tenant; with the adjust route, each with a large balance to redeem from. */
    private static void members(Ctx ctx, List<String> routeKeys) {
        List<String> ids = new ArrayList<>();
        List<String> phones = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            String phone = phone(i);
            Http.Res r = Http.post(ctx.gateway + "/members", ctx.token("owner"),
                    map("phone", phone, "name", "会员" + i, "storeId", ctx.get("storeId")));
            if (r.status() != 201) throw new IllegalStateException("member: " + r);
            ids.add(r.json().get("memberId").asText());
            phones.add(phone);
        }
        ctx.set("memberId", ids);
        ctx.set("phone", phones);
        // a customer: the first member, logged in with phone + one-time code as the H5 does
        Http.Res login = Http.post(ctx.gateway + "/local/auth/login", null,
                map("tenantId", ctx.get("tenantId"), "phone", phones.get(0), "otp", "000000"));
        if (login.status() == 200 && login.json().has("idToken")) {
            ctx.token("customer", login.json().get("idToken").asText());
            ctx.set("customerMemberId", ids.get(0));
        } else {
            Bench.log("customer login failed (" + login + "); /me routes are not measured");
        }
        if (routeKeys.contains("POST /members/{memberId}/points/adjust")) {
            for (String id : ids) {
                Http.Res r = Http.send("POST", ctx.gateway + "/members/" + id + "/points/adjust", ctx.token("owner"),
                        map("delta", 100_000, "reason", "压测初始积分", "confirmed", true), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
                if (r.status() >= 300) throw new IllegalStateException("points seed: " + r);
            }
        }
    }

    /** A fresh member-card QR payload of the customer (it expires, so it is fetched right before its route runs). */
    public static void refreshCard(Ctx ctx) {
        if (!ctx.hasToken("customer")) return;
        Http.Res r = Http.get(ctx.gateway + "/me/card", ctx.token("customer"));
        if (r.status() == 200 && r.json().path("qr").has("payload")) ctx.set("cardPayload", r.json().path("qr").path("payload").asText());
    }

    static CognitoIdentityProviderClient cognito(Ctx ctx) {
        return CognitoIdentityProviderClient.builder().endpointOverride(ctx.cognitoEndpoint)
                .region(Region.of(ctx.region)).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build();
    }

    private static JsonNode onboard(Ctx ctx, String name, String plan, int stores) {
        List<Object> list = new ArrayList<>();
        for (int i = 1; i <= stores; i++) {
            list.add(map("name", name + " 店" + i, "format", i % 2 == 1 ? "convenience" : "supermarket",
                    "address", "上海市黄浦区南京东路" + i + "号"));
        }
        String email = "owner-" + UUID.randomUUID().toString().substring(0, 8) + "-" + ctx.runId + "@bench.zhidian.local";
        Http.Res r = Http.post(ctx.gateway + "/admin/tenants", ctx.token("provider"), map("name", name, "plan", plan,
                "owner", map("name", "王店长", "email", email, "phone", "13900000001"), "stores", list));
        if (r.status() != 201) throw new IllegalStateException("onboarding: " + r);
        return r.json();
    }

    static String login(Ctx ctx, String username, String password) {
        Http.Res r = Http.post(ctx.gateway + "/local/auth/login", null, map("username", username, "password", password));
        if (r.status() != 200 || !r.json().has("idToken")) throw new IllegalStateException("login of " + username + ": " + r);
        return r.json().get("idToken").asText();
    }

    static String firstLogin(Ctx ctx, String username, String temporaryPassword) {
        Http.Res r = Http.post(ctx.gateway + "/local/auth/login", null, map("username", username, "password", temporaryPassword));
        if (r.status() != 200 || !r.json().has("session")) throw new IllegalStateException("first login of " + username + ": " + r);
        Http.Res done = Http.post(ctx.gateway + "/local/auth/new-password", null,
                map("username", username, "session", r.json().get("session").asText(), "newPassword", PASSWORD));
        if (done.status() != 200) throw new IllegalStateException("new password of " + username + ": " + done);
        return done.json().get("idToken").asText();
    }
}
