package com.zhidian.lockers.api;

import static com.zhidian.core.auth.Role.CUSTOMER;
import static com.zhidian.core.auth.Role.OWNER;
import static com.zhidian.core.auth.Role.STAFF;

import com.zhidian.core.http.Fields;
import com.zhidian.core.http.Request;
import com.zhidian.core.http.Response;
import com.zhidian.core.http.Routes;
import com.zhidian.lockers.application.LockerService;
import com.zhidian.lockers.domain.Compartment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Lockers of a store (owner, staff) and a customer's pickup code. */
final class LockersRoutes {
    static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private final LockerService s;

    LockersRoutes(LockerService s) {
        this.s = s;
    }

    Routes declare(Routes routes) {
        return routes
                .on("POST /stores/{storeId}/lockers", Set.of(OWNER), this::setUp)
                .on("GET /stores/{storeId}/lockers", Set.of(OWNER, STAFF),
                        r -> Response.ok(Map.of("items", s.list(r.caller(), r.pathId("storeId")).stream().map(Views::locker).toList())))
                .on("GET /stores/{storeId}/lockers/{lockerId}", Set.of(OWNER, STAFF),
                        r -> Response.ok(Views.locker(s.get(r.caller(), r.pathId("storeId"), r.pathId("lockerId")))))
                .on("POST /stores/{storeId}/lockers/{lockerId}/deposits", Set.of(OWNER, STAFF), this::deposit)
                .on("POST /stores/{storeId}/lockers/{lockerId}/compartments/{compartmentId}/clear-jam", Set.of(OWNER, STAFF),
                        r -> Response.ok(Views.locker(s.clearJam(r.caller(), r.pathId("storeId"), r.pathId("lockerId"),
                                r.pathId("compartmentId")))))
                .on("POST /stores/{storeId}/lockers/{lockerId}/compartments/{compartmentId}/removal", Set.of(OWNER, STAFF),
                        r -> Response.ok(Views.locker(s.removed(r.caller(), r.pathId("storeId"), r.pathId("lockerId"),
                                r.pathId("compartmentId")))))
                .on("GET /me/orders/{orderId}/pickup-code", Set.of(CUSTOMER),
                        r -> Response.ok(Views.code(s.pickupCode(r.caller().tenantId(), r.caller().requireMember(), r.pathId("orderId")))));
    }

    private Response setUp(Request r) {
        Fields f = r.fields("deviceId", "compartments");
        String deviceId = f.requiredMatching("deviceId", ID, "letters, digits, _ and - (1 to 64)");
        List<Fields> cs = f.requiredObjects("compartments", 1, 60, Set.of("size"));
        List<String> sizes = new ArrayList<>();
        if (cs != null) for (Fields c : cs) sizes.add(c.requiredEnum("size", Compartment.SIZES));
        f.check();
        LockerService.SetUp up = s.setUp(r.caller(), r.pathId("storeId"), deviceId, sizes);
        Map<String, Object> body = Views.locker(up.locker());
        body.put("key", up.key());
        return Response.created(body);
    }

    private Response deposit(Request r) {
        Fields f = r.fields("orderId", "size");
        String orderId = f.requiredMatching("orderId", ID, "letters, digits, _ and - (1 to 64)");
        String size = f.requiredEnum("size", Compartment.SIZES);
        f.check();
        return Response.created(Views.deposit(s.deposit(r.caller(), r.pathId("storeId"), r.pathId("lockerId"), orderId, size)));
    }
}
