package com.zhidian.orders.api;

import static com.zhidian.core.auth.Role.OWNER;

import com.zhidian.core.errors.ApiException;
import com.zhidian.core.http.Fields;
import com.zhidian.core.http.Request;
import com.zhidian.core.http.Response;
import com.zhidian.core.http.Routes;
import com.zhidian.orders.application.ReconciliationService;
import com.zhidian.orders.domain.Reconciliation;
import com.zhidian.orders.domain.ReconciliationRepository;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The owner's reconciliation: a day's result (GET /reconciliation?date=) and a run now (POST /reconciliation/runs). */
final class ReconciliationRoutes {
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private final ReconciliationService reconciliation;

    ReconciliationRoutes(ReconciliationService reconciliation) {
        this.reconciliation = reconciliation;
    }

    Routes declare(Routes routes) {
        return routes
                .on("GET /reconciliation", Set.of(OWNER), r -> {
                    LocalDate d = date(r.query("date"));
                    if (d == null) throw ApiException.badRequest("date", "must be a date such as 2026-12-03");
                    var run = reconciliation.find(r.caller().tenantId(), d);
                    return Response.ok(run.map(ReconciliationRoutes::view).orElseGet(() -> notRun(d)));
                })
                .on("POST /reconciliation/runs", Set.of(OWNER), r -> {
                    Fields f = r.fields("date");
                    String text = f.requiredMatching("date", DATE, "must be a date such as 2026-12-03");
                    LocalDate d = text == null ? null : date(text);
                    if (text != null && d == null) f.reject("date", Fields.INVALID_FORMAT, "must be a date such as 2026-12-03");
                    f.check();
                    return Response.ok(view(reconciliation.run(r.caller().tenantId(), d, OrdersRoutes.actor(r.caller()))));
                });
    }

    private static LocalDate date(String s) {
        if (s == null || !DATE.matcher(s).matches()) return null;
        try {
            return LocalDate.parse(s);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Map<String, Object> notRun(LocalDate d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("date", d.toString());
        m.put("ran", false);
        return m;
    }

    static Map<String, Object> view(ReconciliationRepository.Run run) {
        Reconciliation r = run.result();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("date", r.date());
        m.put("ran", true);
        m.put("ranAt", run.ranAt().toString());
        m.put("by", run.by());
        m.put("clean", r.clean());
        m.put("matchedCount", r.matchedCount());
        m.put("matchedAmount", r.matchedAmount());
        m.put("mismatches", r.mismatches().stream().map(x -> {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("problem", x.problem().name());
            v.put("kind", x.kind().name());
            v.put("ref", x.ref());
            v.put("orderId", x.orderId());
            v.put("ours", x.ours());
            v.put("theirs", x.theirs());
            return v;
        }).toList());
        return m;
    }
}
