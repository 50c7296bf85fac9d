package com.zhidian.catalog.api;

import static com.zhidian.core.auth.Role.OWNER;
import static com.zhidian.core.auth.Role.STAFF;

import com.zhidian.approvals.api.Gated;
import com.zhidian.approvals.application.ApprovalGate;
import com.zhidian.approvals.domain.Ask;
import com.zhidian.catalog.application.StockService;
import com.zhidian.catalog.domain.StockRules;
import com.zhidian.catalog.domain.Transfer;
import com.zhidian.catalog.store.Keys;
import com.zhidian.core.aws.ReadAhead;
import com.zhidian.core.http.Fields;
import com.zhidian.core.http.Formats;
import com.zhidian.core.http.Response;
import com.zhidian.core.http.Routes;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Stock of a store: levels, receipts, counts, adjustments, transfers, movements, the count sheet and near-expiry. */
final class StockRoutes {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final long MAX = StockRules.MAX_QUANTITY;

    private StockRoutes() {}

    static void register(Routes routes, StockService s, ApprovalGate gate) {
        routes.on("GET /stores/{storeId}/stock", Set.of(OWNER, STAFF), r -> {
            String store = r.pathId("storeId");
            return Response.ok(Views.page(s.levels(r.caller(), store, r.limit(), r.query("cursor")), Views::stockRow));
        })
        .on("GET /stores/{storeId}/stock/{gtin}", Set.of(OWNER, STAFF), r -> {
            String store = r.pathId("storeId");
            return Response.ok(Views.stockRow(s.level(r.caller(), store, Inputs.pathGtin(r))));
        })
        .on("PUT /stores/{storeId}/stock/{gtin}", Set.of(OWNER, STAFF), r -> {
            String store = r.pathId("storeId");
            String gtin = Inputs.pathGtin(r);
            Fields f = r.fields("quantity", "reason");
            Long q = f.requiredLong("quantity", 0, MAX);
            String reason = f.requiredString("reason", 1, 200);
            f.check();
            return Response.ok(Views.movement(s.count(r.caller(), store, gtin, q, reason.strip())));
        })
        .onClaimed("POST /stores/{storeId}/stock/{gtin}/receipts", Set.of(OWNER, STAFF), r -> {
            String store = r.pathId("storeId");
            String gtin = Inputs.pathGtin(r);
            Fields f = r.fields("quantity", "cost", "reference", "expiresOn");
            Long q = f.requiredLong("quantity", 1, MAX);
            Long cost = f.optionalLong("cost", 0, Inputs.MAX_FEN);     // api.md's receipt is {quantity, reference}: cost is extra
            String ref = f.requiredString("reference", 1, 64);
            String expires = Inputs.date(f, "expiresOn");
            f.check();
            return Response.created(Views.movement(s.receive(r.caller(), store, gtin, q, cost, ref.strip(), expires)));
        })
        .readAhead(StockRoutes::productItem)
        .onClaimed("POST /stores/{storeId}/stock/{gtin}/adjustments", Set.of(OWNER, STAFF), r -> {
            String store = r.pathId("storeId");
            String gtin = Inputs.pathGtin(r);
            Fields f = r.fields("delta", "reason", "note");
            Long delta = f.requiredLong("delta", -MAX, MAX);
            if (delta != null && delta == 0) f.reject("delta", "must not be 0");
            String reason = f.requiredEnum("reason", StockRules.ADJUSTMENT_REASONS);
            String note = f.optionalString("note", 1, 200);
            f.check();
            return gate.guard(Gated.attempt(r), Ask.stockAdjustment(store, gtin, delta),
                    () -> Response.created(Views.movement(s.adjust(r.caller(), store, gtin, delta, reason, note))));
        })
        .readAhead(StockRoutes::productItem)
        .on("GET /stores/{storeId}/stock/{gtin}/movements", Set.of(OWNER, STAFF), r -> {
            String store = r.pathId("storeId");
            String gtin = Inputs.pathGtin(r);
            return Response.ok(Views.page(s.movements(r.caller(), store, gtin, r.limit(), r.query("cursor")), Views::movement));
        })
        .on("GET /stores/{storeId}/count-sheet", Set.of(OWNER, STAFF), r -> {
            String store = r.pathId("storeId");
            return Response.ok(Views.items(s.countSheet(r.caller(), store).stream().map(Views::stockRow).toList()));
        })
        .on("GET /stores/{storeId}/near-expiry", Set.of(OWNER, STAFF), r -> {
            String store = r.pathId("storeId");
            int days = r.queryInt("days", 7, 0, 365);
            return Response.ok(Views.page(s.expiring(r.caller(), store, days, ZONE, r.limit(), r.query("cursor")), Views::lot));
        })
        .on("POST /stock-transfers", Set.of(OWNER), r -> {
            Fields f = r.fields("fromStoreId", "toStoreId", "lines", "note");
            String from = f.requiredMatching("fromStoreId", Formats.ID, "is not a store id");
            String to = f.requiredMatching("toStoreId", Formats.ID, "is not a store id");
            String note = f.optionalString("note", 1, 200);
            Inputs.Body b = new Inputs.Body(f);
            List<Transfer.Line> lines = new ArrayList<>();
            for (Fields l : f.requiredObjects("lines", 1, 20, Set.of("gtin", "quantity"))) {
                Inputs.Body lb = new Inputs.Body(l);
                String gtin = lb.gtin("gtin", r.language());
                if (lb.code != null && b.code == null) b.code = lb.code;
                Long q = l.requiredLong("quantity", 1, MAX);
                if (gtin != null && q != null) lines.add(new Transfer.Line(gtin, q));
            }
            b.check();
            return Response.created(Views.transfer(s.transfer(r.caller(), from, to, lines, note)));
        });
    }

    /** The product a movement names, read with the tenant's standing (one call fewer). */
    private static ReadAhead.Key productItem(com.zhidian.core.http.Request r) {
        return new ReadAhead.Key(Keys.products(r.caller().tenantId()), Inputs.pathGtin(r));
    }
}
