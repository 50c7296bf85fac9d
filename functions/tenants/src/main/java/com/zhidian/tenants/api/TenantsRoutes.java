package com.zhidian.tenants.api;

import static com.zhidian.core.auth.Role.PROVIDER_ADMIN;

import com.zhidian.core.auth.Role;
import com.zhidian.core.errors.ApiException;
import com.zhidian.core.http.Fields;
import com.zhidian.core.http.Formats;
import com.zhidian.core.http.Request;
import com.zhidian.core.http.Response;
import com.zhidian.core.http.Routes;
import com.zhidian.core.paging.Page;
import com.zhidian.stores.api.StoreFields;
import com.zhidian.stores.application.StoresService;
import com.zhidian.tenants.application.TenantsService;
import com.zhidian.tenants.domain.Tenant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Onboarding, the provider's list of tenants, a tenant's standing and plan, and its usage. */
final class TenantsRoutes {
    private static final Set<Role> PROVIDER = Set.of(PROVIDER_ADMIN);

    private final TenantsService tenants;

    TenantsRoutes(TenantsService tenants) {
        this.tenants = tenants;
    }

    Routes declare(Routes routes) {
        return routes
                .on("POST /admin/tenants", PROVIDER, this::onboard)
                .on("GET /admin/tenants", PROVIDER, r -> {
                    Page<Tenant> p = tenants.search(query(r), paymentFailed(r), r.limit(), r.query("cursor"));
                    return Response.ok(new Page<>(p.items().stream().map(TenantsRoutes::view).toList(), p.nextCursor()));
                })
                .on("GET /admin/tenants/{tenantId}", PROVIDER, r -> {
                    String id = r.pathId("tenantId");
                    Map<String, Object> v = view(tenants.get(id));
                    v.put("stores", tenants.stores(id));
                    return Response.ok(v);
                })
                .on("PATCH /admin/tenants/{tenantId}", PROVIDER, this::change)
                .on("POST /admin/tenants/{tenantId}/billing", PROVIDER, r -> Response.ok(view(tenants.retryBilling(r.pathId("tenantId")))))
                .on("GET /admin/tenants/{tenantId}/usage", PROVIDER, r -> Response.ok(tenants.usage(r.pathId("tenantId"), month(r))));
    }

    /**
     * The stores' order-number prefixes are one each, and fit the onboarding's one transaction with their claims
     * (DynamoDB takes 100 items: the tenant, its stores, their prefixes, the owner and the Idempotency-Key's claim).
     */
    private static void onePrefixEach(Fields f, List<StoresService.NewStore> stores) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        int chosen = 0;
        for (int i = 0; i < stores.size(); i++) {
            String p = stores.get(i).orderPrefix();
            if (p == null) continue;
            chosen++;
            if (!seen.add(p)) f.reject("stores[" + i + "].orderPrefix", "store.code_taken", "another store of this tenant has this prefix");
        }
        if (stores.size() + chosen > 97) {
            f.reject("stores", "at most 97 stores and order-number prefixes together; set the other prefixes after onboarding");
        }
    }

    private static String query(Request r) {
        String q = r.query("q");
        if (q != null && q.length() > 100) throw ApiException.badRequest("q", "must be at most 100 characters");
        return q;
    }

    private static boolean paymentFailed(Request r) {
        String f = r.query("paymentFailed");
        if (f == null || f.equals("false")) return false;
        if (f.equals("true")) return true;
        throw ApiException.badRequest("paymentFailed", "must be true or false");
    }

    private static YearMonth month(Request r) {
        String month = r.query("month");
        if (month == null) return null;
        // YearMonth.parse also takes signed and five-digit years ("-2026-12", "+10000-01"): the spec's YYYY-MM only.
        if (!month.matches("[0-9]{4}-[0-9]{2}")) throw ApiException.badRequest("month", "must be YYYY-MM");
        try {
            return YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("month", "must be YYYY-MM");
        }
    }

    private Response onboard(Request r) {
        Fields f = r.fields("name", "plan", "timeZone", "owner", "stores");
        String name = f.requiredString("name", 1, 100);
        String plan = f.requiredEnum("plan", Formats.PLANS);
        String zone = f.optionalString("timeZone", 1, 64);
        if (zone != null && !Formats.isZone(zone)) f.reject("timeZone", "must be an IANA time zone such as Asia/Shanghai");
        Fields o = f.requiredObject("owner", Set.of("name", "email", "phone"));
        Tenant.Owner owner = null;
        if (o != null) {
            owner = new Tenant.Owner(null, o.requiredMatching("email", Formats.EMAIL, "must be an email address"),
                    o.requiredString("name", 1, 64), o.requiredMatching("phone", Formats.PHONE_CN, "must be an 11-digit mobile number"));
        }
        String tz = zone == null ? "Asia/Shanghai" : zone;
        List<StoresService.NewStore> stores = f.requiredObjects("stores", 1, 50, StoreFields.NAMES).stream()
                .map(sf -> StoreFields.read(sf, tz)).toList();
        onePrefixEach(f, stores);
        f.check();
        TenantsService.Onboarded done = tenants.onboard(new TenantsService.Onboarding(name, plan, tz, owner, stores));
        Map<String, Object> body = view(done.tenant());
        body.remove("createdAt");
        body.remove("owner");
        body.put("stores", done.stores());
        Map<String, Object> ownerView = new LinkedHashMap<>();
        ownerView.put("userId", done.tenant().owner().userId());
        ownerView.put("email", done.tenant().owner().email());
        ownerView.put("name", done.tenant().owner().name());
        ownerView.put("temporaryPassword", done.temporaryPassword());
        body.put("owner", ownerView);
        body.put("iot", TenantViews.iot(done.iot()));
        return Response.created(body).header("Location", "/admin/tenants/" + done.tenant().tenantId());
    }

    private Response change(Request r) {
        String id = r.pathId("tenantId");
        Fields f = r.fields("status", "plan", "name");
        Map<String, String> changes = new LinkedHashMap<>();
        String status = f.optionalEnum("status", Set.of("active", "suspended"));
        String plan = f.optionalEnum("plan", Formats.PLANS);
        String name = f.optionalString("name", 1, 100);
        f.check();
        if (status != null) changes.put("status", status);
        if (plan != null) changes.put("plan", plan);
        if (name != null) changes.put("name", name);
        if (changes.isEmpty()) throw ApiException.badRequest("body", "name at least one of status, plan, name");
        return Response.ok(view(tenants.change(id, changes)));
    }

    static Map<String, Object> view(Tenant t) {
        return TenantViews.tenant(t);
    }
}
