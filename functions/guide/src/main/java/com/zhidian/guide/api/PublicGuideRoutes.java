package com.zhidian.guide.api;

import com.zhidian.catalog.domain.Gtin;
import com.zhidian.core.errors.ApiException;
import com.zhidian.core.http.LinkedTenant;
import com.zhidian.core.http.Language;
import com.zhidian.core.http.Platform;
import com.zhidian.core.http.Request;
import com.zhidian.core.http.Response;
import com.zhidian.core.http.Routes;
import com.zhidian.core.http.Text;
import com.zhidian.core.tenancy.TenantDirectory;
import com.zhidian.guide.application.GuideService;
import com.zhidian.guide.domain.GuideErrors;
import com.zhidian.core.links.SignedLinks;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The store's public guide (no sign-in), for the H5 page from the poster's QR and for the in-store kiosk, which carry
 * the store's signed token {@code t}: the home (map, today's promotions and events) and "where is" by name or by a
 * scanned GTIN. A bad token, another store's token and a suspended tenant all read "not found"; nothing but the
 * store's public facts is answered (no costs, no stock figures, no ids of other stores).
 */
final class PublicGuideRoutes {
    /** The longest name search (code points), so a search costs a bounded filter. */
    static final int MAX_QUERY = 40;
    private final GuideService s;
    private final SignedLinks links;
    private final Platform platform;

    PublicGuideRoutes(GuideService s, SignedLinks links, Platform platform) {
        this.s = s;
        this.links = links;
        this.platform = platform;
    }

    Routes declare(Routes routes) {
        return routes
                .on("GET /guide/{storeId}", Set.of(), r -> inTenant(r, (t, standing) -> Response.ok(Views.home(s.home(t, r.pathId("storeId"),
                        standing.timeZone())))))
                .on("GET /guide/{storeId}/search", Set.of(), r -> {
                    String gtin = gtinOf(r);
                    String q = gtin == null ? query(r) : null;
                    return inTenant(r, (t, standing) -> {
                        String storeId = r.pathId("storeId");
                        List<GuideService.Found> found = gtin != null ? List.of(s.lookup(t, storeId, gtin)) : s.search(t, storeId, q);
                        return Response.ok(Views.results(found));
                    });
                });
    }

    /** {@code ?gtin=}, or a {@code ?q=} that is a whole GTIN (a scanner types into the search box): its GTIN-14 form. */
    private static String gtinOf(Request r) {
        String g = r.query("gtin");
        boolean zh = r.language() == Language.ZH;
        if (g != null) {
            if (r.query("q") != null) throw ApiException.badRequest("q", zh ? "不能与 gtin 同时使用" : "must not be given with gtin");
            Gtin parsed = Gtin.orNull(g);
            if (parsed == null) throw ApiException.badRequest("gtin", zh ? "须为有效的商品条码（8、12、13 或 14 位，校验位正确）"
                    : "must be a GTIN-8, -12, -13 or -14 with its check digit");
            return parsed.value();
        }
        String q = r.query("q");
        if (q != null && q.trim().matches("[0-9]{8,14}")) {
            Gtin parsed = Gtin.orNull(q.trim());
            if (parsed != null) return parsed.value();
        }
        return null;
    }

    private static String query(Request r) {
        String q = r.query("q");
        boolean zh = r.language() == Language.ZH;
        if (q == null || q.isBlank()) throw ApiException.badRequest("q", zh ? "请输入要找的商品名称或条码" : "is required (a product's name or its barcode)");
        if (!Text.isWellFormed(q)) throw ApiException.badRequest("q", zh ? "须为有效文本，不含控制字符" : "must be text without control characters");
        q = q.trim();
        if (q.codePointCount(0, q.length()) > MAX_QUERY) throw ApiException.badRequest("q", zh ? "最多 " + MAX_QUERY + " 个字符" : "must be at most " + MAX_QUERY + " characters");
        return q;
    }

    private Response inTenant(Request r, BiFunction<String, TenantDirectory.Standing, Response> work) {
        return LinkedTenant.run(links.tenantOf(r.pathId("storeId"), r.query("t")), platform.tenants(), platform.limiter(),
                GuideErrors.GuideNotFound::new, work);
    }
}
