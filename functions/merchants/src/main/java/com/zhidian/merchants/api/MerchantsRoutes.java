package com.zhidian.merchants.api;

import static com.zhidian.core.auth.Role.OWNER;
import static com.zhidian.core.auth.Role.STAFF;

import com.zhidian.core.errors.ApiException;
import com.zhidian.core.http.Fields;
import com.zhidian.core.http.Formats;
import com.zhidian.core.http.Request;
import com.zhidian.core.http.Response;
import com.zhidian.core.http.Routes;
import com.zhidian.core.links.SignedLinks;
import com.zhidian.merchants.application.MerchantsService;
import com.zhidian.merchants.domain.Counter;
import com.zhidian.merchants.domain.Licence;
import com.zhidian.merchants.domain.Merchant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The owner's merchants (联营商户) and the department stores' counters; staff read them. */
final class MerchantsRoutes {
    static final Pattern LICENCE_SHAPE = Pattern.compile("[0-9A-HJ-NP-RTUW-Y]{18}");
    private final MerchantsService merchants;
    private final SignedLinks counterLinks;

    MerchantsRoutes(MerchantsService merchants, SignedLinks counterLinks) {
        this.merchants = merchants;
        this.counterLinks = counterLinks;
    }

    Routes declare(Routes routes) {
        return routes
                .on("POST /merchants", Set.of(OWNER), this::create)
                .on("GET /merchants", Set.of(OWNER, STAFF), r -> {
                    String tenantId = r.caller().tenantId();
                    var page = merchants.merchants(tenantId, r.limit(), r.query("cursor"));
                    return Response.ok(Views.page(page.items().stream().map(m -> Views.merchant(m, merchants.record(tenantId, m.merchantId()))).toList(),
                            page.nextCursor()));
                })
                .on("GET /merchants/{merchantId}", Set.of(OWNER, STAFF), r -> {
                    Merchant m = merchants.merchant(r.caller().tenantId(), r.pathId("merchantId"));
                    return Response.ok(Views.merchant(m, merchants.record(r.caller().tenantId(), m.merchantId())));
                })
                .on("PATCH /merchants/{merchantId}", Set.of(OWNER), this::change)
                .on("POST /stores/{storeId}/counters", Set.of(OWNER), this::createCounter)
                .on("GET /stores/{storeId}/counters", Set.of(OWNER, STAFF), r -> Response.ok(Views.page(
                        merchants.counters(r.caller(), r.pathId("storeId")).stream().map(c -> counter(r.caller().tenantId(), c)).toList(), null)));
    }

    private Response create(Request r) {
        Fields f = r.fields("name", "licenceNo", "category", "contactName", "contactPhone");
        String name = f.requiredString("name", 1, 100);
        String licence = licence(f);
        String category = f.requiredString("category", 1, 50);
        String contactName = f.requiredString("contactName", 1, 50);
        String contactPhone = f.requiredMatching("contactPhone", Formats.PHONE_CN, "must be a mainland mobile number such as 13800138000");
        f.check();
        Merchant m = merchants.createMerchant(r.caller().tenantId(),
                new MerchantsService.NewMerchant(name.trim(), licence, category.trim(), contactName.trim(), contactPhone));
        return Response.created(Views.merchant(m, merchants.record(r.caller().tenantId(), m.merchantId())))
                .header("Location", "/merchants/" + m.merchantId());
    }

    /** 18 characters of the code's alphabet, and the right check character (a typo in any one is caught). */
    private static String licence(Fields f) {
        String v = f.requiredMatching("licenceNo", LICENCE_SHAPE,
                "must be an 18-character unified social credit code (digits and capitals without I, O, S, V, Z)");
        if (v != null && LICENCE_SHAPE.matcher(v).matches() && !Licence.valid(v)) {
            f.reject("licenceNo", "check_character", "the check character (the 18th) does not match the first 17; check the code on the licence");
        }
        return v;
    }

    private Response change(Request r) {
        String merchantId = r.pathId("merchantId");
        Fields f = r.fields("name", "category", "contactName", "contactPhone");
        Map<String, String> changes = new LinkedHashMap<>();
        put(changes, "name", f.optionalString("name", 1, 100));
        put(changes, "category", f.optionalString("category", 1, 50));
        put(changes, "contactName", f.optionalString("contactName", 1, 50));
        put(changes, "contactPhone", f.optionalMatching("contactPhone", Formats.PHONE_CN, "must be a mainland mobile number such as 13800138000"));
        f.check();
        if (changes.isEmpty()) throw ApiException.badRequest("body", "name at least one of name, category, contactName, contactPhone");
        Merchant m = merchants.changeMerchant(r.caller().tenantId(), merchantId, changes);
        return Response.ok(Views.merchant(m, merchants.record(r.caller().tenantId(), m.merchantId())));
    }

    private static void put(Map<String, String> m, String k, String v) {
        if (v != null) m.put(k, v.trim());
    }

    private Response createCounter(Request r) {
        String storeId = r.pathId("storeId");
        Fields f = r.fields("merchantId", "floor", "location");
        String merchantId = f.requiredMatching("merchantId", Formats.ID, "must be a merchant id");
        String floor = f.requiredString("floor", 1, 20);
        String location = f.requiredString("location", 1, 100);
        f.check();
        Counter c = merchants.createCounter(r.caller(), storeId, merchantId, floor.trim(), location.trim());
        return Response.created(counter(r.caller().tenantId(), c));
    }

    /** A counter with its signed credit link's token (the QR to print). */
    private Map<String, Object> counter(String tenantId, Counter c) {
        return Views.counter(c, counterLinks.sign(tenantId, c.counterId()));
    }
}
