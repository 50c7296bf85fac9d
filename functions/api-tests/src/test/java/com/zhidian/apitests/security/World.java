package com.zhidian.apitests.security;

import static com.zhidian.apitests.support.Api.map;

import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Two premium tenants (A, the victim, and B), each with two stores and one object of every active
 * registry type in its first store, and a caller for every role: the provider admin, each tenant's owner,
 * staff of each store, and a customer of each tenant (when customer login exists).
 */
public final class World {
    /** One caller: a role claim, its API client, its tenant (null for the provider) and store. */
    public record Party(String name, String role, Api api, Fixtures.TenantFixture tenant, String storeId) {
        public boolean sameTenant(Fixtures.TenantFixture t) { return tenant != null && tenant.tenantId().equals(t.tenantId()); }
    }

    /** The objects of one tenant's store, by path-parameter name. */
    public record Objects(Fixtures.TenantFixture tenant, String storeId, Map<String, ObjectRegistry.Made> made) {
        public String id(String param) {
            ObjectRegistry.Made m = made.get(param);
            return m == null ? null : m.id();
        }

        public Map<String, String> ids() {
            Map<String, String> out = new LinkedHashMap<>();
            made.forEach((k, v) -> out.put(k, v.id()));
            return out;
        }

        public Samples.Refs refs() { return this::id; }
    }

    public final Fixtures.TenantFixture a;
    public final Fixtures.TenantFixture b;
    public final Objects objectsA;
    public final Objects objectsB;
    public final Party provider;
    public final Party ownerA;
    public final Party staffA1;
    public final Party staffA2;
    public final Party customerA;
    public final Party ownerB;
    public final Party staffB;
    public final Party customerB;
    public final String customerNote;

    private static World world;

    public static synchronized World get() {
        if (world == null) world = new World();
        return world;
    }

    private World() {
        a = Fixtures.newTenant("premium", 2);
        b = Fixtures.newTenant("premium", 2);
        objectsA = make(a, a.storeIds().get(0));
        objectsB = make(b, b.storeIds().get(0));
        secondPages(objectsA);
        secondPages(objectsB);
        provider = new Party("provider_admin", "provider_admin", Fixtures.provider(), null, null);
        ownerA = new Party("owner A", "owner", a.owner(), a, null);
        staffA1 = new Party("staff A/store1", "staff", a.staff(a.storeIds().get(0)), a, a.storeIds().get(0));
        staffA2 = new Party("staff A/store2", "staff", a.staff(a.storeIds().get(1)), a, a.storeIds().get(1));
        ownerB = new Party("owner B", "owner", b.owner(), b, null);
        staffB = new Party("staff B/store1", "staff", b.staff(b.storeIds().get(0)), b, b.storeIds().get(0));
        String[] note = new String[1];
        customerA = customer("customer A", objectsA, note);
        customerB = customer("customer B", objectsB, note);
        customerNote = note[0];
    }

    public static Objects make(Fixtures.TenantFixture t, String storeId) {
        Map<String, ObjectRegistry.Made> made = new LinkedHashMap<>();
        for (ObjectRegistry.Type type : ObjectRegistry.TYPES) {
            if (type.active()) made.put(type.param(), type.maker().make(t, storeId));
        }
        return new Objects(t, storeId, made);
    }

    /**
     * A second member and two ledger entries, so member lists and ledgers have a next page at limit=1 (cursor probes);
     * a second coupon template and two coupons of the member, for the coupon lists.
     */
    private static void secondPages(Objects o) {
        if (SpecOps.exists("POST /coupon-templates/{templateId}/issue") && o.id("templateId") != null && o.id("memberId") != null) {
            ObjectRegistry.couponTemplate(o.tenant(), o.storeId());
            for (int i = 0; i < 2; i++) {
                Api.Res r = o.tenant().owner().post("/coupon-templates/" + o.id("templateId") + "/issue",
                        map("memberIds", java.util.List.of(o.id("memberId"))));
                if (r.status() != 200 || r.json().path("issued").asInt() != 1) throw new AssertionError("coupons for the probe's lists: " + r);
            }
        }
        if (SpecOps.exists("POST /members")) ObjectRegistry.byParam("memberId").maker().make(o.tenant(), o.storeId());
        if (SpecOps.exists("POST /orders") && o.id("memberId") != null) {
            // two orders of the member: the store's order list and the customer's have a next page at limit=1
            String gtin = com.zhidian.apitests.catalog.Catalog.stocked(o.tenant(), o.storeId());
            for (int i = 0; i < 2; i++) {
                Api.Res r = o.tenant().owner().post("/orders", map("storeId", o.storeId(), "channel", "pos", "fulfilment", "in_store",
                        "memberId", o.id("memberId"), "lines", java.util.List.of(map("gtin", gtin, "qty", 1))));
                if (r.status() != 201) throw new AssertionError("orders for the probe's lists: " + r);
            }
        }
        if (SpecOps.exists("POST /campaigns")) ObjectRegistry.campaign(o.tenant(), o.storeId());
        // a second supplier and purchase order: their lists have a next page at limit=1
        if (SpecOps.exists("POST /purchase-orders")) com.zhidian.apitests.purchasing.Purchasing.draft(o.tenant(), o.storeId());
        if (SpecOps.exists("POST /merchants")) ObjectRegistry.byParam("merchantId").maker().make(o.tenant(), o.storeId());
        if (SpecOps.exists("POST /credit/{counterId}/complaints")) ObjectRegistry.byParam("complaintId").maker().make(o.tenant(), o.storeId());
        // a second approval request: the approvals list has a next page at limit=1
        if (SpecOps.exists("GET /approval-rules")) ObjectRegistry.byParam("approvalId").maker().make(o.tenant(), o.storeId());
        // office: a second missed patrol alert (and so a second closed round) for the alerts' and rounds' lists
        if (SpecOps.exists("POST /stores/{storeId}/patrol-routes")) ObjectRegistry.byParam("patrolAlertId").maker().make(o.tenant(), o.storeId());
        // guide: a second event, and two placements (a product's and a category's twice over) for the lists' next pages
        if (SpecOps.exists("POST /stores/{storeId}/guide-events")) com.zhidian.apitests.guide.GuideFixture.secondPages(o.tenant(), o.storeId());
        if (SpecOps.exists("POST /members/{memberId}/points/adjust") && o.id("memberId") != null) {
            for (int i = 0; i < 2; i++) {
                Api.Res r = o.tenant().owner().post("/members/" + o.id("memberId") + "/points/adjust", map("delta", 10, "reason", "测试"),
                        java.util.UUID.randomUUID().toString());
                if (r.status() != 200) throw new AssertionError("points for the probe's ledger: " + r);
            }
        }
    }

    /** A customer of these objects' member, or null while customer login does not exist. */
    public static Party customerOf(String name, Objects o) {
        return customer(name, o, new String[1]);
    }

    /** A customer logged in as the member of these objects; null (with a note) while customer login does not exist. */
    private static Party customer(String name, Objects o, String[] note) {
        ObjectRegistry.Made member = o.made().get("memberId");
        if (member == null || member.facts().get("phone") == null) {
            note[0] = "no customer role probed: POST /members is not in the spec yet";
            return null;
        }
        Api.Res r = Fixtures.anonymous().post("/local/auth/login",
                map("tenantId", o.tenant().tenantId(), "phone", member.facts().get("phone"), "otp", "000000"));
        if (r.status() != 200 || !r.json().has("idToken")) {
            note[0] = "no customer role probed: customer login answered " + r;
            return null;
        }
        return new Party(name, "customer", o.tenant().owner().as(r.json().get("idToken").asText()), o.tenant(), o.storeId());
    }

    /** Every party that exists. */
    public List<Party> parties() {
        List<Party> out = new ArrayList<>();
        for (Party p : new Party[] {provider, ownerA, staffA1, staffA2, customerA, ownerB, staffB, customerB}) {
            if (p != null) out.add(p);
        }
        return out;
    }
}
