package com.zhidian.purchasing.api;

import static com.zhidian.core.auth.Role.OWNER;
import static com.zhidian.core.auth.Role.STAFF;

import com.zhidian.core.http.Fields;
import com.zhidian.core.http.Request;
import com.zhidian.core.http.Response;
import com.zhidian.core.http.Routes;
import com.zhidian.purchasing.application.SupplierService;
import com.zhidian.purchasing.domain.Supplier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Suppliers and their terms per product: the owner keeps them, staff read them. */
final class SuppliersRoutes {
    static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[^@\\s]{2,}");
    static final Pattern PHONE = Pattern.compile("\\+?[0-9 -]{5,20}");
    static final Set<String> ITEM = Set.of("gtin", "leadTimeDays", "casePack", "minOrder", "cost");

    private final SupplierService suppliers;

    SuppliersRoutes(SupplierService suppliers) { this.suppliers = suppliers; }

    Routes declare(Routes routes) {
        return routes
                .on("POST /suppliers", Set.of(OWNER), r -> {
                    Supplier s = suppliers.create(r.caller().tenantId(), draft(r));
                    return Response.created(Views.supplier(s)).header("Location", "/suppliers/" + s.supplierId());
                })
                .on("GET /suppliers", Set.of(OWNER, STAFF), r -> Response.ok(Views.page(
                        suppliers.list(r.caller().tenantId(), r.limit(), r.query("cursor")), Views::supplier)))
                .on("GET /suppliers/{supplierId}", Set.of(OWNER, STAFF), r -> Response.ok(Views.supplier(
                        suppliers.get(r.caller().tenantId(), r.pathId("supplierId")))))
                .on("PUT /suppliers/{supplierId}", Set.of(OWNER), r -> Response.ok(Views.supplier(
                        suppliers.update(r.caller().tenantId(), r.pathId("supplierId"), draft(r)))))
                .on("DELETE /suppliers/{supplierId}", Set.of(OWNER), r -> {
                    suppliers.delete(r.caller().tenantId(), r.pathId("supplierId"));
                    return Response.noContent();
                });
    }

    private static SupplierService.Draft draft(Request r) {
        Fields f = r.fields("name", "email", "phone", "items");
        String name = f.requiredString("name", 1, 80);
        String email = f.optionalMatching("email", EMAIL, "must be an e-mail address");
        String phone = f.optionalMatching("phone", PHONE, "must be a phone number");
        List<Supplier.Item> items = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<Fields> its = f.requiredObjects("items", 0, 500, ITEM);
        for (int i = 0; i < its.size(); i++) {
            Fields it = its.get(i);
            String gtin = Inputs.gtin(it, "gtin");
            Long lead = it.requiredLong("leadTimeDays", 1, 120);
            Long pack = it.requiredLong("casePack", 1, 10_000);
            Long min = it.requiredLong("minOrder", 0, 1_000_000);
            Long cost = it.requiredLong("cost", 0, 100_000_000);
            if (gtin != null && !seen.add(gtin)) it.reject("gtin", "duplicate", "appears twice in items");
            if (gtin != null && lead != null && pack != null && min != null && cost != null) {
                items.add(new Supplier.Item(gtin, lead.intValue(), pack.intValue(), min.intValue(), cost));
            }
        }
        f.check();
        return new SupplierService.Draft(name, email, phone, items);
    }
}
