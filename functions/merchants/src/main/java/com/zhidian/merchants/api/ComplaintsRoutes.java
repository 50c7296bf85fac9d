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
import com.zhidian.merchants.domain.Complaint;
import com.zhidian.merchants.domain.ComplaintRules;
import java.util.Set;

/** The store's complaints inbox and the workflow steps staff record (the merchant's answer, mediation, the outcome). */
final class ComplaintsRoutes {
    private final MerchantsService merchants;
    private final SignedLinks complaintLinks;

    ComplaintsRoutes(MerchantsService merchants, SignedLinks complaintLinks) {
        this.merchants = merchants;
        this.complaintLinks = complaintLinks;
    }

    Routes declare(Routes routes) {
        return routes
                .on("GET /complaints", Set.of(OWNER, STAFF), r -> {
                    String status = r.query("status");
                    if (status != null && !ComplaintRules.STATES.contains(status)) {
                        throw ApiException.badRequest("status", "must be one of answered, closed, mediating, received");
                    }
                    String storeId = r.query("storeId");
                    if (storeId != null && !Formats.ID.matcher(storeId).matches()) throw ApiException.badRequest("storeId", "must be a store id");
                    var page = merchants.complaints(r.caller(), status, storeId, r.limit(), r.query("cursor"));
                    return Response.ok(Views.page(page.items().stream().map(c -> view(r, c)).toList(), page.nextCursor()));
                })
                .on("GET /complaints/{complaintId}", Set.of(OWNER, STAFF),
                        r -> Response.ok(view(r, merchants.complaint(r.caller(), r.pathId("complaintId")))))
                .on("GET /complaints/{complaintId}/photo", Set.of(OWNER, STAFF), r -> PhotoInput.answer(
                        merchants.photo(r.caller().tenantId(), merchants.complaint(r.caller(), r.pathId("complaintId")))))
                .on("POST /complaints/{complaintId}/steps", Set.of(OWNER, STAFF), this::step);
    }

    private Response step(Request r) {
        String complaintId = r.pathId("complaintId");
        // another tenant's or another store's complaint is not found, whatever the body says
        merchants.complaint(r.caller(), complaintId);
        Fields f = r.fields("action", "outcome", "note");
        String action = f.requiredEnum("action", ComplaintRules.ACTIONS);
        String outcome = f.optionalEnum("outcome", ComplaintRules.OUTCOMES);
        String note = f.optionalString("note", 1, 1000);
        if (ComplaintRules.CLOSE.equals(action) && outcome == null && !f.has("outcome")) {
            f.reject("outcome", Fields.REQUIRED, "closing needs an outcome: upheld, partly, rejected or withdrawn");
        }
        if (action != null && !ComplaintRules.CLOSE.equals(action) && f.has("outcome")) {
            f.reject("outcome", "not_allowed", "only a close step carries an outcome");
        }
        if (ComplaintRules.ANSWER.equals(action) && note == null && !f.has("note")) {
            f.reject("note", Fields.REQUIRED, "record the merchant's answer");
        }
        f.check();
        Complaint c = merchants.step(r.caller(), complaintId, action, outcome, note == null ? null : note.trim());
        return Response.ok(view(r, c));
    }

    private Object view(Request r, Complaint c) {
        return Views.complaint(c, complaintLinks.sign(r.caller().tenantId(), c.complaintId()));
    }
}
