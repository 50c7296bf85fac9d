package com.zhidian.coupons.api;

import static com.zhidian.core.auth.Role.OWNER;
import static com.zhidian.core.auth.Role.STAFF;

import com.zhidian.approvals.api.Gated;
import com.zhidian.approvals.application.ApprovalGate;
import com.zhidian.approvals.domain.Ask;

import com.zhidian.core.http.Fields;
import com.zhidian.core.http.Formats;
import com.zhidian.core.http.Request;
import com.zhidian.core.http.Response;
import com.zhidian.core.http.Routes;
import com.zhidian.coupons.application.CouponService;
import com.zhidian.coupons.domain.Template;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The owner's templates: create, list with counts, read, stop, issue to members, void what is out. */
final class TemplatesRoutes {
    private final CouponService service;
    private final ApprovalGate gate;

    private TemplatesRoutes(CouponService service, ApprovalGate gate) {
        this.service = service;
        this.gate = gate;
    }

    static void register(Routes routes, CouponService service, ApprovalGate gate) {
        TemplatesRoutes t = new TemplatesRoutes(service, gate);
        // staff draft templates too; one worth more than the owner's rule waits for the owner's approval
        routes.on("POST /coupon-templates", Set.of(OWNER, STAFF), t::create)
                .on("GET /coupon-templates", Set.of(OWNER), t::list)
                .on("GET /coupon-templates/{templateId}", Set.of(OWNER), r -> Response.ok(
                        Views.template(service.template(r.caller().tenantId(), r.pathId("templateId")), service.now())))
                .on("POST /coupon-templates/{templateId}/stop", Set.of(OWNER), r -> Response.ok(
                        Views.template(service.stop(r.caller().tenantId(), r.pathId("templateId")), service.now())))
                .on("POST /coupon-templates/{templateId}/issue", Set.of(OWNER), t::issue)
                .on("POST /coupon-templates/{templateId}/void", Set.of(OWNER), t::voidAll);
    }

    private Response create(Request r) {
        Template draft = TemplateBody.read(r, service.now());
        return gate.guard(Gated.attempt(r), Ask.couponTemplate(draft.name(), faceValue(draft)),
                () -> Response.created(Views.template(service.create(draft), service.now())));
    }

    /** What one coupon can take off, in fen: the amount, a percentage's cap; a gift's is not known here. */
    private static long faceValue(Template t) {
        return switch (t.terms().kind()) {
            case AMOUNT_OFF -> t.terms().value();
            case PERCENT_OFF -> t.terms().maxDiscount();
            case GIFT -> Ask.UNKNOWN;
        };
    }

    private Response list(Request r) {
        int limit = r.limit();
        return Response.ok(Views.page(service.templates(r.caller().tenantId(), limit, r.query("cursor")),
                t -> Views.template(t, service.now())));
    }

    private Response issue(Request r) {
        String templateId = r.pathId("templateId");
        Fields f = r.fields("memberIds");
        List<String> members = f.optionalStrings("memberIds", 200, Formats.ID, "must be a member id");
        if (members == null) f.reject("memberIds", "is required");
        else if (members.isEmpty()) f.reject("memberIds", "must name at least one member");
        f.check();
        var report = service.issue(r.caller().tenantId(), templateId, members);
        return Response.ok(Views.issued(templateId, report, service.now(), r.language()));
    }

    private Response voidAll(Request r) {
        String templateId = r.pathId("templateId");
        Fields f = r.fields("reason");
        String reason = f.requiredString("reason", 1, 200);
        f.check();
        long n = service.voidAll(r.caller().tenantId(), templateId, reason);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("templateId", templateId);
        v.put("voided", n);
        v.put("template", Views.template(service.template(r.caller().tenantId(), templateId), service.now()));
        return Response.ok(v);
    }
}
