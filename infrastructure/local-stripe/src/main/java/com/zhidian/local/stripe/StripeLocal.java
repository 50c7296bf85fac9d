package com.zhidian.local.stripe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zhidian.local.aws.Json;
import com.zhidian.local.faults.FaultSwitch;
import com.zhidian.local.faults.Faultable;
import com.zhidian.local.http.Http11Reader;
import com.zhidian.local.http.Http11Server;
import com.zhidian.local.http.Http11Writer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * Zhidian Local's Stripe stand-in: the endpoints stripe-java calls for PaymentIntents, Refunds, Customers,
 * Subscriptions and Balance Transactions (https://docs.stripe.com/api), form-encoded in and JSON out, with a test
 * secret key ({@code Authorization: Bearer sk_test_...}), {@code Idempotency-Key} as Stripe documents it
 * ({@link Idempotency}), Stripe's error object, and signed webhooks ({@link Webhooks}). Outcomes are chosen as with
 * Stripe's test payment methods; the tester completes WeChat Pay / Alipay payments and triggers failures and
 * redeliveries through {@code /local/stripe/...} (no key needed) or the methods below.
 */
public final class StripeLocal implements Faultable, AutoCloseable {
    /** The webhook secret Zhidian Local's gateway verifies with unless told otherwise. */
    public static final String DEFAULT_WEBHOOK_SECRET = "whsec_zhidian_local_0123456789abcdef";
    private static final int MAX_BODY = 256 * 1024;

    private final Http11Server server;
    private final Store store = new Store();
    private final Payments payments;
    private final Ledger ledger = new Ledger(store);
    private final Billing billing = new Billing(store);
    private final Lists lists = new Lists(store);
    private final Idempotency idempotency = new Idempotency();
    /** API key and Idempotency-Key of the POSTs being answered now, or waiting for the lock to be. */
    private final java.util.Set<String> inFlight = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Webhooks webhooks = new Webhooks(() -> store.clock);
    private final FaultSwitch faults = new FaultSwitch();

    private StripeLocal(String host, int port) throws IOException {
        server = new Http11Server(host, port, 64, "stripe-local", MAX_BODY, this::answer);
        payments = new Payments(store, () -> endpoint().toString());
        webhooks.secret = DEFAULT_WEBHOOK_SECRET;
        store.endpointsFor = webhooks::endpointsFor;
        webhooks.delivered = this::delivered;
        store.events = e -> webhooks.deliver(e.get("id").asText(), e.get("type").asText(), Json.write(e));
    }

    /** Starts the stand-in; port 0 picks a free one. */
    public static StripeLocal start(String host, int port) {
        try {
            return new StripeLocal(host, port);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the Stripe stand-in on port " + port + ": " + e.getMessage(), e);
        }
    }

    /** The API base for {@code StripeClient.builder().setApiBase(...)}: requests go to {@code <endpoint>/v1/...}. */
    public URI endpoint() { return URI.create("http://localhost:" + server.port()); }

    /** Where events are POSTed (e.g. the gateway's {@code /webhooks/stripe}) and the endpoint secret that signs them. */
    public StripeLocal webhooks(URI url, String secret) {
        webhooks.url = url;
        webhooks.secret = secret;
        return this;
    }

    /**
     * A further webhook endpoint with its own secret, receiving only the event types it is enabled for (Stripe's
     * {@code enabled_events}: exact types, {@code invoice.*}, or {@code *}), as a Stripe account with several endpoints.
     */
    public StripeLocal webhookEndpoint(URI url, String secret, List<String> enabledEvents) {
        webhooks.add(new Webhooks.Endpoint(url, secret, List.copyOf(enabledEvents)));
        return this;
    }

    /** Retry policy: attempts in all, the first retry's delay (doubling after), the most a delivery waits at random first. */
    public StripeLocal retries(int maxAttempts, Duration firstRetry, Duration maxJitter) {
        webhooks.maxAttempts = maxAttempts;
        webhooks.firstRetry = firstRetry;
        webhooks.maxJitter = maxJitter;
        return this;
    }

    /** Every delivery attempt so far, in the order they finished. */
    public List<WebhookDelivery> deliveries() { return webhooks.deliveries(); }

    /** Deliveries still waiting or being retried. */
    public int pendingDeliveries() { return webhooks.pending(); }

    /** The JSON of a stored object (payment_intent, charge, refund, event, ...), or null. */
    public synchronized String object(String id) {
        ObjectNode o = store.objects.get(id);
        return o == null ? null : Json.write(o);
    }

    /** The tester completes a payment waiting in requires_action (WeChat Pay, Alipay, 3D Secure); returns its JSON. */
    public synchronized String succeed(String paymentIntentId) { return tester(() -> payments.complete(paymentIntentId, true)); }

    /** The tester fails a payment waiting in requires_action: it goes back to requires_payment_method. */
    public synchronized String fail(String paymentIntentId) { return tester(() -> payments.complete(paymentIntentId, false)); }

    /** The tester makes a subscription's renewal fail: {@code past_due}, {@code invoice.payment_failed}. */
    public synchronized String subscriptionPaymentFailed(String subscriptionId) { return tester(() -> billing.paymentFailed(subscriptionId)); }

    /** The tester fails a refund that had succeeded (the bank returned it): {@code refund.updated}, {@code refund.failed}. */
    public synchronized String failRefund(String refundId) { return tester(() -> ledger.failRefund(refundId)); }

    /** A tester's change, as JSON; a change the object's state refuses (or an unknown id) is an IllegalStateException with Stripe's words. */
    private static String tester(java.util.function.Supplier<ObjectNode> change) {
        try {
            return Json.write(change.get());
        } catch (StripeError e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The ids of the events raised so far, oldest first. */
    public synchronized List<String> events() {
        return store.all("event").stream().map(e -> e.get("id").asText()).toList();
    }

    /** An endpoint took this event: one fewer {@code pending_webhooks} (https://docs.stripe.com/api/events/object). */
    private synchronized void delivered(String eventId) {
        ObjectNode e = store.objects.get(eventId);
        if (e != null && e.path("pending_webhooks").asInt() > 0) e.put("pending_webhooks", e.get("pending_webhooks").asInt() - 1);
    }

    /** The tester sends an event again, as Stripe's "Resend" does. */
    public void redeliver(String eventId) {
        String json, type;
        synchronized (this) {
            ObjectNode e = store.objects.get(eventId);
            if (e == null || !"event".equals(e.path("object").asText())) throw new IllegalStateException("No such event: '" + eventId + "'");
            json = Json.write(e);
            type = e.get("type").asText();
        }
        webhooks.deliver(eventId, type, json);
    }

    /** While true every API call is 503 {@code api_error}, as during a Stripe outage (the tester's endpoints still answer). */
    @Override
    public void setUnavailable(boolean unavailable) { faults.setUnavailable(unavailable); }

    /** Every API call waits this long first. */
    @Override
    public void setLatency(Duration latency) { faults.setLatency(latency); }

    public Clock clock() { return store.clock; }

    /** Replaces the clock that dates objects and signs webhooks (tests). */
    public void setClock(Clock clock) { store.clock = clock; }

    private boolean answer(Socket socket, Http11Reader.Head head, byte[] body, boolean close, OutputStream out) throws IOException {
        String target = head.target();
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        String query = q < 0 ? null : target.substring(q + 1);
        Reply r;
        String requestId = Store.id("req");
        try {
            if (body.length > MAX_BODY) throw StripeError.invalid("The request body is too large.", null, null);
            String form = head.method().equals("POST") ? new String(body, StandardCharsets.UTF_8) : query;
            r = path.startsWith("/local/stripe/") ? tester(head.method(), path) : api(head, path, form, requestId);
        } catch (StripeError e) {
            r = new Reply(e.status, e.body(requestId), false);
        } catch (RuntimeException e) {
            r = new Reply(500, new StripeError(500, "api_error", null, "The stand-in failed: " + e, null).body(requestId), false);
        }
        String type = r.html ? "text/html; charset=utf-8" : "application/json";
        StringBuilder h = new StringBuilder(Http11Writer.statusLine(r.status))
                .append("Content-Type: ").append(type).append("\r\nContent-Length: ").append(r.body.length)
                .append("\r\nRequest-Id: ").append(r.requestId == null ? requestId : r.requestId)
                .append("\r\nStripe-Version: ").append(store.apiVersion).append("\r\n");
        if (r.idempotencyKey != null) h.append("Idempotency-Key: ").append(r.idempotencyKey).append("\r\n");
        if (r.replayed) h.append("Idempotent-Replayed: true\r\n");
        if (close) h.append("Connection: close\r\n");
        Http11Writer.write(out, h.append("\r\n").toString(), r.body, r.body.length);
        return true;
    }

    /** One answer: status, bytes, and the headers that vary. */
    static final class Reply {
        final int status;
        final byte[] body;
        final boolean html;
        String requestId;
        String idempotencyKey;
        boolean replayed;

        Reply(int status, byte[] body, boolean html) {
            this.status = status;
            this.body = body;
            this.html = html;
        }
    }

    private Reply api(Http11Reader.Head head, String path, String encoded, String requestId) {
        faults.pause();
        if (faults.unavailable()) {
            throw new StripeError(503, "api_error", null, "The Stripe stand-in is unavailable (a fault injected by the tester).", null);
        }
        String key = apiKey(head.headers().getFirst("Authorization"));
        String account = head.headers().getFirst("Stripe-Account");
        if (account != null) {
            // Connect is not modelled: the one account here gives no access to another, as Stripe answers a key without it
            throw new StripeError(403, "invalid_request_error", null, "The provided key '" + masked(key) + "' does not have access to account '"
                    + account + "' (or that account does not exist). Application access may have been revoked.", null);
        }
        String version = head.headers().getFirst("Stripe-Version");
        if (version != null && !version.matches("\\d{4}-\\d{2}-\\d{2}(\\.[a-z]+)?")) {
            throw StripeError.invalid("Invalid Stripe API version: " + version, null, null);
        }
        String idemKey = head.headers().getFirst("Idempotency-Key");
        if (idemKey != null && idemKey.length() > 255) {
            throw StripeError.invalid("Idempotency-Key must be at most 255 characters.", null, null);
        }
        Form form = Form.parse(encoded);
        String method = head.method();
        String running = method.equals("POST") && idemKey != null ? key + "\n" + idemKey : null;
        if (running != null && !inFlight.add(running)) {
            // https://docs.stripe.com/error-codes/idempotency-key-in-use: a copy sent while the first is still going through
            throw new StripeError(409, "invalid_request_error", "idempotency_key_in_use", "There is currently another in-progress request "
                    + "using this Idempotent Key (that probably means you submitted twice, and the other request is still going through): "
                    + idemKey + ". Please try again later.", null);
        }
        try {
            return respond(key, idemKey, method, path, form, requestId);
        } finally {
            if (running != null) inFlight.remove(running);
        }
    }

    /** True while a POST with this Idempotency-Key is being answered or waits to be (tests). */
    boolean inFlight(String idempotencyKey) {
        return inFlight.stream().anyMatch(k -> k.endsWith("\n" + idempotencyKey));
    }

    private Reply respond(String key, String idemKey, String method, String path, Form form, String requestId) {
        Reply r;
        synchronized (this) {
            if (method.equals("POST") && idemKey != null) {
                Idempotency.Saved saved = idempotency.find(key, idemKey, method + " " + path + " " + form.fingerprint, store.clock.instant());
                if (saved != null) {
                    r = new Reply(saved.status(), saved.body(), false);
                    r.replayed = true;
                    r.idempotencyKey = idemKey;
                    r.requestId = requestId;
                    return r;
                }
            }
            store.requestId = requestId;
            store.idempotencyKey = method.equals("POST") ? idemKey : null;
            try {
                r = new Reply(200, Json.bytes(Expand.apply(store, route(method, path, form), form.strings("expand"))), false);
            } catch (StripeError e) {
                r = new Reply(e.status, e.body(requestId), false);
                if (!e.savedForReplay()) idemKey = null;
            } finally {
                store.requestId = null;
                store.idempotencyKey = null;
            }
            if (method.equals("POST") && idemKey != null) {
                idempotency.save(key, idemKey, method + " " + path + " " + form.fingerprint, r.status, r.body, store.clock.instant());
            }
        }
        r.requestId = requestId;
        r.idempotencyKey = method.equals("POST") ? idemKey : null;
        return r;
    }

    /** The endpoints, by method and path (https://docs.stripe.com/api). */
    private ObjectNode route(String method, String path, Form f) {
        String[] p = path.split("/");
        if (p.length < 3 || !p[1].equals("v1")) throw unknown(method, path);
        String res = p[2], id = p.length > 3 ? p[3] : null, verb = p.length > 4 ? p[4] : null;
        if (p.length > 5) throw unknown(method, path);
        String call = method + " " + res + (id == null ? "" : " {id}") + (verb == null ? "" : " " + verb);
        // a retrieve takes expand[] (and an intent its client_secret); anything else is parameter_unknown, as on Stripe
        if (method.equals("GET") && id != null && verb == null && RETRIEVABLE.contains(res)) f.allow("client_secret");
        return switch (call) {
            case "POST payment_intents" -> payments.create(f);
            case "GET payment_intents" -> lists.list("payment_intents", "payment_intent", f, "customer");
            case "GET payment_intents {id}" -> payments.retrieve(id);
            case "POST payment_intents {id}" -> payments.update(id, f);
            case "POST payment_intents {id} confirm" -> payments.confirm(id, f);
            case "POST payment_intents {id} cancel" -> payments.cancel(id, f);
            case "POST setup_intents" -> payments.createSetupIntent(f);
            case "GET setup_intents {id}" -> payments.retrieveSetupIntent(id);
            case "GET payment_methods {id}" -> store.get(id, "payment_method", "PaymentMethod", "payment_method");
            case "GET charges" -> lists.list("charges", "charge", f, "customer", "payment_intent");
            case "GET charges {id}" -> store.get(id, "charge", "charge", "id");
            case "POST refunds" -> ledger.createRefund(f);
            case "GET refunds" -> lists.list("refunds", "refund", f, "charge", "payment_intent");
            case "GET refunds {id}" -> ledger.refund(id);
            case "GET balance_transactions" -> ledger.listTransactions(f);
            case "GET balance_transactions {id}" -> ledger.transaction(id);
            case "POST customers" -> billing.createCustomer(f);
            case "GET customers" -> lists.list("customers", "customer", f, "email");
            case "GET customers {id}" -> billing.customer(id);
            case "POST customers {id}" -> billing.updateCustomer(id, f);
            case "POST subscriptions" -> billing.createSubscription(f);
            case "GET subscriptions" -> lists.subscriptions(f);
            case "GET subscriptions {id}" -> billing.subscription(id);
            case "POST subscriptions {id}" -> billing.updateSubscription(id, f);
            case "DELETE subscriptions {id}" -> billing.cancelSubscription(id, f);
            case "GET events" -> lists.list("events", "event", f, "type");
            case "GET events {id}" -> store.get(id, "event", "event", "id");
            default -> throw unknown(method, path);
        };
    }

    /** The resources answering {@code GET /v1/<resource>/{id}}. */
    private static final java.util.Set<String> RETRIEVABLE = java.util.Set.of("payment_intents", "setup_intents", "payment_methods", "charges",
            "refunds", "balance_transactions", "customers", "subscriptions", "events");

    private static StripeError unknown(String method, String path) {
        return new StripeError(404, "invalid_request_error", null, "Unrecognized request URL (" + method + ": " + path
                + "). The Stripe stand-in serves PaymentIntents, SetupIntents, Refunds, Customers, Subscriptions, Balance Transactions and Events.", null);
    }

    /** The secret key from {@code Bearer <key>} or Basic auth ({@code <key>:}); a test key is required. */
    private static String apiKey(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw new StripeError(401, "invalid_request_error", null, "You did not provide an API key. You need to provide your API key in the "
                    + "Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').", null);
        }
        String key = authorization.trim();
        if (key.regionMatches(true, 0, "Bearer ", 0, 7)) {
            key = key.substring(7).trim();
        } else if (key.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                key = new String(Base64.getDecoder().decode(key.substring(6).trim()), StandardCharsets.UTF_8).split(":", 2)[0];
            } catch (IllegalArgumentException e) {
                key = "";
            }
        }
        if (!key.startsWith("sk_test_") && !key.startsWith("rk_test_")) {
            throw new StripeError(401, "invalid_request_error", "api_key_invalid", "Invalid API Key provided: " + masked(key)
                    + ". The Stripe stand-in takes test keys only (sk_test_...).", null);
        }
        return key;
    }

    /** A key as Stripe shows it in a message: its prefix, the rest starred. */
    private static String masked(String key) {
        return key.length() > 8 ? key.substring(0, 8) + "*".repeat(Math.min(20, key.length() - 8)) : key;
    }

    /** The tester's endpoints: complete or fail a payment, fail a refund or a renewal, resend an event. */
    private Reply tester(String method, String path) {
        String[] p = path.split("/");
        if (p.length == 5 && method.equals("GET") && p[3].equals("payment_intents")) return new Reply(200, TesterPage.html(object(p[4]), p[4]), true);
        if (p.length != 6 || !method.equals("POST")) throw unknown(method, path);
        String id = p[4];
        String json;
        synchronized (this) {
            json = switch (p[3] + " " + p[5]) {
                case "payment_intents succeed" -> Json.write(payments.complete(id, true));
                case "payment_intents fail" -> Json.write(payments.complete(id, false));
                case "refunds fail" -> Json.write(ledger.failRefund(id));
                case "subscriptions payment_failed" -> Json.write(billing.paymentFailed(id));
                case "events redeliver" -> null;
                default -> throw unknown(method, path);
            };
        }
        if (json == null) {
            synchronized (this) {
                store.get(id, "event", "event", "id");
            }
            redeliver(id);
            json = object(id);
        }
        return new Reply(200, json.getBytes(StandardCharsets.UTF_8), false);
    }

    @Override
    public void close() {
        server.close();
        webhooks.close();
    }
}
