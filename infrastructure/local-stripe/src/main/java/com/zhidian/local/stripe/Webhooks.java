package com.zhidian.local.stripe;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Delivers events to webhook endpoints as Stripe does (https://docs.stripe.com/webhooks): a JSON POST signed in
 * {@code Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.payload" under the endpoint secret>}
 * (https://docs.stripe.com/webhooks#verify-manually), signed afresh at each attempt; any non-2xx answer or no answer
 * is retried with exponential backoff up to a number of attempts; deliveries start after a random delay, so events
 * arrive in no guaranteed order, and a redelivery sends the same event again (at least once). At most
 * {@link #MAX_PENDING} deliveries wait at a time; beyond that an event is recorded as dropped. Each endpoint has its
 * own secret and, like a Stripe endpoint's {@code enabled_events}, the event types it receives ({@code *} or
 * {@code payment_intent.*} style patterns).
 */
final class Webhooks implements AutoCloseable {
    static final int MAX_PENDING = 10_000;

    private final ScheduledExecutorService executor = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "stripe-local-webhooks");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicInteger pending = new AtomicInteger();
    private final List<WebhookDelivery> deliveries = new ArrayList<>();
    private final Supplier<Clock> clock;
    /** The first endpoint: every event (what {@code StripeLocal.webhooks(url, secret)} sets). */
    volatile URI url;
    volatile String secret;
    /** Further endpoints, each with the event types it is enabled for. */
    private final List<Endpoint> endpoints = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.Set<String> took = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Told of each event an endpoint took (2xx), so the event's {@code pending_webhooks} counts down. */
    volatile java.util.function.Consumer<String> delivered = id -> { };
    volatile int maxAttempts = 8;
    volatile Duration firstRetry = Duration.ofSeconds(1);
    volatile Duration maxJitter = Duration.ofMillis(50);

    Webhooks(Supplier<Clock> clock) { this.clock = clock; }

    /** An endpoint enabled for some event types: exact names, {@code prefix.*}, or {@code *}. */
    record Endpoint(URI url, String secret, List<String> enabledEvents) {
        boolean wants(String type) {
            for (String e : enabledEvents) {
                if (e.equals("*") || e.equals(type) || (e.endsWith(".*") && type.startsWith(e.substring(0, e.length() - 1)))) return true;
            }
            return false;
        }
    }

    void add(Endpoint e) { endpoints.add(e); }

    /** The endpoints an event of this type is sent to (an event's {@code pending_webhooks} when raised). */
    int endpointsFor(String type) {
        int n = url != null ? 1 : 0;
        for (Endpoint e : endpoints) if (e.wants(type)) n++;
        return n;
    }

    /** Sends this event (its JSON as first written) to every endpoint enabled for its type. */
    void deliver(String eventId, String type, String payload) {
        if (executor.isShutdown()) return;
        if (url != null) deliver(null, eventId, type, payload);
        for (Endpoint e : endpoints) if (e.wants(type)) deliver(e, eventId, type, payload);
    }

    private void deliver(Endpoint to, String eventId, String type, String payload) {
        if (pending.incrementAndGet() > MAX_PENDING) {
            pending.decrementAndGet();
            record(new WebhookDelivery(eventId, type, 1, -1));
            return;
        }
        schedule(to, eventId, type, payload, 1, jitter());
    }

    private void schedule(Endpoint to, String eventId, String type, String payload, int attempt, long delayMillis) {
        try {
            executor.schedule(() -> attempt(to, eventId, type, payload, attempt), delayMillis, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            pending.decrementAndGet(); // closing
        }
    }

    /** {@code endpoint} null: the first endpoint, as it is set at this attempt. */
    private void attempt(Endpoint endpoint, String eventId, String type, String payload, int attempt) {
        int status = 0;
        URI to = endpoint == null ? url : endpoint.url();
        String key = endpoint == null ? secret : endpoint.secret();
        if (to == null) { pending.decrementAndGet(); return; }
        try {
            long t = clock.get().instant().getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(to).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)")
                    .header("Stripe-Signature", header(key, t, payload))
                    .POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8)).build();
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException | RuntimeException e) {
            status = 0; // no answer (or an endpoint URI the client refuses): retried like any failed attempt
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        record(new WebhookDelivery(eventId, type, attempt, status));
        // counted once per endpoint, so a resend the endpoint takes again does not count for another endpoint
        if (status >= 200 && status <= 299 && took.add(eventId + " " + to)) delivered.accept(eventId);
        if ((status < 200 || status > 299) && attempt < maxAttempts && !executor.isShutdown()) {
            long backoff = firstRetry.toMillis() << Math.min(attempt - 1, 20);
            schedule(endpoint, eventId, type, payload, attempt + 1, backoff + jitter());
        } else {
            pending.decrementAndGet();
        }
    }

    private long jitter() {
        long max = maxJitter.toMillis();
        return max <= 0 ? 0 : ThreadLocalRandom.current().nextLong(max + 1);
    }

    private synchronized void record(WebhookDelivery d) { deliveries.add(d); }

    synchronized List<WebhookDelivery> deliveries() { return List.copyOf(deliveries); }

    /** Deliveries scheduled and not yet finished (tests wait for zero). */
    int pending() { return pending.get(); }

    /** The {@code Stripe-Signature} header value for a payload signed at {@code t}. */
    static String header(String secret, long t, String payload) {
        return "t=" + t + ",v1=" + sign(secret, t + "." + payload);
    }

    static String sign(String secret, String signedPayload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(signedPayload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
