package com.zhidian.samplestore;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;

/**
 * Loads the sample tenant the way its people would: an operator creates the provider admin in the user
 * pool (Cognito's API, as `aws cognito-idp admin-create-user` would), and everything else goes through
 * the public HTTP API. Safe to run again: every step first looks for what it would create.
 */
public final class SampleStoreLoader {
    private final Http http;
    private final URI cognitoEndpoint;
    private final String userPoolId;
    private final JsonNode sample;
    private final String password;

    /** {@code guide}: the path of the in-store guide's kiosk page of the sample supermarket ("#/kiosk/…"), or null. */
    public record Loaded(String tenantId, List<String> storeIds, String memberId, boolean createdNow, String guide) {}

    public SampleStoreLoader(String gatewayUrl, URI cognitoEndpoint, String userPoolId) {
        this.http = new Http(gatewayUrl);
        this.cognitoEndpoint = cognitoEndpoint;
        this.userPoolId = userPoolId;
        this.sample = readSample();
        this.password = sample.get("password").asText();
    }

    public Loaded load() {
        ensureProviderAdmin();
        String provider = login(sample.get("providerAdmin").get("username").asText(), password);
        JsonNode t = sample.get("tenant");
        String ownerEmail = t.get("owner").get("email").asText();
        String owner = tryLogin(ownerEmail, password);
        boolean createdNow = owner == null;
        if (owner == null) {
            Http.Res onboarded = http.call("POST", "/admin/tenants", provider, t, "sample-tenant-v1").expect(201);
            owner = firstLogin(ownerEmail, onboarded.body().get("owner").get("temporaryPassword").asText());
        }
        String tenantId = claim(owner, "custom:tenant_id");
        List<String> storesInOrder = storesInSampleOrder(owner);
        for (JsonNode s : sample.get("staff")) ensureStaff(owner, s, storesInOrder.get(s.get("store").asInt()));
        String memberId = ensureCustomer(owner, storesInOrder);
        new SampleCatalogLoader(http).load(owner, storesInOrder);
        ensureCoupons(owner, storesInOrder, memberId);
        ensureCampaigns(owner, storesInOrder);
        ensureCarPark(owner, storesInOrder);
        String guide = ensureGuide(owner, storesInOrder);
        return new Loaded(tenantId, storesInOrder, memberId, createdNow, guide);
    }

    private List<String> storesInSampleOrder(String owner) {
        JsonNode items = http.call("GET", "/stores", owner, null, null).expect(200).body().get("items");
        List<String> ordered = new ArrayList<>();
        for (JsonNode wanted : sample.get("tenant").get("stores")) {
            for (JsonNode s : items) if (s.get("name").asText().equals(wanted.get("name").asText())) ordered.add(s.get("storeId").asText());
        }
        return ordered;
    }

    /**
     * A small car park (智能停车) under the first supermarket or department store, once: ¥5 an hour after 15 free
     * minutes, ¥40 a day at most, 2 free hours for members spending ¥100. Skipped if parking is not deployed.
     */
    /**
     * The sample's own stores as /stores lists them, in the sample's order: a store the user added later (which may sort
     * first) never gets the sample's car park or guide, and its guide event's Idempotency-Key once made the next start fail.
     */
    private List<JsonNode> sampleStores(String owner, List<String> storesInOrder) {
        List<JsonNode> ordered = new ArrayList<>();
        JsonNode items = http.call("GET", "/stores", owner, null, null).expect(200).body().get("items");
        for (String id : storesInOrder) for (JsonNode s : items) if (s.get("storeId").asText().equals(id)) ordered.add(s);
        return ordered;
    }

    private void ensureCarPark(String owner, List<String> storesInOrder) {
        for (JsonNode s : sampleStores(owner, storesInOrder)) {
            String format = s.path("format").asText();
            if (!format.equals("supermarket") && !format.equals("department")) continue;
            String path = "/stores/" + s.get("storeId").asText() + "/car-park";
            Http.Res now = http.call("GET", path, owner, null, null);
            if (now.status() != 404 || !now.body().path("code").asText().equals("parking.no_car_park")) return;
            http.call("PUT", path, owner, Map.of("name", "地下停车场",
                    "zones", List.of(Map.of("zone", "B1", "spaces", 40), Map.of("zone", "B2", "spaces", 60)),
                    "tariff", Map.of("perHourFen", 500, "freeMinutes", 15, "dailyCapFen", 4000),
                    "memberFreeHours", List.of(Map.of("spendFen", 10000, "hours", 2)), "graceMinutes", 15), null).expect(200);
            return;
        }
    }

    private void ensureStaff(String owner, JsonNode s, String storeId) {
        String email = s.get("email").asText();
        if (tryLogin(email, password) != null) return;
        Http.Res r = http.call("POST", "/users", owner,
                Map.of("email", email, "name", s.get("name").asText(), "role", "staff", "storeIds", List.of(storeId)),
                "sample-staff-" + email);
        if (r.status() == 201) firstLogin(email, r.body().get("temporaryPassword").asText());
    }

    /** The sample customer, a member with welcome points; skipped with a note if members are not deployed. */
    private String ensureCustomer(String owner, List<String> storeIds) {
        JsonNode c = sample.get("customer");
        Http.Res found = http.call("GET", "/members?phone=" + c.get("phone").asText(), owner, null, null);
        if (found.noRoute()) return null;
        JsonNode items = found.expect(200).body().path("items");
        if (items.size() > 0) return items.get(0).get("memberId").asText();
        Http.Res created = http.call("POST", "/members", owner, Map.of(
                "phone", c.get("phone").asText(), "name", c.get("name").asText(), "birthday", c.get("birthday").asText(),
                "storeId", storeIds.get(c.get("store").asInt()),
                "consents", Map.of("marketing_push", true, "personalization", false)), "sample-customer").expect(201, 200);
        String memberId = created.body().get("memberId").asText();
        http.call("POST", "/members/" + memberId + "/points/adjust", owner,
                Map.of("delta", c.get("welcomePoints").asLong(), "reason", "开卡礼"), "sample-welcome-points").expect(200, 201);
        return memberId;
    }

    /**
     * The sample coupon templates, once (when the tenant has none); the first is given to the sample customer. Skipped if
     * coupons are not deployed.
     */
    private void ensureCoupons(String owner, List<String> storeIds, String memberId) {
        Http.Res list = http.call("GET", "/coupon-templates?limit=1", owner, null, null);
        if (list.status() == 404 || list.body().path("items").size() > 0) return;
        int i = 0;
        for (JsonNode c : sample.get("coupons")) {
            Map<String, Object> body = new java.util.LinkedHashMap<>(Http.JSON.convertValue(c, Map.class));
            body.remove("issueToCustomer");
            Object stores = body.remove("stores");
            if (stores instanceof List<?> idx) body.put("storeIds", idx.stream().map(n -> storeIds.get(((Number) n).intValue())).toList());
            String id = http.call("POST", "/coupon-templates", owner, body, "sample-coupon-" + i++).expect(201).body().get("templateId").asText();
            if (c.path("issueToCustomer").asBoolean() && memberId != null) {
                http.call("POST", "/coupon-templates/" + id + "/issue", owner, Map.of("memberIds", List.of(memberId)), "sample-coupon-issue").expect(200);
            }
        }
    }

    /**
     * The sample segments and one campaign sent to the first (the sample customer, who granted marketing_push, finds
     * it in the H5 message centre; at night it waits for the morning), once: when the tenant has no segment yet.
     * Skipped if campaigns are not deployed.
     */
    private void ensureCampaigns(String owner, List<String> storeIds) {
        Http.Res list = http.call("GET", "/segments?limit=1", owner, null, null);
        if (list.status() == 404 || list.body().path("items").size() > 0) return;
        List<String> segmentIds = new ArrayList<>();
        int i = 0;
        for (JsonNode sg : sample.get("segments")) {
            List<Map<String, Object>> rules = new ArrayList<>();
            for (JsonNode r : sg.get("rules")) {
                Map<String, Object> rule = new java.util.LinkedHashMap<>(Http.JSON.convertValue(r, Map.class));
                Object stores = rule.remove("stores");
                if (stores instanceof List<?> idx) rule.put("values", idx.stream().map(n -> storeIds.get(((Number) n).intValue())).toList());
                rules.add(rule);
            }
            segmentIds.add(http.call("POST", "/segments", owner, Map.of("name", sg.get("name").asText(), "match", sg.get("match").asText(),
                    "rules", rules), "sample-segment-" + i++).expect(201).body().get("segmentId").asText());
        }
        JsonNode c = sample.get("campaign");
        String campaignId = http.call("POST", "/campaigns", owner, Map.of("title", c.get("title").asText(), "body", c.get("body").asText(),
                "channel", c.get("channel").asText(), "segmentId", segmentIds.get(c.get("segment").asInt())), "sample-campaign")
                .expect(201).body().get("campaignId").asText();
        http.call("POST", "/campaigns/" + campaignId + "/send", owner, Map.of(), "sample-campaign-send").expect(200);
    }

    private void ensureProviderAdmin() {
        String username = sample.get("providerAdmin").get("username").asText();
        try (CognitoIdentityProviderClient cognito = CognitoIdentityProviderClient.builder()
                .endpointOverride(cognitoEndpoint).region(Region.of("cn-north-1"))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            try {
                cognito.adminGetUser(b -> b.userPoolId(userPoolId).username(username));
                return;
            } catch (UserNotFoundException e) {
                // create it below
            }
            cognito.adminCreateUser(b -> b.userPoolId(userPoolId).username(username).messageAction(MessageActionType.SUPPRESS)
                    .userAttributes(attr("custom:role", "provider_admin"), attr("email", username), attr("email_verified", "true"),
                            attr("name", sample.get("providerAdmin").get("name").asText())));
            cognito.adminSetUserPassword(b -> b.userPoolId(userPoolId).username(username).password(password).permanent(true));
        }
    }

    /** The sample owner's ID token (after {@link #load}). */
    public String ownerToken() {
        return login(sample.get("tenant").get("owner").get("email").asText(), password);
    }

    /** The GTINs of the first {@code n} sample products. */
    public List<String> sampleGtins(int n) {
        return SampleCatalogLoader.gtins(n);
    }

    private String login(String username, String pw) {
        String token = tryLogin(username, pw);
        if (token == null) throw new IllegalStateException("cannot log in as " + username);
        return token;
    }

    private String tryLogin(String username, String pw) {
        Http.Res r = http.call("POST", "/local/auth/login", null, Map.of("username", username, "password", pw), null);
        return r.status() == 200 && r.body().has("idToken") ? r.body().get("idToken").asText() : null;
    }

    private String firstLogin(String username, String temporary) {
        Http.Res r = http.call("POST", "/local/auth/login", null, Map.of("username", username, "password", temporary), null).expect(200);
        if (r.body().has("idToken")) return r.body().get("idToken").asText();
        return http.call("POST", "/local/auth/new-password", null,
                Map.of("username", username, "session", r.body().get("session").asText(), "newPassword", password), null)
                .expect(200).body().get("idToken").asText();
    }

    private static String claim(String jwt, String name) {
        try {
            String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
            return Http.JSON.readTree(payload).path(name).asText(null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static AttributeType attr(String name, String value) {
        return AttributeType.builder().name(name).value(value).build();
    }

    private static JsonNode readSample() {
        try (InputStream in = SampleStoreLoader.class.getResourceAsStream("/sample-tenant.json")) {
            return Http.JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("sample-tenant.json missing", e);
        }
    }

    public JsonNode sample() {
        return sample;
    }

    // ---------- guide block ----------

    /**
     * The in-store guide (智能导购) of the first supermarket, once (while its map is undrawn): a 24 × 14 map with its
     * entrance, checkout, service desk and an area per top-level category, the categories placed in them, one product
     * placed on its own shelf, and a member-day event running for 30 days. Answers the kiosk page's path. Skipped if the
     * guide is not deployed.
     */
    private String ensureGuide(String owner, List<String> storesInOrder) {
        for (JsonNode s : sampleStores(owner, storesInOrder)) {
            if (!s.path("format").asText().equals("supermarket")) continue;
            String storeId = s.get("storeId").asText();
            String base = "/stores/" + storeId;
            Http.Res now = http.call("GET", base + "/map", owner, null, null);
            if (now.status() != 200) return null;
            String kiosk = "#/kiosk/" + storeId + "?t=" + java.net.URLEncoder.encode(now.body().get("guideToken").asText(), StandardCharsets.UTF_8);
            if (now.body().get("version").asLong() != 0) return kiosk;
            http.call("PUT", base + "/map", owner, Map.of("width", 24, "height", 14, "version", 0, "zones", List.of(
                    zone("entrance", "入口", "entrance", 0, 12, 4, 2), zone("checkout", "收银台", "checkout", 5, 12, 8, 2),
                    zone("service", "服务台", "service", 20, 12, 4, 2),
                    zone("drinks", "饮料区", "aisle", 0, 0, 6, 5), zone("instant", "方便食品区", "aisle", 8, 0, 6, 5),
                    zone("snacks", "零食区", "aisle", 16, 0, 8, 5), zone("dairy", "冷藏乳品", "chilled", 0, 7, 6, 4),
                    zone("fresh", "生鲜果蔬", "fresh", 8, 7, 8, 4))), null).expect(200);
            Map<String, String> zoneOf = Map.of("饮料", "drinks", "方便食品", "instant", "零食", "snacks", "乳品", "dairy", "生鲜", "fresh");
            for (JsonNode c : http.call("GET", "/categories", owner, null, null).expect(200).body().get("items")) {
                String zone = c.path("parentId").isTextual() ? null : zoneOf.get(c.get("name").asText());
                if (zone != null) http.call("PUT", base + "/category-placements/" + c.get("categoryId").asText(), owner, Map.of("zoneId", zone), null).expect(200);
            }
            // 可口可乐 sits on the end cap by the checkout, not in the drinks aisle
            Http.Res cola = http.call("PUT", base + "/placements/6900000000021", owner, Map.of("zoneId", "snacks", "shelf", "端架 E1"), null);
            if (cola.status() != 200 && cola.status() != 404) cola.expect(200);
            java.time.Instant start = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
            http.call("POST", base + "/guide-events", owner, Map.of("title", "会员日：鲜奶免费试饮", "body", "每天 10:00–20:00 在冷藏乳品区，会员凭码领取一杯。",
                    "startsAt", start.toString(), "endsAt", start.plus(java.time.Duration.ofDays(30)).toString(), "zoneId", "dairy"), "sample-guide-event-v1")
                    .expect(201);
            return kiosk;
        }
        return null;
    }

    private static Map<String, Object> zone(String id, String name, String kind, int x, int y, int w, int h) {
        return Map.of("id", id, "name", name, "kind", kind, "cells", List.of(Map.of("x", x, "y", y, "width", w, "height", h)));
    }
    // ---------- end guide block ----------

}
