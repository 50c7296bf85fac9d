package com.zhidian.catalog.api;

import static com.zhidian.core.auth.Role.OWNER;
import static com.zhidian.core.auth.Role.STAFF;

import com.zhidian.approvals.api.Gated;
import com.zhidian.approvals.application.ApprovalGate;
import com.zhidian.approvals.domain.Ask;
import com.zhidian.catalog.application.StockCountService;
import com.zhidian.catalog.domain.CountRules;
import com.zhidian.catalog.domain.StockCount;
import com.zhidian.catalog.domain.StockRules;
import com.zhidian.core.errors.ApiException;
import com.zhidian.core.http.Fields;
import com.zhidian.core.http.Formats;
import com.zhidian.core.http.Language;
import com.zhidian.core.http.Response;
import com.zhidian.core.http.Routes;
import java.util.List;
import java.util.Set;

/** Stock counts (盘点单) of a store: open over a scope, count lines, finish through the stock-adjustment approval rule, cancel. */
final class StockCountRoutes {
    private static final Set<String> STATUSES = Set.of(StockCount.OPEN, StockCount.FINISHED, StockCount.CANCELLED);

    private StockCountRoutes() {}

    static void register(Routes routes, StockCountService s, ApprovalGate gate) {
        routes.on("POST /stores/{storeId}/stock-counts", Set.of(OWNER, STAFF), r -> {
            String store = r.pathId("storeId");
            s.requireStore(r.caller(), store); // another tenant's or store's is 404 whatever the body says
            boolean zh = r.language() == Language.ZH;
            Fields f = r.fields("scope", "categoryId", "gtins", "assigneeId", "dueOn");
            String scope = f.requiredEnum("scope", StockCount.SCOPES);
            String category = f.optionalMatching("categoryId", Formats.ID, zh ? "须为分类编号" : "must be a category id");
            Inputs.Body b = new Inputs.Body(f);
            List<String> gtins = b.gtins("gtins", 200, r.language());
            String assignee = f.optionalMatching("assigneeId", Formats.ID, zh ? "须为用户编号" : "must be a user id");
            String due = Inputs.date(f, "dueOn");
            if (StockCount.SCOPE_CATEGORY.equals(scope) && category == null && !f.has("categoryId")) {
                f.reject("categoryId", Fields.REQUIRED, zh ? "按分类盘点时必填" : "is required with scope category");
            }
            if (!StockCount.SCOPE_CATEGORY.equals(scope) && f.has("categoryId")) {
                f.reject("categoryId", "only_with_scope", zh ? "仅在按分类盘点时填写" : "is only for scope category");
            }
            if (StockCount.SCOPE_GTINS.equals(scope) && gtins == null && !f.has("gtins")) {
                f.reject("gtins", Fields.REQUIRED, zh ? "按商品盘点时必填" : "is required with scope gtins");
            }
            if (!StockCount.SCOPE_GTINS.equals(scope) && f.has("gtins")) {
                f.reject("gtins", "only_with_scope", zh ? "仅在按商品盘点时填写" : "is only for scope gtins");
            }
            b.check();
            StockCountService.Scope sc = new StockCountService.Scope(scope, category, gtins);
            return Response.created(CountViews.count(r.caller(), s.open(r.caller(), store, sc, assignee, due)));
        })
        .on("GET /stores/{storeId}/stock-counts", Set.of(OWNER, STAFF), r -> {
            String store = r.pathId("storeId");
            String status = r.query("status");
            if (status != null && !STATUSES.contains(status)) {
                throw ApiException.badRequest("status", "must be one of cancelled, finished, open");
            }
            return Response.ok(Views.page(s.list(r.caller(), store, status, r.limit(), r.query("cursor")), CountViews::header));
        })
        .on("GET /stores/{storeId}/stock-counts/{countId}", Set.of(OWNER, STAFF), r ->
                Response.ok(CountViews.count(r.caller(), s.get(r.caller(), r.pathId("storeId"), r.pathId("countId")))))
        .on("PUT /stores/{storeId}/stock-counts/{countId}/lines/{gtin}", Set.of(OWNER, STAFF), r -> {
            String store = r.pathId("storeId");
            String count = r.pathId("countId");
            String gtin = Inputs.pathGtin(r);
            Fields f = r.fields("counted");
            Long counted = f.requiredLong("counted", 0, StockRules.MAX_QUANTITY);
            f.check();
            return Response.ok(CountViews.line(s.count(r.caller(), store, count, gtin, counted), r.caller().is(STAFF)));
        })
        .on("POST /stores/{storeId}/stock-counts/{countId}/finish", Set.of(OWNER, STAFF), r -> {
            String store = r.pathId("storeId");
            String count = r.pathId("countId");
            StockCount c = s.get(r.caller(), store, count);
            if (!StockCount.FINISHING.equals(c.status())) CountRules.requireOpen(c);
            return gate.guard(Gated.attempt(r), Ask.stockAdjustment(store, count, CountRules.largestChange(c.lines())),
                    () -> Response.ok(CountViews.count(r.caller(), s.finish(r.caller(), store, count))));
        })
        .on("POST /stores/{storeId}/stock-counts/{countId}/cancel", Set.of(OWNER, STAFF), r ->
                Response.ok(CountViews.count(r.caller(), s.cancel(r.caller(), r.pathId("storeId"), r.pathId("countId")))));
    }
}
