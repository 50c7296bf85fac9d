package com.zhidian.local.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.stripe.StripeClient;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.net.Webhook;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Signed webhook deliveries: verified by stripe-java's Webhook and by Stripe's documented scheme, retried, resent. */
class WebhooksTest {
    private static final String SECRET = "whsec_test_secret";
    /** What the receiving endpoint got: the Stripe-Signature header and the raw body of each POST. */
    record Received(String signature, String payload) {}

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger refuseFirst = new AtomicInteger();
    private final HttpServer endpoint;
    private final StripeLocal stripe = StripeLocal.start("127.0.0.1", 0);
    private final StripeClient client = StripeClient.builder().setApiKey("sk_test_local").setApiBase(stripe.endpoint().toString()).build();

    WebhooksTest() throws Exception {
        endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        endpoint.createContext("/webhooks/stripe", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(ex.getRequestHeaders().getFirst("Stripe-Signature"), body));
            int status = refuseFirst.getAndDecrement() > 0 ? 500 : 200;
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
        endpoint.start();
        stripe.webhooks(URI.create("http://127.0.0.1:" + endpoint.getAddress().getPort() + "/webhooks/stripe"), SECRET)
                .retries(5, Duration.ofMillis(50), Duration.ofMillis(20));
    }

    @AfterEach
    void stop() {
        stripe.close();
        endpoint.stop(0);
    }

    private PaymentIntent pay() throws Exception {
        return client.v1().paymentIntents().create(PaymentIntentCreateParams.builder().setAmount(1500L).setCurrency("cny")
                .setPaymentMethod("pm_card_visa").setConfirm(true).putMetadata("order_id", "ord_9").build());
    }

    private Received awaitEvent(String type) throws InterruptedException {
        long until = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < until) {
            for (Received r : received) if (r.payload.contains("\"type\":\"" + type + "\"")) return r;
            Thread.sleep(10);
        }
        throw new AssertionError("no " + type + " delivered; got " + received.size());
    }

    private void awaitIdle() throws InterruptedException {
        long until = System.nanoTime() + 10_000_000_000L;
        while (stripe.pendingDeliveries() > 0 && System.nanoTime() < until) Thread.sleep(10);
        assertEquals(0, stripe.pendingDeliveries());
    }

    @Test
    void stripeJavaVerifiesTheSignatureAndRefusesATamperedPayload() throws Exception {
        PaymentIntent pi = pay();
        Received r = awaitEvent("payment_intent.succeeded");
        Event e = Webhook.constructEvent(r.payload, r.signature, SECRET);
        assertEquals("payment_intent.succeeded", e.getType());
        PaymentIntent inEvent = (PaymentIntent) e.getDataObjectDeserializer().deserializeUnsafe();
        assertEquals(pi.getId(), inEvent.getId());
        assertEquals("ord_9", inEvent.getMetadata().get("order_id"));
        assertTrue(e.getId().startsWith("evt_"));

        String tampered = r.payload.replace("\"amount\":1500", "\"amount\":1");
        assertTrue(!tampered.equals(r.payload));
        assertThrows(SignatureVerificationException.class, () -> Webhook.constructEvent(tampered, r.signature, SECRET));
        assertThrows(SignatureVerificationException.class, () -> Webhook.constructEvent(r.payload, r.signature, "whsec_other"));
    }

    @Test
    void theSignatureIsStripesDocumentedSchemeComputedIndependently() throws Exception {
        pay();
        Received r = awaitEvent("charge.succeeded");
        // https://docs.stripe.com/webhooks#verify-manually: t=<timestamp>,v1=<HMAC-SHA256 hex of "<timestamp>.<payload>">
        String[] parts = r.signature.split(",");
        assertEquals(2, parts.length);
        assertTrue(parts[0].startsWith("t=") && parts[1].startsWith("v1="));
        String t = parts[0].substring(2);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal((t + "." + r.payload).getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, parts[1].substring(3));
        assertTrue(Math.abs(Long.parseLong(t) - Instant.now().getEpochSecond()) < 60);
        // and stripe-java's own signer agrees with the stand-in's for the same timestamp
        assertEquals(Webhook.Util.computeHmacSha256(SECRET, t + "." + r.payload), Webhooks.sign(SECRET, t + "." + r.payload));
    }

    @Test
    void aStaleTimestampIsRefusedByStripeJava() throws Exception {
        stripe.setClock(Clock.fixed(Instant.now().minusSeconds(600), ZoneOffset.UTC));
        pay();
        Received r = awaitEvent("payment_intent.succeeded");
        assertThrows(SignatureVerificationException.class, () -> Webhook.constructEvent(r.payload, r.signature, SECRET));
        Webhook.constructEvent(r.payload, r.signature, SECRET, 900); // verifies with a tolerance wider than its age
    }

    @Test
    void aRefusedDeliveryIsRetriedWithBackoffUntilTheEndpointTakesIt() throws Exception {
        refuseFirst.set(2);
        client.v1().customers().create(com.stripe.param.CustomerCreateParams.builder().setName("t").build());
        awaitIdle();
        var attempts = stripe.deliveries();
        assertEquals(List.of(500, 500, 200), attempts.stream().map(WebhookDelivery::status).toList());
        assertEquals(List.of(1, 2, 3), attempts.stream().map(WebhookDelivery::attempt).toList());
        assertEquals(3, received.size());
        assertEquals(received.get(0).payload, received.get(2).payload); // the same event each time
    }

    @Test
    void deliveryStopsAfterTheLastAttempt() throws Exception {
        refuseFirst.set(100);
        client.v1().customers().create(com.stripe.param.CustomerCreateParams.builder().setName("t").build());
        awaitIdle();
        assertEquals(5, stripe.deliveries().size());
        assertTrue(stripe.deliveries().stream().allMatch(d -> d.status() == 500));
    }

    @Test
    void theTesterResendsAnEventOverHttpAndItIsTheSameEvent() throws Exception {
        PaymentIntent pi = pay();
        client.v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(pi.getId()).setAmount(500L).build());
        Received refunded = awaitEvent("charge.refunded");
        awaitEvent("refund.created");
        awaitIdle();
        String eventId = Webhook.constructEvent(refunded.payload, refunded.signature, SECRET).getId();
        int before = received.size();
        var http = java.net.http.HttpClient.newHttpClient();
        var answer = http.send(java.net.http.HttpRequest.newBuilder(stripe.endpoint().resolve("/local/stripe/events/" + eventId + "/redeliver"))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode());
        awaitIdle();
        assertEquals(before + 1, received.size());
        Event again = Webhook.constructEvent(received.get(before).payload, received.get(before).signature, SECRET);
        assertEquals(eventId, again.getId());
        assertEquals(eventId, client.v1().events().retrieve(eventId).getId());
    }

    /** https://docs.stripe.com/api/events/object#event_object-pending_webhooks: endpoints that have not yet taken the event. */
    @Test
    void pendingWebhooksCountsDownWhenTheEndpointTakesTheEvent() throws Exception {
        refuseFirst.set(1_000);
        String customer = client.v1().customers().create(com.stripe.param.CustomerCreateParams.builder().setName("n").build()).getId();
        Received refused = awaitEvent("customer.created");
        String eventId = Webhook.constructEvent(refused.payload, refused.signature, SECRET).getId();
        assertEquals(1L, client.v1().events().retrieve(eventId).getPendingWebhooks());
        refuseFirst.set(0);
        awaitIdle();
        assertEquals(0L, client.v1().events().retrieve(eventId).getPendingWebhooks());
        stripe.redeliver(eventId);
        awaitIdle();
        assertEquals(0L, client.v1().events().retrieve(eventId).getPendingWebhooks(), "a resend taken again counts nothing");
        assertTrue(customer.startsWith("cus_"));
    }

    @Test
    void everyKindOfEventIsRaised() throws Exception {
        pay();
        PaymentIntent declined = client.v1().paymentIntents().create(PaymentIntentCreateParams.builder().setAmount(100L).setCurrency("cny").build());
        assertThrows(com.stripe.exception.CardException.class, () -> client.v1().paymentIntents().confirm(declined.getId(),
                com.stripe.param.PaymentIntentConfirmParams.builder().setPaymentMethod("pm_card_chargeDeclined").build()));
        client.v1().paymentIntents().cancel(declined.getId());
        PaymentIntent paid = pay();
        var refund = client.v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(paid.getId()).build());
        stripe.failRefund(refund.getId());
        var customer = client.v1().customers().create(com.stripe.param.CustomerCreateParams.builder().setName("t").build());
        var sub = client.v1().subscriptions().create(com.stripe.param.SubscriptionCreateParams.builder().setCustomer(customer.getId())
                .addItem(com.stripe.param.SubscriptionCreateParams.Item.builder().setPrice("price_basic").build()).build());
        stripe.subscriptionPaymentFailed(sub.getId());
        client.v1().subscriptions().cancel(sub.getId());
        for (String type : List.of("payment_intent.succeeded", "payment_intent.payment_failed", "payment_intent.canceled", "charge.refunded",
                "refund.created", "refund.updated", "customer.subscription.created", "customer.subscription.updated",
                "customer.subscription.deleted", "invoice.payment_failed")) {
            Webhook.constructEvent(awaitEvent(type).payload, awaitEvent(type).signature, SECRET);
        }
    }
}
