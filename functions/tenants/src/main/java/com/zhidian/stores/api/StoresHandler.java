package com.zhidian.stores.api;

import static com.zhidian.core.auth.Role.OWNER;
import static com.zhidian.core.auth.Role.STAFF;

import com.zhidian.core.aws.AwsClients;
import com.zhidian.core.http.ApiFunction;
import com.zhidian.core.http.Fields;
import com.zhidian.core.http.Formats;
import com.zhidian.core.http.Platform;
import com.zhidian.core.http.Request;
import com.zhidian.core.http.Response;
import com.zhidian.core.http.Routes;
import com.zhidian.core.identity.UserDirectory;
import com.zhidian.stores.StoresService;
import com.zhidian.stores.store.StoreTable;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Stores, staff logins and the audit trail of the caller's tenant. */
public final class StoresHandler extends ApiFunction {
    public static final Set<String> STORE_FIELDS = Set.of("name", "format", "address", "timeZone");

    public StoresHandler() {
        this(new StoresService(new StoreTable(AwsClients.dynamo()), new UserDirectory(AwsClients::cognito),
                Clock.systemUTC()), Platform.fromEnvironment());
    }

    public StoresHandler(StoresService service, Platform platform) {
        super(routes(service, platform), platform);
    }

    private static Routes routes(StoresService s, Platform platform) {
        return new Routes()
                .on("GET /stores", roles(OWNER, STAFF), r -> Response.ok(s.list(r.caller(), r.limit(), r.query("cursor"))))
                .on("POST /stores", roles(OWNER), r -> {
                    Fields f = r.fields(STORE_FIELDS.toArray(String[]::new));
                    StoresService.NewStore ns = readStore(f, "Asia/Shanghai");
                    f.check();
                    var store = s.create(r.caller(), ns);
                    return Response.created(store).header("Location", "/stores/" + store.storeId());
                })
                .on("GET /stores/{storeId}", roles(OWNER, STAFF), r -> Response.ok(s.get(r.caller(), r.pathId("storeId"))))
                .on("GET /users", roles(OWNER), r -> Response.ok(s.users(r.caller(), r.limit(), r.query("cursor"))))
                .on("POST /users", roles(OWNER), r -> createUser(s, r))
                .on("GET /audit", roles(OWNER), r -> Response.ok(platform.audit().list(r.caller().tenantId(), r.limit(), r.query("cursor"))));
    }

    /** Reads a store's fields; the store's zone defaults to its tenant's. */
    public static StoresService.NewStore readStore(Fields f, String defaultZone) {
        String name = f.requiredString("name", 1, 100);
        String format = f.requiredEnum("format", Formats.STORE_FORMATS);
        String address = f.requiredString("address", 1, 200);
        String zone = f.optionalString("timeZone", 1, 64);
        if (zone != null && !Formats.isZone(zone)) f.reject("timeZone", "must be an IANA time zone such as Asia/Shanghai");
        return new StoresService.NewStore(name, format, address, zone == null ? defaultZone : zone);
    }

    private static Response createUser(StoresService s, Request r) {
        Fields f = r.fields("email", "name", "role", "storeIds");
        String email = f.requiredMatching("email", Formats.EMAIL, "must be an email address");
        String name = f.requiredString("name", 1, 64);
        String role = f.requiredEnum("role", Set.of("staff", "owner"));
        List<String> storeIds = f.optionalStrings("storeIds", 50, Formats.ID, "must be a store id");
        f.check();
        StoresService.CreatedUser created = s.createUser(r.caller(),
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
