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
 * Delivers events to one webhook endpoint as Stripe does (https://docs.stripe.com/webhooks): a JSON POST signed in
 * {@code Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.payload" under the endpoint secret>}
 * (https://docs.stripe.com/webhooks#verify-manually), signed afresh at each attempt; any non-2xx answer or no answer
 * is retried with exponential backoff up to a number of attempts; deliveries start after a random delay, so events
 * arrive in no guaranteed order, and a redelivery sends the same event again (at least once). At most
 * {@link #MAX_PENDING} deliveries wait at a time; beyond that an event is recorded as dropped.
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
    volatile URI url;
    volatile String secret;
    volatile int maxAttempts = 8;
    volatile Duration firstRetry = Duration.ofSeconds(1);
    volatile Duration maxJitter = Duration.ofMillis(50);

    Webhooks(Supplier<Clock> clock) { this.clock = clock; }

    /** Sends this event (its JSON as first written) to the endpoint, if one is set. */
    void deliver(String eventId, String type, String payload) {
        if (url == null || executor.isShutdown()) return;
        if (pending.incrementAndGet() > MAX_PENDING) {
            pending.decrementAndGet();
            record(new WebhookDelivery(eventId, type, 1, -1));
            return;
        }
        schedule(eventId, type, payload, 1, jitter());
    }

    private void schedule(String eventId, String type, String payload, int attempt, long delayMillis) {
        try {
            executor.schedule(() -> attempt(eventId, type, payload, attempt), delayMillis, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            pending.decrementAndGet(); // closing
        }
    }

    private void attempt(String eventId, String type, String payload, int attempt) {
        int status = 0;
        URI to = url;
        String key = secret;
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
        if ((status < 200 || status > 299) && attempt < maxAttempts && !executor.isShutdown()) {
            long backoff = firstRetry.toMillis() << Math.min(attempt - 1, 20);
            schedule(eventId, type, payload, attempt + 1, backoff + jitter());
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
