package com.zhidian.campaigns.api;

import static com.zhidian.core.auth.Role.OWNER;

import com.zhidian.campaigns.application.SummaryBackfill;
import com.zhidian.core.http.Fields;
import com.zhidian.core.http.Request;
import com.zhidian.core.http.Response;
import com.zhidian.core.http.Routes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The member summaries' backfill, one page of members a call (a tenant of any size stays within the function's
 * timeout): members who existed before the summaries' feed get theirs; repeating it changes nothing.
 */
final class SummariesRoutes {
    private final SummaryBackfill backfill;

    SummariesRoutes(SummaryBackfill backfill) {
        this.backfill = backfill;
    }

    Routes declare(Routes routes) {
        return routes.on("POST /campaign-summaries/backfill", Set.of(OWNER), this::backfill);
    }

    private Response backfill(Request r) {
        Fields f = r.fields("cursor", "limit");
        String cursor = f.optionalString("cursor", 1, 2000);
        Long limit = f.optionalLong("limit", 1, SummaryBackfill.MAX_PAGE);
        f.check();
        SummaryBackfill.Result res = backfill.page(r.caller().tenantId(), limit == null ? SummaryBackfill.MAX_PAGE : limit.intValue(), cursor);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("examined", res.examined());
        v.put("nextCursor", res.nextCursor());
        return Response.ok(v);
    }
}
