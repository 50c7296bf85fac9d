package com.zhidian.tenants.api;

import com.stripe.exception.SignatureVerificationException;
import com.zhidian.core.errors.ApiException;
import com.zhidian.core.http.Response;
import com.zhidian.core.http.Routes;
import com.zhidian.tenants.application.BillingService;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * POST /webhooks/stripe-billing: public (no token), trusted only through the billing endpoint's signature. A forged or
 * stale event is 400 and changes nothing; an event applied before, or older than what is known, changes nothing either.
 */
final class BillingWebhookRoutes {
    private final StripeBillingEvents events;

    BillingWebhookRoutes(StripeBillingEvents events) {
        this.events = events;
    }

    Routes declare(Routes routes) {
        return routes.on("POST /webhooks/stripe-billing", Set.of(), r -> {
            String signature = r.header("stripe-signature");
            if (signature == null) throw ApiException.badRequest("Stripe-Signature", "the provider's signature is required");
            BillingService.Outcome out;
            try {
                out = events.acceptSigned(r.bodyText(), signature);
            } catch (SignatureVerificationException e) {
                throw ApiException.badRequest("Stripe-Signature", "the signature does not verify");
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("body", "is not a Stripe event");
            }
            return Response.ok(Map.of("received", true, "outcome", out.name().toLowerCase(Locale.ROOT)));
        });
    }
}
