package com.zhidian.catalog.api;

import static com.zhidian.core.auth.Role.OWNER;
import static com.zhidian.core.auth.Role.STAFF;

import com.zhidian.catalog.application.ProductService;
import com.zhidian.catalog.domain.Product;
import com.zhidian.catalog.domain.VariableMeasure;
import com.zhidian.core.errors.ApiException;
import com.zhidian.core.http.Fields;
import com.zhidian.core.http.Formats;
import com.zhidian.core.http.Request;
import com.zhidian.core.http.Response;
import com.zhidian.core.http.Routes;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Products, the category tree and the scan settings. */
final class ProductsRoutes {
    private static final Pattern PLU = Pattern.compile("[0-9]{4,6}");
    private static final Pattern PREFIX = Pattern.compile("[0-9]{1,14}");
    private static final Set<String> STATUSES = Set.of(Product.ACTIVE, Product.DELISTED);
    private static final String[] PRODUCT_FIELDS = {"gtin", "name", "brand", "categoryId", "unit", "spec", "shelfLifeDays", "status", "plu", "soldBy"};
    private static final Set<String> SOLD_BY = Set.of(Product.BY_PIECE, Product.BY_WEIGHT);
    private static final Pattern WEIGHED_PLU = Pattern.compile("[0-9]{" + Product.WEIGHED_PLU_DIGITS + "}");
    /** The units a price per kilogram may be shown in: the product's unit is what its price is per. */
    private static final Set<String> KG_UNITS = Set.of("kg", "千克", "公斤");

    private ProductsRoutes() {}

    static void register(Routes routes, ProductService s) {
        routes.on("POST /products", Set.of(OWNER), r -> {
            Product p = s.create(r.caller(), draft(r, true));
            return Response.created(Views.product(p)).header("Location", "/products/" + p.gtin());
        })
        .on("GET /products", Set.of(OWNER, STAFF), r -> {
            String q = r.query("q");
            String prefix = r.query("gtin");
            if (prefix != null && !prefix.isEmpty() && !PREFIX.matcher(prefix).matches()) throw ApiException.badRequest("gtin", "must be 1 to 14 digits");
            String cat = r.query("categoryId");
            if (cat != null && !cat.isEmpty() && !Formats.ID.matcher(cat).matches()) throw ApiException.badRequest("categoryId", "is not a category id");
            if (q != null && q.length() > 100) throw ApiException.badRequest("q", "must be at most 100 characters");
            return Response.ok(Views.page(s.search(r.caller(), blank(q), blank(prefix), blank(cat), r.limit(), r.query("cursor")), Views::product));
        })
        .on("GET /products/{gtin}", Set.of(OWNER, STAFF), r -> Response.ok(Views.product(s.get(r.caller(), Inputs.pathGtin(r)))))
        .on("PATCH /products/{gtin}", Set.of(OWNER), r -> {
            String gtin = Inputs.pathGtin(r);
            return Response.ok(Views.product(s.update(r.caller(), gtin, draft(r, false))));
        })
        .on("GET /categories", Set.of(OWNER, STAFF), r -> Response.ok(Views.items(s.categories(r.caller()).stream().map(Views::category).toList())))
        .on("POST /categories", Set.of(OWNER), r -> {
            Fields f = r.fields("name", "parentId");
            String name = f.requiredString("name", 1, 50);
            String parent = f.optionalMatching("parentId", Formats.ID, "is not a category id");
            f.check();
            return Response.created(Views.category(s.createCategory(r.caller(), name.strip(), parent)));
        })
        .on("PATCH /categories/{categoryId}", Set.of(OWNER), r -> {
            String id = r.pathId("categoryId");
            Fields f = r.fields("name");
            String name = f.requiredString("name", 1, 50);
            f.check();
            return Response.ok(Views.category(s.renameCategory(r.caller(), id, name.strip())));
        })
        .on("GET /catalog/settings", Set.of(OWNER, STAFF), r -> Response.ok(Views.settings(s.settings(r.caller()))))
        .on("PUT /catalog/settings", Set.of(OWNER), r -> Response.ok(Views.settings(s.saveSettings(r.caller(), settings(r)))));
    }

    private static ProductService.Draft draft(Request r, boolean creating) {
        Fields f = r.fields(creating ? PRODUCT_FIELDS : new String[] {"name", "brand", "categoryId", "unit", "spec", "shelfLifeDays", "status"});
        Inputs.Body b = new Inputs.Body(f);
        String gtin = creating ? b.gtin("gtin", r.language()) : null;
        String name = creating ? f.requiredString("name", 1, 100) : f.optionalString("name", 1, 100);
        String brand = f.optionalString("brand", 1, 64);
        String category = f.optionalMatching("categoryId", Formats.ID, "is not a category id");
        if (creating && category == null && !f.has("categoryId")) f.reject("categoryId", "is required");
        String unit = creating ? f.requiredString("unit", 1, 16) : f.optionalString("unit", 1, 16);
        String spec = f.optionalString("spec", 1, 64);
        Long life = f.optionalLong("shelfLifeDays", 0, 3650);
        String status = f.has("status") ? f.requiredEnum("status", STATUSES) : null;
        String plu = creating ? f.optionalMatching("plu", PLU, "must be 4 to 6 digits") : null;
        String soldBy = creating ? f.optionalEnum("soldBy", SOLD_BY) : null;
        if (Product.BY_WEIGHT.equals(soldBy)) {
            // the scales print a 5-digit PLU (2 F PPPPP WWWWW C) and the price is per kilogram
            if (!f.has("plu")) f.reject("plu", "required_for_weight", "a product sold by weight needs the 5-digit PLU its scales print");
            else if (plu != null && !WEIGHED_PLU.matcher(plu).matches()) f.reject("plu", "weighed_plu_digits", "a product sold by weight has a 5-digit PLU");
            if (unit != null && !KG_UNITS.contains(unit.strip())) f.reject("unit", "weighed_unit", "a product sold by weight is priced per kg: unit kg");
        }
        b.check();
        return new ProductService.Draft(gtin, trim(name), trim(brand), category, trim(unit), trim(spec),
                life == null ? null : life.intValue(), status, plu, soldBy);
    }

    private static VariableMeasure settings(Request r) {
        Fields f = r.fields("variableMeasure");
        Fields vm = f.requiredObject("variableMeasure", Set.of("prefixes", "itemDigits", "value"));
        List<String> prefixes = vm == null ? null : vm.optionalStrings("prefixes", 10, Pattern.compile("2[0-9]"), "must be two digits from 20 to 29");
        Long digits = vm == null ? null : vm.requiredLong("itemDigits", 4, 6);
        String value = vm == null ? null : vm.requiredEnum("value", Set.of(VariableMeasure.PRICE, VariableMeasure.WEIGHT));
        if (vm != null && (prefixes == null || prefixes.isEmpty())) vm.reject("prefixes", "must name at least one prefix");
        f.check();
        return new VariableMeasure(prefixes, digits.intValue(), value);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String trim(String s) {
        return s == null ? null : s.strip();
    }
}
