package com.zhidian.catalog.api;

import static com.zhidian.core.auth.Role.OWNER;
import static com.zhidian.core.auth.Role.STAFF;

import com.zhidian.catalog.application.ScanService;
import com.zhidian.core.errors.ApiException;
import com.zhidian.core.http.Response;
import com.zhidian.core.http.Routes;
import java.util.Set;

/** A till's scanner: what a code means in this store now (product, price in force, quantity). */
final class ScanRoutes {
    private ScanRoutes() {}

    static void register(Routes routes, ScanService s) {
        routes.on("GET /stores/{storeId}/scan/{code}", Set.of(OWNER, STAFF), r -> {
            String store = r.pathId("storeId");
            String code = r.pathParam("code");
            if (code == null || !code.matches("[0-9]{8,14}")) throw ApiException.notFound("code " + code);
            return Response.ok(Views.scan(s.scan(r.caller(), store, code)));
        });
    }
}
