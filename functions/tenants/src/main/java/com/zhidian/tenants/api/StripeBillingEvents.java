package com.zhidian.tenants.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import com.zhidian.core.Env;
import com.zhidian.core.Json;
import com.zhidian.core.aws.AwsClients;
import com.zhidian.tenants.application.BillingService;
import com.zhidian.tenants.application.Tenants;
import com.zhidian.tenants.domain.SubscriptionEvent;
import java.time.Instant;

/**
 * Tenant billing's Stripe events, from the account's billing webhook endpoint ({@code POST /webhooks/stripe-billing},
 * enabled for {@code invoice.*} and {@code customer.subscription.*}; the orders context has its own endpoint):
 * {@code invoice.payment_failed}, {@code invoice.paid} and {@code customer.subscription.created|updated|deleted}.
 *
 * <p>Two ways in: {@link #acceptSigned(String, String)} with the raw body and the {@code Stripe-Signature} header (it
 * verifies with the endpoint's secret, {@code STRIPE_BILLING_WEBHOOK_SECRET}), or {@link #accept(Event)} for an event
 * already verified with stripe-java's {@code Webhook.constructEvent}. Any other event type is
 * {@link BillingService.Outcome#NOT_BILLING} and changes nothing. Events may come twice and in any order: applying is
 * idempotent and an older status never overwrites a newer one.
 */
public final class StripeBillingEvents {
    private final BillingService billing;
    private final String secret;

    /** Over the function's own DynamoDB client and Stripe configuration (build once per container). */
    public StripeBillingEvents() {
        this(Tenants.billing(AwsClients.dynamo()), null);
    }

    /** {@code webhookSecret} null: {@code STRIPE_BILLING_WEBHOOK_SECRET} of the environment, read when an event comes. */
    public StripeBillingEvents(BillingService billing, String webhookSecret) {
        this.billing = billing;
        this.secret = webhookSecret;
    }

    /** Whether an event of this type is tenant billing's. */
    public static boolean handles(String eventType) {
        return SubscriptionEvent.TYPES.contains(eventType);
    }

    /** A verified event. */
    public BillingService.Outcome accept(Event verified) {
        if (!handles(verified.getType())) return BillingService.Outcome.NOT_BILLING;
        String object = verified.getDataObjectDeserializer().getRawJson();
        return billing.onSubscriptionEvent(read(verified.getId(), verified.getType(), verified.getCreated(), object));
    }

    /** The raw body and its Stripe-Signature header; a forged or stale signature throws and changes nothing. */
    public BillingService.Outcome acceptSigned(String payload, String signatureHeader) throws SignatureVerificationException {
        String key = secret != null ? secret : Env.get("STRIPE_BILLING_WEBHOOK_SECRET", null);
        if (key == null) throw new SignatureVerificationException("no STRIPE_BILLING_WEBHOOK_SECRET configured", signatureHeader);
        return accept(Webhook.constructEvent(payload, signatureHeader, key));
    }

    /** The fields tenant billing reads from the event's {@code data.object} (an invoice or a subscription). */
    static SubscriptionEvent read(String eventId, String type, long created, String objectJson) {
        JsonNode o;
        try {
            o = Json.read(objectJson);
        } catch (Exception e) {
            throw new IllegalArgumentException("event " + eventId + " has no readable data.object", e);
        }
        String at = Instant.ofEpochSecond(created).toString();
        if (type.startsWith("invoice.")) {
            String subscription = text(o.path("parent").path("subscription_details").path("subscription"));
            if (subscription == null) subscription = text(o.path("subscription")); // API versions before 2025-03
            return new SubscriptionEvent(eventId, type, created, at, text(o.path("metadata").path("tenant_id")),
                    text(o.path("customer")), subscription, null, null, text(o.path("id")), o.path("amount_due").asLong(0),
                    text(o.path("currency")));
        }
        JsonNode end = o.path("items").path("data").path(0).path("current_period_end");
        if (end.isMissingNode() || end.isNull()) end = o.path("current_period_end");
        String periodEnd = end.isNumber() ? Instant.ofEpochSecond(end.asLong()).toString() : null;
        return new SubscriptionEvent(eventId, type, created, at, text(o.path("metadata").path("tenant_id")),
                text(o.path("customer")), text(o.path("id")), text(o.path("status")), periodEnd, null, 0, null);
    }

    private static String text(JsonNode n) {
        return n == null || n.isMissingNode() || n.isNull() ? null : n.asText();
    }
}
