package com.zhidian.apitests.security;

import static com.zhidian.apitests.support.Api.map;

import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import java.util.List;
import java.util.Map;

/**
 * How to make, through the public API, an object that a path parameter names. One line per path-parameter
 * name: a route whose parameters are all listed here is probed and fuzzed with no further code. A line only
 * becomes active once the operation that creates its object ({@code createdBy}) is in docs/openapi.yaml.
 * <p>
 * To cover a new route with a new parameter, add a line, for example
 * {@code new Type("orderId", Scope.TENANT, "POST /orders", (t, store) -> Made.of(<POST /orders as t.owner()>))}.
 * What a probe must leave unchanged is read back through every GET of the spec, so no read-back is listed here.
 */
public final class ObjectRegistry {

    /** Who may see the object inside its tenant: any role of the tenant, or only the staff of its store. */
    public enum Scope { TENANT, STORE, NONE }

    /** A made object: its id and facts a test may need later (a member's phone for the customer login). */
    public record Made(String id, Map<String, String> facts) {
        static Made of(String id) { return new Made(id, Map.of()); }
    }

    /** Makes one object in tenant {@code t}, attached to store {@code storeId} where that matters. */
    public interface Maker {
        Made make(Fixtures.TenantFixture t, String storeId);
    }

    /** One line: the path-parameter name, its scope, the operation that must exist, and how to make one. */
    public record Type(String param, Scope scope, String createdBy, Maker maker) {
        public boolean active() { return createdBy == null || SpecOps.exists(createdBy); }
    }

    static final List<Type> TYPES = List.of(
            new Type("tenantId", Scope.TENANT, null, (t, s) -> Made.of(t.tenantId())),
            new Type("storeId", Scope.STORE, null, (t, s) -> Made.of(s)),
            new Type("memberId", Scope.TENANT, "POST /members", ObjectRegistry::member),
            new Type("purpose", Scope.NONE, null, (t, s) -> Made.of("marketing_push")),
            new Type("gtin", Scope.TENANT, "POST /products", (t, s) -> Made.of(com.zhidian.apitests.catalog.Catalog.stocked(t, s))),
            new Type("code", Scope.TENANT, "POST /products", (t, s) -> Made.of(com.zhidian.apitests.catalog.Catalog.stocked(t, s).substring(1))),
            // a stock count of the store over one stocked product (open)
            new Type("countId", Scope.STORE, "POST /stores/{storeId}/stock-counts",
                    (t, s) -> Made.of(com.zhidian.apitests.catalog.StockCountFixture.open(t, s))),
            new Type("categoryId", Scope.TENANT, "POST /categories", (t, s) -> Made.of(com.zhidian.apitests.catalog.Catalog.category(t.owner(), "零食"))),
            new Type("templateId", Scope.TENANT, "POST /coupon-templates", ObjectRegistry::couponTemplate),
            new Type("deviceId", Scope.STORE, "POST /stores/{storeId}/devices", ObjectRegistry::device),
            new Type("orderId", Scope.STORE, "POST /orders", ObjectRegistry::order),
            new Type("importId", Scope.TENANT, "POST /catalog/imports", ObjectRegistry::catalogImport),
            new Type("jobId", Scope.TENANT, "POST /coupon-templates/{templateId}/issues", ObjectRegistry::issueJob),
            new Type("userId", Scope.TENANT, "POST /users", ObjectRegistry::staffLogin),
            // an alert comes from a device's telemetry (a battery at 5 % over MQTT), not from a POST of its own
            new Type("alertId", Scope.STORE, "POST /stores/{storeId}/devices",
                    (t, s) -> Made.of(com.zhidian.apitests.sensors.Sensors.batteryAlert(t, s))),
            new Type("segmentId", Scope.TENANT, "POST /segments", ObjectRegistry::segment),
            new Type("campaignId", Scope.TENANT, "POST /campaigns", ObjectRegistry::campaign),
            new Type("messageId", Scope.TENANT, "POST /campaigns/{campaignId}/send", ObjectRegistry::message),
            new Type("supplierId", Scope.TENANT, "POST /suppliers", (t, s) -> Made.of(com.zhidian.apitests.purchasing.Purchasing.supplier(t, s))),
            new Type("purchaseOrderId", Scope.STORE, "POST /purchase-orders",
                    (t, s) -> Made.of(com.zhidian.apitests.purchasing.Purchasing.draft(t, s))),
            // a customer's refund request of a paid order of the store (orders: refund requests)
            new Type("requestId", Scope.STORE, "POST /me/orders/{orderId}/refund-requests", ObjectRegistry::refundRequest),
            // lockers: a registered locker device set up with compartments; every locker has compartment 01
            new Type("lockerId", Scope.STORE, "POST /stores/{storeId}/lockers", ObjectRegistry::locker),
            new Type("compartmentId", Scope.NONE, "POST /stores/{storeId}/lockers", (t, s) -> Made.of("01")),
            // merchants: a merchant, its counter in the store (made a department store), a complaint filed from the counter's QR
            new Type("merchantId", Scope.TENANT, "POST /merchants",
                    (t, s) -> Made.of(com.zhidian.apitests.merchants.MerchantsFixture.merchant(t, "探测商户"))),
            new Type("counterId", Scope.STORE, "POST /stores/{storeId}/counters", ObjectRegistry::counter),
            new Type("complaintId", Scope.STORE, "POST /credit/{counterId}/complaints", ObjectRegistry::complaint),
            // approvals: a staff member's stock adjustment over the owner's rule, sent for approval (the rule is then turned off)
            new Type("approvalId", Scope.TENANT, "GET /approval-rules",
                    (t, s) -> Made.of(com.zhidian.apitests.approvals.ApprovalsFixture.pending(t, s))),
            // parking: a stay of a car that an entry camera read into the store's car park (over MQTT)
            new Type("sessionId", Scope.STORE, "PUT /stores/{storeId}/car-park", ObjectRegistry::parkingStay),
            // office: a patrol alert raised by the sweep for a checkpoint missed in a closed round; an announcement to staff
            new Type("checkpointId", Scope.STORE, "POST /stores/{storeId}/checkpoints",
                    (t, s) -> Made.of(com.zhidian.apitests.office.OfficeFixture.checkpoint(t, s, "探测巡更点").get("checkpointId").asText())),
            new Type("patrolAlertId", Scope.STORE, "POST /stores/{storeId}/patrol-routes",
                    (t, s) -> Made.of(com.zhidian.apitests.office.OfficeFixture.missedAlert(t, s))),
            new Type("announcementId", Scope.TENANT, "POST /announcements",
                    (t, s) -> Made.of(com.zhidian.apitests.office.OfficeFixture.announcement(t, "探测公告"))),
            // guide: an event the store posts for customers (on a store with the three-zone map)
            new Type("eventId", Scope.STORE, "POST /stores/{storeId}/guide-events",
                    (t, s) -> Made.of(com.zhidian.apitests.guide.GuideFixture.probeEvent(t, s))));

    private ObjectRegistry() {}

    private static Made counter(Fixtures.TenantFixture t, String storeId) {
        var c = com.zhidian.apitests.merchants.MerchantsFixture.counter(t, storeId, com.zhidian.apitests.merchants.MerchantsFixture.merchant(t, "探测专柜"));
        return new Made(c.get("counterId").asText(), Map.of("creditToken", c.get("creditToken").asText()));
    }

    private static Made complaint(Fixtures.TenantFixture t, String storeId) {
        var c = com.zhidian.apitests.merchants.MerchantsFixture.counter(t, storeId, com.zhidian.apitests.merchants.MerchantsFixture.merchant(t, "探测投诉"));
        return Made.of(com.zhidian.apitests.merchants.MerchantsFixture.complaint(c).get("complaintId").asText());
    }

    private static Made parkingStay(Fixtures.TenantFixture t, String storeId) {
        com.zhidian.apitests.parking.ParkingFixture.setUp(t, storeId, 0);
        String plate = com.zhidian.apitests.parking.ParkingFixture.plate();
        try (var in = com.zhidian.apitests.parking.ParkingFixture.camera(t, storeId, "plate_camera", "探测入口", false)) {
            in.plate("entry", plate);
            return Made.of(com.zhidian.apitests.parking.ParkingFixture.stay(t, storeId, plate, s -> true, "the probe's stay").get("sessionId").asText());
        }
    }

    public static Type byParam(String param) {
        for (Type t : TYPES) if (t.param().equals(param)) return t;
        return null;
    }

    private static Made member(Fixtures.TenantFixture t, String storeId) {
        String phone = Fixtures.uniquePhone();
        Api.Res r = t.owner().post("/members", map("phone", phone, "name", "测试会员", "storeId", storeId));
        if (r.status() != 201) throw new AssertionError("member creation failed: " + r);
        return new Made(r.json().get("memberId").asText(), Map.of("phone", phone));
    }

    /** A staff login of the store. */
    static Made staffLogin(Fixtures.TenantFixture t, String storeId) {
        Api.Res r = t.owner().post("/users", map("email", Fixtures.uniqueEmail("staff"), "name", "测试店员", "role", "staff",
                "storeIds", List.of(storeId)));
        if (r.status() != 201) throw new AssertionError("staff login creation failed: " + r);
        return Made.of(r.json().get("userId").asText());
    }

    /** A shelf label of the store. */
    static Made device(Fixtures.TenantFixture t, String storeId) {
        Api.Res r = t.owner().post("/stores/" + storeId + "/devices", map("kind", "esl", "name", "货架 A1", "gtin", com.zhidian.apitests.catalog.Catalog.stocked(t, storeId)));
        if (r.status() != 201) throw new AssertionError("device registration failed: " + r);
        return Made.of(r.json().get("deviceId").asText());
    }

    /** A catalog import waiting for its file (its report is empty, its state readable). */
    static Made catalogImport(Fixtures.TenantFixture t, String storeId) {
        Api.Res r = t.owner().post("/catalog/imports", map("kind", "products", "fileName", "商品.csv", "size", 1024));
        if (r.status() != 201) throw new AssertionError("import creation failed: " + r);
        return Made.of(r.json().get("importId").asText());
    }

    /** A segment of the store's members. */
    static Made segment(Fixtures.TenantFixture t, String storeId) {
        Api.Res r = t.owner().post("/segments", map("name", "本店会员", "rules", List.of(map("kind", "home_store", "values", List.of(storeId)))));
        if (r.status() != 201) throw new AssertionError("segment creation failed: " + r);
        return Made.of(r.json().get("segmentId").asText());
    }

    /** A draft campaign to a segment of the store's members. */
    static Made campaign(Fixtures.TenantFixture t, String storeId) {
        Api.Res r = t.owner().post("/campaigns", map("title", "周末特惠", "body", "牛奶买二送一", "channel", "in_app",
                "segmentId", segment(t, storeId).id()));
        if (r.status() != 201) throw new AssertionError("campaign creation failed: " + r);
        return Made.of(r.json().get("campaignId").asText());
    }

    /** A message in the centre of a member who granted marketing_push (no quiet hours, so at any hour of the run). */
    static Made message(Fixtures.TenantFixture t, String storeId) {
        t.owner().put("/campaign-settings", map("quietHoursFrom", "00:00", "quietHoursUntil", "00:00", "frequencyCap", 50));
        // the campaigns' member summaries follow the table's stream (asynchronous, as in AWS): send once they count her
        Api.Res m = com.zhidian.apitests.campaigns.Summaries.after(t, 1, 1, () -> t.owner().post("/members", map("phone",
                Fixtures.uniquePhone(), "name", "订阅会员", "storeId", storeId, "consents", map("marketing_push", true))));
        if (m.status() != 201) throw new AssertionError("member creation failed: " + m);
        String campaignId = campaign(t, storeId).id();
        Api.Res sent = t.owner().post("/campaigns/" + campaignId + "/send", null);
        if (sent.status() != 200) throw new AssertionError("campaign send failed: " + sent);
        com.zhidian.apitests.campaigns.Deliveries.settled(t.owner(), campaignId);
        for (var d : t.owner().get("/campaigns/" + campaignId + "/deliveries?limit=200").json().get("items")) {
            if (d.path("messageId").isTextual()) return Made.of(d.get("messageId").asText());
        }
        throw new AssertionError("no message delivered");
    }

    /** A coupon template open to claiming (every store, 30 days from each claim). */
    static Made couponTemplate(Fixtures.TenantFixture t, String storeId) {
        Api.Res r = t.owner().post("/coupon-templates", map("name", "满50减5", "kind", "amount_off", "value", 500, "minSpend", 5000,
                "validDays", 30, "totalStock", 1000, "perMemberLimit", 5));
        if (r.status() != 201) throw new AssertionError("coupon template creation failed: " + r);
        String id = r.json().get("templateId").asText();
        FIRST_TEMPLATE.putIfAbsent(t.tenantId(), id);
        return Made.of(id);
    }

    /** The tenant's first template made here: an issue job's path names it with the job. */
    private static final Map<String, String> FIRST_TEMPLATE = new java.util.concurrent.ConcurrentHashMap<>();

    /** An issue job (to the members of the store) of the tenant's first template. */
    static Made issueJob(Fixtures.TenantFixture t, String storeId) {
        String template = FIRST_TEMPLATE.get(t.tenantId());
        if (template == null) template = couponTemplate(t, storeId).id();
        Api.Res r = t.owner().post("/coupon-templates/" + template + "/issues", map("filter", map("storeId", storeId)));
        if (r.status() != 202) throw new AssertionError("issue job failed: " + r);
        return Made.of(r.json().get("jobId").asText());
    }

    /**
     * A placed order of one stocked product in the store (staff of other stores do not see it), for the tenant's newest
     * member: the {@code memberId} line above made it just before, so the world's customer sees the order as theirs.
     */
    static Made order(Fixtures.TenantFixture t, String storeId) {
        String gtin = com.zhidian.apitests.catalog.Catalog.stocked(t, storeId);
        Map<String, Object> body = map("storeId", storeId, "channel", "pos", "fulfilment", "in_store",
                "lines", List.of(map("gtin", gtin, "qty", 1)));
        Api.Res members = t.owner().get("/members?limit=1");
        if (members.status() == 200 && members.json().path("items").size() == 1) {
            body.put("memberId", members.json().at("/items/0/memberId").asText());
        }
        Api.Res r = t.owner().post("/orders", body);
        if (r.status() != 201) throw new AssertionError("order placement failed: " + r);
        return Made.of(r.json().get("orderId").asText());
    }

    /** A pending refund request: a new member's order in the store, paid in cash, asked back by that member. */
    static Made refundRequest(Fixtures.TenantFixture t, String storeId) {
        Made m = member(t, storeId);
        String gtin = com.zhidian.apitests.catalog.Catalog.stocked(t, storeId);
        Api.Res o = t.owner().post("/orders", map("storeId", storeId, "channel", "pos", "fulfilment", "in_store", "memberId", m.id(),
                "lines", List.of(map("gtin", gtin, "qty", 1))));
        if (o.status() != 201) throw new AssertionError("order placement failed: " + o);
        String orderId = o.json().get("orderId").asText();
        Api.Res paid = t.owner().post("/orders/" + orderId + "/payments", map("method", "cash", "tendered", o.json().get("total").asLong()));
        if (paid.status() != 200) throw new AssertionError("cash payment failed: " + paid);
        Api.Res login = Fixtures.anonymous().post("/local/auth/login", map("tenantId", t.tenantId(), "phone", m.facts().get("phone"), "otp", "000000"));
        if (login.status() != 200) throw new AssertionError("customer login failed: " + login);
        Api.Res r = t.owner().as(login.json().get("idToken").asText()).post("/me/orders/" + orderId + "/refund-requests", map("reason", "damaged"));
        if (r.status() != 201) throw new AssertionError("refund request failed: " + r);
        return Made.of(r.json().get("requestId").asText());
    }

    /** A locker of the store: a device of kind locker, set up with an S and an M compartment. */
    static Made locker(Fixtures.TenantFixture t, String storeId) {
        Api.Res d = t.owner().post("/stores/" + storeId + "/devices", map("kind", "locker", "name", "门口储物柜"));
        if (d.status() != 201) throw new AssertionError("locker device registration failed: " + d);
        String deviceId = d.json().get("deviceId").asText();
        Api.Res r = t.owner().post("/stores/" + storeId + "/lockers", map("deviceId", deviceId,
                "compartments", List.of(map("size", "S"), map("size", "M"))));
        if (r.status() != 201) throw new AssertionError("locker set-up failed: " + r);
        return Made.of(deviceId);
    }
}
