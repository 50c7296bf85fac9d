package com.zhidian.merchants.api;

import com.zhidian.core.http.LinkedTenant;
import com.zhidian.core.http.Fields;
import com.zhidian.core.http.Formats;
import com.zhidian.core.http.Request;
import com.zhidian.core.http.Response;
import com.zhidian.core.http.Routes;
import com.zhidian.core.links.SignedLinks;
import com.zhidian.core.tenancy.RateLimiter;
import com.zhidian.core.tenancy.TenantDirectory;
import com.zhidian.merchants.application.MerchantsService;
import com.zhidian.merchants.domain.Complaint;
import com.zhidian.merchants.domain.MerchantsErrors;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The public credit pages (no sign-in): a counter's credit page from its QR, the complaint form behind it, and a
 * complaint's tracking page. Only a token signed for that very counter or complaint opens it; anything else is 404
 * as for an unknown one. Each call counts against its tenant's rate like a signed-in call, and a suspended tenant's
 * pages are not found. They show the merchant and its record, never a customer's data or another merchant's.
 */
final class CreditRoutes {
    private final MerchantsService merchants;
    private final SignedLinks counterLinks;
    private final SignedLinks complaintLinks;
    private final TenantDirectory tenants;
    private final RateLimiter limiter;
    private final Clock clock;

    CreditRoutes(MerchantsService merchants, SignedLinks counterLinks, SignedLinks complaintLinks, TenantDirectory tenants,
                 RateLimiter limiter, Clock clock) {
        this.merchants = merchants;
        this.counterLinks = counterLinks;
        this.complaintLinks = complaintLinks;
        this.tenants = tenants;
        this.limiter = limiter;
        this.clock = clock;
    }

    Routes declare(Routes routes) {
        return routes
                .on("GET /credit/{counterId}", Set.of(), r -> {
                    String counterId = r.pathId("counterId");
                    return inTenant(r, counterLinks, counterId, () -> new MerchantsErrors.CounterNotFound(counterId),
                            t -> Response.ok(Views.creditPage(merchants.creditPage(t, counterId))));
                })
                .on("POST /credit/{counterId}/complaints", Set.of(), this::file)
                .on("GET /credit/complaints/{complaintId}", Set.of(), r -> {
                    String complaintId = r.pathId("complaintId");
                    return inTenant(r, complaintLinks, complaintId, () -> new MerchantsErrors.ComplaintNotFound(complaintId),
                            t -> {
                                Complaint c = merchants.complaint(t, complaintId);
                                return Response.ok(Views.tracking(c, merchants.merchant(t, c.merchantId()).name()));
                            });
                })
                .on("GET /credit/complaints/{complaintId}/photo", Set.of(), r -> {
                    String complaintId = r.pathId("complaintId");
                    return inTenant(r, complaintLinks, complaintId, () -> new MerchantsErrors.ComplaintNotFound(complaintId),
                            t -> PhotoInput.answer(merchants.photo(t, merchants.complaint(t, complaintId))));
                });
    }

    private Response file(Request r) {
        String counterId = r.pathId("counterId");
        return inTenant(r, counterLinks, counterId, () -> new MerchantsErrors.CounterNotFound(counterId), t -> {
            Fields f = r.fields("what", "happenedAt", "reference", "phone", "photo");
            String what = f.requiredString("what", 5, 1000);
            String happenedAt = f.requiredString("happenedAt", 1, 40);
            if (happenedAt != null) happenedAt = instant(f, happenedAt);
            String reference = f.optionalMatching("reference", Formats.ID, "must be an order or receipt number (letters, digits, - and _)");
            String phone = f.requiredMatching("phone", Formats.PHONE_CN, "must be a mainland mobile number such as 13800138000");
            PhotoInput.Sent photo = PhotoInput.read(f);
            f.check();
            Complaint c = merchants.file(t, counterId, what.trim(), happenedAt, reference, phone,
                    photo == null ? null : photo.contentType(), photo == null ? null : photo.bytes());
            return Response.created(Map.of("complaintId", c.complaintId(), "status", c.status(), "answerBy", c.answerBy(),
                    "trackingToken", complaintLinks.sign(t, c.complaintId())));
        });
    }

    /** An ISO-8601 instant no later than now and within the last year. */
    private String instant(Fields f, String v) {
        try {
            Instant at = Instant.parse(v);
            Instant now = clock.instant();
            if (at.isAfter(now.plusSeconds(300))) f.reject("happenedAt", "in_future", "cannot be in the future");
            else if (at.isBefore(now.minus(java.time.Duration.ofDays(366)))) f.reject("happenedAt", "too_old", "must be within the last year");
            return at.toString();
        } catch (DateTimeParseException e) {
            f.reject("happenedAt", Fields.INVALID_FORMAT, "must be an ISO-8601 instant such as 2026-12-01T10:30:00Z");
            return null;
        }
    }

    /** Runs {@code work} in the tenant the token was signed for; a bad token, or a suspended tenant, is not found. */
    private Response inTenant(Request r, SignedLinks links, String id, Supplier<RuntimeException> notFound, Function<String, Response> work) {
        return LinkedTenant.run(links.tenantOf(id, r.query("t")), tenants, limiter, notFound, (t, standing) -> work.apply(t));
    }
}
