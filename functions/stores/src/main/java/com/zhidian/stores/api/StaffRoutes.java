package com.zhidian.stores.api;

import static com.zhidian.core.auth.Role.OWNER;

import com.zhidian.core.audit.AuditLog;
import com.zhidian.core.http.Fields;
import com.zhidian.core.http.Formats;
import com.zhidian.core.http.Request;
import com.zhidian.core.http.Response;
import com.zhidian.core.http.Routes;
import com.zhidian.stores.application.StoresService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The owner's view of the tenant's logins (owners and staff) and of its audit trail. */
final class StaffRoutes {
    private final StoresService stores;
    private final AuditLog audit;

    StaffRoutes(StoresService stores, AuditLog audit) {
        this.stores = stores;
        this.audit = audit;
    }

    Routes declare(Routes routes) {
        return routes
                .on("GET /users", Set.of(OWNER), r -> Response.ok(stores.users(r.caller(), r.limit(), r.query("cursor"))))
                .on("POST /users", Set.of(OWNER), this::createUser)
                .on("PATCH /users/{userId}", Set.of(OWNER), this::changeUser)
                .on("POST /users/{userId}/password-reset", Set.of(OWNER), r -> {
                    StoresService.CreatedUser done = stores.resetPassword(r.caller(), r.pathId("userId"));
                    return Response.ok(Map.of("userId", done.user().userId(), "email", done.user().email(),
                            "temporaryPassword", done.temporaryPassword()));
                })
                .on("GET /audit", Set.of(OWNER), r -> Response.ok(audit.list(r.caller().tenantId(), AuditFilters.read(r), r.limit(), r.query("cursor"))));
    }

    private Response changeUser(Request r) {
        String userId = r.pathId("userId");
        Fields f = r.fields("status", "storeIds");
        String status = f.optionalEnum("status", Set.of("enabled", "disabled"));
        List<String> storeIds = f.optionalStrings("storeIds", 50, Formats.ID, "must be a store id");
        if (storeIds != null && storeIds.isEmpty()) f.reject("storeIds", "staff must belong to at least one store");
        f.check();
        if (status == null && storeIds == null) throw com.zhidian.core.errors.ApiException.badRequest("body", "name status or storeIds");
        return Response.ok(stores.changeUser(r.caller(), userId, status, storeIds == null ? null : List.copyOf(new java.util.LinkedHashSet<>(storeIds))));
    }

    private Response createUser(Request r) {
        Fields f = r.fields("email", "name", "role", "storeIds");
        String email = f.requiredMatching("email", Formats.EMAIL, "must be an email address");
        String name = f.requiredString("name", 1, 64);
        String role = f.requiredEnum("role", Set.of("staff", "owner"));
        List<String> storeIds = f.optionalStrings("storeIds", 50, Formats.ID, "must be a store id");
        if ("staff".equals(role) && (storeIds == null || storeIds.isEmpty())) {
            f.reject("storeIds", "staff must belong to at least one store");
        }
        if ("owner".equals(role) && storeIds != null && !storeIds.isEmpty()) {
            f.reject("storeIds", "an owner sees every store of the tenant; leave storeIds out");
        }
        f.check();
        StoresService.CreatedUser created = stores.createUser(r.caller(),
                new StoresService.NewUser(email, name, role, storeIds == null ? List.of() : storeIds));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("userId", created.user().userId());
        body.put("email", created.user().email());
        body.put("name", created.user().name());
        body.put("role", created.user().role());
        body.put("storeIds", created.user().storeIds());
        body.put("temporaryPassword", created.temporaryPassword());
        return Response.created(body);
    }
}
