package com.zhidian.orders.api;

import com.zhidian.core.errors.ApiException;
import com.zhidian.core.http.Response;
import com.zhidian.core.http.Routes;
import com.zhidian.core.scope.RequestScope;
import com.zhidian.orders.application.PaymentsService;
import com.zhidian.orders.domain.PaymentGateway;
import java.util.Map;
import java.util.Set;

/**
 * POST /webhooks/stripe: public (no token), trusted only through the provider's signature. A verified event runs as
 * its tenant (the tenant in the payment's metadata, which Zhidian set), so its reads and writes go through that
 * tenant's data role like any request's. A forged or stale event is 400 and changes nothing; a replay is 200 and
 * changes nothing.
 */
final class WebhookRoutes {
    private final PaymentsService payments;
    private final PaymentGateway gateway;

    WebhookRoutes(PaymentsService payments, PaymentGateway gateway) {
        this.payments = payments;
        this.gateway = gateway;
    }

    Routes declare(Routes routes) {
        return routes.on("POST /webhooks/stripe", Set.of(), r -> {
            String signature = r.header("stripe-signature");
            if (signature == null) throw ApiException.badRequest("Stripe-Signature", "the provider's signature is required");
            PaymentGateway.Event e;
            try {
                e = gateway.verify(r.bodyText(), signature);
            } catch (PaymentGateway.BadSignature bad) {
                throw ApiException.badRequest("Stripe-Signature", "the signature does not verify");
            }
            PaymentsService.Outcome out;
            if (e.tenantId() == null || !Inputs.ID.matcher(e.tenantId()).matches()) {
                out = PaymentsService.Outcome.IGNORED;
            } else {
                // the request came with no tenant; from here it is the event's tenant's (the rails' scope ends with it)
                RequestScope tenant = RequestScope.enter(e.tenantId());
                try {
                    out = payments.onEvent(e);
                } finally {
                    tenant.exit();
                }
            }
            return Response.ok(Map.of("received", true, "outcome", out.name().toLowerCase(java.util.Locale.ROOT)));
        });
    }
}
