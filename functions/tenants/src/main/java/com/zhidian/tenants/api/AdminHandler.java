package com.zhidian.tenants.api;

import static com.zhidian.core.auth.Role.PROVIDER_ADMIN;

import com.zhidian.core.aws.AwsClients;
import com.zhidian.core.errors.ApiException;
import com.zhidian.core.http.ApiFunction;
import com.zhidian.core.http.Fields;
import com.zhidian.core.http.Formats;
import com.zhidian.core.http.Platform;
import com.zhidian.core.http.Request;
import com.zhidian.core.http.Response;
import com.zhidian.core.http.Routes;
import com.zhidian.core.identity.UserDirectory;
import com.zhidian.core.paging.Page;
import com.zhidian.core.tenancy.Usage;
import com.zhidian.stores.StoresService;
import com.zhidian.stores.store.StoreTable;
import com.zhidian.tenants.Tenant;
import com.zhidian.tenants.TenantsService;
import com.zhidian.tenants.store.TenantTable;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The provider's tenant administration: {@code /admin/tenants...}, role provider_admin only. */
public final class AdminHandler extends ApiFunction {

    public AdminHandler() {
        this(wire(Clock.systemUTC()), Platform.fromEnvironment());
    }

    public AdminHandler(TenantsService service, Platform platform) {
        super(routes(service), platform);
    }

    private static TenantsService wire(Clock clock) {
        var db = AwsClients.dynamo();
        var users = new UserDirectory(AwsClients::cognito);
        return new TenantsService(new TenantTable(db), new StoresService(new StoreTable(db), users, clock), users,
                new Usage(db, clock), db, clock);
    }

    private static Routes routes(TenantsService s) {
        return new Routes()
                .on("POST /admin/tenants", roles(PROVIDER_ADMIN), r -> onboard(s, r))
                .on("GET /admin/tenants", roles(PROVIDER_ADMIN), r -> {
                    Page<Tenant> p = s.list(r.limit(), r.query("cursor"));
                    return Response.ok(new Page<>(p.items().stream().map(AdminHandler::view).toList(), p.nextCursor()));
                })
                .on("GET /admin/tenants/{tenantId}", roles(PROVIDER_ADMIN), r -> {
                    String id = r.pathId("tenantId");
                    Map<String, Object> v = view(s.get(id));
                    v.put("stores", s.stores(id));
                    return Response.ok(v);
                })
                .on("PATCH /admin/tenants/{tenantId}", roles(PROVIDER_ADMIN), r -> change(s, r))
                .on("GET /admin/tenants/{tenantId}/usage", roles(PROVIDER_ADMIN), r -> {
                    String month = r.query("month");
                    YearMonth m = null;
                    if (month != null) {
                        try {
                            m = YearMonth.parse(month);
                        } catch (DateTimeParseException e) {
                            throw ApiException.badRequest("month", "must be YYYY-MM");
                        }
                    }
                    return Response.ok(s.usage(r.pathId("tenantId"), m));
                });
    }

    private static Response onboard(TenantsService s, Request r) {
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
        List<StoresService.NewStore> stores = f.requiredObjects("stores", 1, 50, com.zhidian.stores.api.StoresHandler.STORE_FIELDS).stream()
                .map(sf -> com.zhidian.stores.api.StoresHandler.readStore(sf, tz)).toList();
        f.check();
        TenantsService.Onboarded done = s.onboard(new TenantsService.Onboarding(name, plan, tz, owner, stores));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tenantId", done.tenant().tenantId());
        body.put("name", done.tenant().name());
        body.put("plan", done.tenant().plan());
        body.put("timeZone", done.tenant().timeZone());
        body.put("status", done.tenant().status());
        body.put("stores", done.stores());
        Map<String, Object> ownerView = new LinkedHashMap<>();
        ownerView.put("userId", done.tenant().owner().userId());
        ownerView.put("email", done.tenant().owner().email());
        ownerView.put("name", done.tenant().owner().name());
        ownerView.put("temporaryPassword", done.temporaryPassword());
        body.put("owner", ownerView);
        return Response.created(body).header("Location", "/admin/tenants/" + done.tenant().tenantId());
    }

    private static Response change(TenantsService s, Request r) {
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
        return Response.ok(view(s.change(id, changes)));
    }

    static Map<String, Object> view(Tenant t) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("tenantId", t.tenantId());
        v.put("name", t.name());
        v.put("plan", t.plan());
        v.put("timeZone", t.timeZone());
        v.put("status", t.status());
        v.put("createdAt", t.createdAt());
        v.put("owner", t.owner());
        return v;
    }
}
