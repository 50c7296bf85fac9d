package com.zhidian.stores.api;

import static com.zhidian.core.auth.Role.CUSTOMER;
import static com.zhidian.core.auth.Role.OWNER;
import static com.zhidian.core.auth.Role.STAFF;

import com.zhidian.core.http.Fields;
import com.zhidian.core.http.Response;
import com.zhidian.core.http.Routes;
import com.zhidian.stores.application.StoresService;
import com.zhidian.stores.domain.Store;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** A tenant's stores: owners see and open all of them; staff see only their own. */
final class StoresRoutes {
    private final StoresService stores;

    StoresRoutes(StoresService stores) {
        this.stores = stores;
    }

    Routes declare(Routes routes) {
        return routes
                .on("GET /stores", Set.of(OWNER, STAFF), r -> Response.ok(stores.list(r.caller(), r.limit(), r.query("cursor"))))
                .on("POST /stores", Set.of(OWNER), r -> {
                    Fields f = r.fields(StoreFields.NAMES.toArray(String[]::new));
                    StoresService.NewStore ns = StoreFields.read(f, "Asia/Shanghai");
                    f.check();
                    Store store = stores.create(r.caller(), ns);
                    return Response.created(store).header("Location", "/stores/" + store.storeId());
                })
                .on("GET /stores/{storeId}", Set.of(OWNER, STAFF), r -> Response.ok(stores.get(r.caller(), r.pathId("storeId"))))
                .on("PATCH /stores/{storeId}", Set.of(OWNER), r -> {
                    String storeId = r.pathId("storeId");
                    Fields f = r.fields("name", "format", "address", "timeZone", "status", "orderPrefix");
                    java.util.Map<String, String> changes = StoreFields.readChanges(f);
                    f.check();
                    if (changes.isEmpty()) throw com.zhidian.core.errors.ApiException.badRequest("body", "name at least one of name, orderPrefix, format, address, timeZone, status");
                    return Response.ok(stores.change(r.caller(), storeId, changes));
                })
                // the customer picks where to shop (mini-program): every store of the tenant, name and address only
                .on("GET /me/stores", Set.of(CUSTOMER), r -> Response.ok(Map.of("items", stores.allStores(r.caller().tenantId()).stream()
                        .filter(s -> Store.OPEN.equals(s.status())).map(StoresRoutes::forShoppers).toList())));
    }

    private static Map<String, Object> forShoppers(Store s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("storeId", s.storeId());
        m.put("name", s.name());
        m.put("format", s.format());
        m.put("address", s.address());
        return m;
    }
}
