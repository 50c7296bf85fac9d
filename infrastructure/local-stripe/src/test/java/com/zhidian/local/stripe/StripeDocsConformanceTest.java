package com.zhidian.local.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.PaymentIntent;
import com.stripe.param.PaymentIntentCreateParams;
import com.zhidian.local.aws.Json;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The stand-in probed as an independent client would probe Stripe: raw form-encoded HTTP and stripe-java, each test
 * naming the section of Stripe's API reference (https://docs.stripe.com/api) it holds the stand-in to.
 */
class StripeDocsConformanceTest {
    private static final String KEY = "sk_test_local";
    private final StripeLocal stripe = StripeLocal.start("127.0.0.1", 0);
    private final StripeClient client = StripeClient.builder().setApiKey(KEY).setApiBase(stripe.endpoint().toString()).build();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() { stripe.close(); }

    /** One raw call: method, path (with any query), form body or null, and extra headers as name, value pairs. */
    private HttpResponse<String> call(String method, String path, String form, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(stripe.endpoint().resolve(path)).header("Authorization", "Bearer " + KEY);
        for (int i = 0; i < headers.length; i += 2) b.setHeader(headers[i], headers[i + 1]);
        if (form != null) b.header("Content-Type", "application/x-www-form-urlencoded");
        b.method(method, form == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(form));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception { return Json.MAPPER.readTree(r.body()); }

    private static JsonNode error(HttpResponse<String> r) throws Exception { return json(r).get("error"); }

    private static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }

    // --- https://docs.stripe.com/api/errors ---

    @Test
    void errorsCarryTypeCodeParamMessageAndTheRequestLogAndEveryAnswerARequestId() throws Exception {
        var r = call("POST", "/v1/payment_intents", "amount=12.5&currency=cny");
        assertEquals(400, r.statusCode());
        JsonNode e = error(r);
        assertEquals("invalid_request_error", e.get("type").asText());
        assertEquals("parameter_invalid_integer", e.get("code").asText());
        assertEquals("amount", e.get("param").asText());
        assertEquals("Invalid integer: 12.5", e.get("message").asText());
        assertEquals("https://stripe.com/docs/error-codes/parameter-invalid-integer", e.get("doc_url").asText());
        String requestId = r.headers().firstValue("Request-Id").orElseThrow();
        assertTrue(requestId.startsWith("req_"));
        assertTrue(e.get("request_log_url").asText().startsWith("https://dashboard.stripe.com/test/logs/" + requestId + "?t="));
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElseThrow());
        var ok = call("GET", "/v1/balance_transactions", null);
        assertEquals(200, ok.statusCode());
        assertNotEquals(requestId, ok.headers().firstValue("Request-Id").orElseThrow());
    }

    @Test
    void unknownRoutesAndMethodsAre404UnrecognizedRequestUrlAfterTheKeyIsChecked() throws Exception {
        var unknown = call("GET", "/v1/nope", null);
        assertEquals(404, unknown.statusCode());
        assertEquals("invalid_request_error", error(unknown).get("type").asText());
        assertTrue(error(unknown).get("message").asText().startsWith("Unrecognized request URL (GET: /v1/nope)."));
        var unknownWithQuery = call("GET", "/v1/payouts/po_x?foo=1", null);
        assertEquals(404, unknownWithQuery.statusCode(), "an unknown route is unrecognized whatever its parameters");
        var wrongMethod = call("DELETE", "/v1/payment_intents/pi_x", null);
        assertEquals(404, wrongMethod.statusCode());
        assertTrue(error(wrongMethod).get("message").asText().startsWith("Unrecognized request URL (DELETE: /v1/payment_intents/pi_x)."));
        var noKey = http.send(HttpRequest.newBuilder(stripe.endpoint().resolve("/v1/nope")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, noKey.statusCode());
        var badKey = call("GET", "/v1/payment_intents/pi_x", null, "Authorization", "Bearer sk_live_nope");
        assertEquals(401, badKey.statusCode());
        assertEquals("api_key_invalid", error(badKey).get("code").asText());
        // Connect's Stripe-Account: no other account is reachable from this one (403, stripe-java's PermissionException)
        var connect = call("GET", "/v1/balance_transactions", null, "Stripe-Account", "acct_other");
        assertEquals(403, connect.statusCode());
        assertEquals("invalid_request_error", error(connect).get("type").asText());
        assertTrue(error(connect).get("message").asText().contains("does not have access to account 'acct_other'"));
        // Basic auth with the key as the user name, as curl -u sk_test_...: sends it
        var basic = call("GET", "/v1/balance_transactions", null, "Authorization",
                "Basic " + java.util.Base64.getEncoder().encodeToString((KEY + ":").getBytes(StandardCharsets.UTF_8)));
        assertEquals(200, basic.statusCode());
    }

    @Test
    void aRetrieveRefusesParametersItDoesNotTake() throws Exception {
        String id = json(call("POST", "/v1/payment_intents", "amount=100&currency=cny&payment_method_types[]=card")).get("id").asText();
        var r = call("GET", "/v1/payment_intents/" + id + "?foo=1", null);
        assertEquals(400, r.statusCode());
        assertEquals("parameter_unknown", error(r).get("code").asText());
        assertEquals("foo", error(r).get("param").asText());
        assertEquals(200, call("GET", "/v1/payment_intents/" + id + "?expand[]=latest_charge", null).statusCode());
    }

    // --- https://docs.stripe.com/api/payment_intents/create (amount, currency) and https://docs.stripe.com/currencies ---

    @Test
    void amountIsAPositiveIntegerOfAtMostEightDigitsAndAtLeastTheSettlementMinimum() throws Exception {
        assertEquals("This value must be greater than or equal to 1.", error(call("POST", "/v1/payment_intents", "amount=0&currency=cny")).get("message").asText());
        assertEquals("parameter_invalid_integer", error(call("POST", "/v1/payment_intents", "amount=-5&currency=cny")).get("code").asText());
        var tooLarge = call("POST", "/v1/payment_intents", "amount=100000000&currency=cny");
        assertEquals(400, tooLarge.statusCode());
        assertEquals("amount_too_large", error(tooLarge).get("code").asText());
        assertEquals("amount", error(tooLarge).get("param").asText());
        assertEquals(200, call("POST", "/v1/payment_intents", "amount=99999999&currency=cny&payment_method_types[]=card").statusCode());
        var tooSmall = call("POST", "/v1/payment_intents", "amount=49&currency=usd");
        assertEquals("amount_too_small", error(tooSmall).get("code").asText());
        assertEquals("amount", error(tooSmall).get("param").asText());
        assertEquals(200, call("POST", "/v1/payment_intents", "amount=50&currency=usd&payment_method_types[]=card").statusCode());
        assertEquals(200, call("POST", "/v1/payment_intents", "amount=1&currency=cny&payment_method_types[]=card").statusCode());
        assertEquals(3, stripe.events().size(), "the three accepted intents' payment_intent.created, nothing for the refusals");
    }

    @Test
    void currencyIsAnIsoCodeAnsweredInLowercase() throws Exception {
        assertEquals("cny", json(call("POST", "/v1/payment_intents", "amount=100&currency=CNY&payment_method_types[]=card")).get("currency").asText());
        var bad = call("POST", "/v1/payment_intents", "amount=100&currency=xyz");
        assertEquals(400, bad.statusCode());
        assertEquals("currency", error(bad).get("param").asText());
        assertEquals("currency", error(call("POST", "/v1/payment_intents", "amount=100")).get("param").asText());
    }

    @Test
    void withoutPaymentMethodTypesAutomaticPaymentMethodsIsOnAndBothAtOnceAreRefused() throws Exception {
        JsonNode pi = json(call("POST", "/v1/payment_intents", "amount=100&currency=cny"));
        assertTrue(pi.get("automatic_payment_methods").get("enabled").asBoolean());
        assertEquals("always", pi.get("automatic_payment_methods").get("allow_redirects").asText());
        assertTrue(pi.get("payment_method_types").toString().contains("card"));
        JsonNode typed = json(call("POST", "/v1/payment_intents", "amount=100&currency=cny&payment_method_types[]=card"));
        assertTrue(typed.get("automatic_payment_methods").isNull());
        assertEquals(List.of("card"), List.of(typed.get("payment_method_types").get(0).asText()));
        var both = call("POST", "/v1/payment_intents", "amount=100&currency=cny&payment_method_types[]=card&automatic_payment_methods[enabled]=true");
        assertEquals(400, both.statusCode());
        assertEquals("automatic_payment_methods", error(both).get("param").asText());
    }

    // --- https://docs.stripe.com/api/metadata ---

    @Test
    void metadataTakesFiftyKeysOfFortyCharactersAndValuesOfFiveHundred() throws Exception {
        StringBuilder fifty = new StringBuilder("amount=100&currency=cny&payment_method_types[]=card");
        for (int i = 0; i < 50; i++) fifty.append("&metadata[").append(i == 0 ? "k".repeat(40) : "k" + i).append("]=").append(i == 0 ? "v".repeat(500) : "v");
        var ok = call("POST", "/v1/payment_intents", fifty.toString());
        assertEquals(200, ok.statusCode());
        assertEquals(50, json(ok).get("metadata").size());
        int events = stripe.events().size();
        List<String> refused = List.of(
                fifty + "&metadata[k50]=v",                                                  // 51 keys
                "amount=100&currency=cny&metadata[" + "k".repeat(41) + "]=v",                 // key of 41
                "amount=100&currency=cny&metadata[k]=" + "v".repeat(501),                     // value of 501
                "amount=100&currency=cny&" + enc("metadata[a[b]") + "=v",                     // a square bracket in a key
                "amount=100&currency=cny&metadata[k][nested]=v");                            // not a string
        for (String form : refused) {
            var r = call("POST", "/v1/payment_intents", form);
            assertEquals(400, r.statusCode(), form);
            assertEquals("invalid_request_error", error(r).get("type").asText());
            assertEquals("metadata", error(r).get("param").asText(), form);
        }
        assertTrue(error(call("POST", "/v1/payment_intents", refused.get(1))).get("message").asText().startsWith("Invalid key: " + "k".repeat(41)));
        assertTrue(error(call("POST", "/v1/payment_intents", refused.get(2))).get("message").asText().startsWith("Invalid val: "));
        assertEquals(events, stripe.events().size(), "a refused request raises nothing");
    }

    // --- https://docs.stripe.com/api/customers ---

    @Test
    void aCustomerEmailIsCheckedAndLocalesUpdate() throws Exception {
        int before = stripe.events().size();
        var bad = call("POST", "/v1/customers", "email=not-an-address");
        assertEquals(400, bad.statusCode());
        assertEquals("email_invalid", error(bad).get("code").asText());
        assertEquals("email", error(bad).get("param").asText());
        assertEquals(400, call("POST", "/v1/customers", "name=x&address=flat").statusCode());
        assertEquals(before, stripe.events().size(), "refused creates leave no customer and raise nothing");
        assertEquals(0, json(call("GET", "/v1/customers", null)).get("data").size());
        JsonNode c = json(call("POST", "/v1/customers", "email=" + enc("owner@example.com") + "&preferred_locales[]=zh-CN"));
        assertEquals("zh-CN", c.get("preferred_locales").get(0).asText());
        JsonNode updated = json(call("POST", "/v1/customers/" + c.get("id").asText(), "preferred_locales[]=en"));
        assertEquals("en", updated.get("preferred_locales").get(0).asText());
        assertEquals("email_invalid", error(call("POST", "/v1/customers/" + c.get("id").asText(), "email=x@")).get("code").asText());
        assertTrue(json(call("POST", "/v1/customers/" + c.get("id").asText(), "email=")).get("email").isNull(), "an empty value unsets");
    }

    @Test
    void anUpdateOverTheMetadataLimitChangesNothing() throws Exception {
        StringBuilder form = new StringBuilder("name=Before");
        for (int i = 0; i < 50; i++) form.append("&metadata[k").append(i).append("]=v");
        String id = json(call("POST", "/v1/customers", form.toString())).get("id").asText();
        var r = call("POST", "/v1/customers/" + id, "name=After&metadata[one_more]=v");
        assertEquals(400, r.statusCode());
        assertEquals("metadata", error(r).get("param").asText());
        JsonNode c = json(call("GET", "/v1/customers/" + id, null));
        assertEquals("Before", c.get("name").asText());
        assertEquals(50, c.get("metadata").size());
        // removing one (an empty value) makes room, in the same request
        assertEquals(200, call("POST", "/v1/customers/" + id, "metadata[k0]=&metadata[one_more]=v").statusCode());
    }

    @Test
    void aRefusedSubscriptionCreateLeavesNoSubscription() throws Exception {
        String cus = json(call("POST", "/v1/customers", "name=t")).get("id").asText();
        int events = stripe.events().size();
        assertEquals("items[1][price]", error(call("POST", "/v1/subscriptions", "customer=" + cus + "&items[0][price]=price_a&items[1][price]=nope")).get("param").asText());
        assertEquals("collection_method", error(call("POST", "/v1/subscriptions", "customer=" + cus + "&items[0][price]=price_a&collection_method=cash")).get("param").asText());
        assertEquals("items[0][quantity]", error(call("POST", "/v1/subscriptions", "customer=" + cus + "&items[0][price]=price_a&items[0][quantity]=-1")).get("param").asText());
        assertEquals(0, json(call("GET", "/v1/subscriptions?status=all", null)).get("data").size());
        assertEquals(events, stripe.events().size());
    }

    @Test
    void aSubscriptionUpdateRefusedPartWayChangesNothing() throws Exception {
        String cus = json(call("POST", "/v1/customers", "name=t")).get("id").asText();
        JsonNode sub = json(call("POST", "/v1/subscriptions", "customer=" + cus + "&items[0][price]=price_basic&items[0][quantity]=1"));
        String item = sub.get("items").get("data").get(0).get("id").asText();
        int events = stripe.events().size();
        var r = call("POST", "/v1/subscriptions/" + sub.get("id").asText(),
                "items[0][id]=" + item + "&items[0][quantity]=5&items[1][id]=si_nope&items[1][quantity]=2");
        assertEquals("resource_missing", error(r).get("code").asText());
        assertEquals("items[1][id]", error(r).get("param").asText());
        JsonNode after = json(call("GET", "/v1/subscriptions/" + sub.get("id").asText(), null));
        assertEquals(1, after.get("items").get("data").get(0).get("quantity").asInt());
        assertEquals(events, stripe.events().size());
    }

    // --- https://docs.stripe.com/api/payment_intents/confirm, /cancel and the error object's payment_intent ---

    @Test
    void refusedTransitionsArePaymentIntentUnexpectedStateCarryingTheIntent() throws Exception {
        PaymentIntent paid = client.v1().paymentIntents().create(PaymentIntentCreateParams.builder().setAmount(300L).setCurrency("cny")
                .addPaymentMethodType("card").setPaymentMethod("pm_card_visa").setConfirm(true).build());
        InvalidRequestException again = assertThrows(InvalidRequestException.class, () -> client.v1().paymentIntents().confirm(paid.getId()));
        assertEquals("payment_intent_unexpected_state", again.getCode());
        assertEquals(400, again.getStatusCode());
        assertEquals(paid.getId(), again.getStripeError().getPaymentIntent().getId());
        assertEquals("succeeded", again.getStripeError().getPaymentIntent().getStatus());
        assertTrue(again.getMessage().contains("already succeeded"));
        InvalidRequestException cancel = assertThrows(InvalidRequestException.class, () -> client.v1().paymentIntents().cancel(paid.getId()));
        assertEquals("payment_intent_unexpected_state", cancel.getCode());
        assertEquals("succeeded", cancel.getStripeError().getPaymentIntent().getStatus());
        assertTrue(cancel.getStripeError().getMessage().endsWith("requires_payment_method, requires_capture, requires_confirmation, requires_action, processing."));

        PaymentIntent open = client.v1().paymentIntents().create(PaymentIntentCreateParams.builder().setAmount(300L).setCurrency("cny")
                .addPaymentMethodType("card").build());
        var badReason = call("POST", "/v1/payment_intents/" + open.getId() + "/cancel", "cancellation_reason=bored");
        assertEquals("cancellation_reason", error(badReason).get("param").asText());
        JsonNode canceled = json(call("POST", "/v1/payment_intents/" + open.getId() + "/cancel", "cancellation_reason=abandoned"));
        assertEquals("canceled", canceled.get("status").asText());
        assertEquals("abandoned", canceled.get("cancellation_reason").asText());
        var confirmCanceled = call("POST", "/v1/payment_intents/" + open.getId() + "/confirm", "payment_method=pm_card_visa");
        assertEquals("payment_intent_unexpected_state", error(confirmCanceled).get("code").asText());
        assertEquals("canceled", error(confirmCanceled).get("payment_intent").get("status").asText());
    }

    @Test
    void anIntentIsUpdatedWhileItWaitsAndRefusedOnceItSucceeded() throws Exception {
        String id = json(call("POST", "/v1/payment_intents", "amount=500&currency=cny&payment_method_types[]=card&metadata[order]=o1")).get("id").asText();
        JsonNode updated = json(call("POST", "/v1/payment_intents/" + id, "amount=650&metadata[till]=t2&payment_method=pm_card_visa"));
        assertEquals(650, updated.get("amount").asInt());
        assertEquals("o1", updated.get("metadata").get("order").asText());
        assertEquals("t2", updated.get("metadata").get("till").asText());
        assertEquals("requires_confirmation", updated.get("status").asText());
        var tooBig = call("POST", "/v1/payment_intents/" + id, "amount=100000000&description=never");
        assertEquals("amount_too_large", error(tooBig).get("code").asText());
        assertTrue(json(call("GET", "/v1/payment_intents/" + id, null)).get("description").isNull(), "a refused update changes nothing");
        assertEquals(650, json(call("POST", "/v1/payment_intents/" + id + "/confirm", "")).get("amount_received").asInt());
        var late = call("POST", "/v1/payment_intents/" + id, "amount=700");
        assertEquals(400, late.statusCode());
        assertEquals("payment_intent_unexpected_state", error(late).get("code").asText());
        assertEquals("succeeded", error(late).get("payment_intent").get("status").asText());
        assertEquals("amount", error(late).get("param").asText());
        // what describes the payment still changes after it
        JsonNode described = json(call("POST", "/v1/payment_intents/" + id, "metadata[receipt]=r9&description=paid"));
        assertEquals("r9", described.get("metadata").get("receipt").asText());
        assertEquals("succeeded", described.get("status").asText());
        assertEquals(650, described.get("amount").asInt());
    }

    // --- https://docs.stripe.com/testing#declined-payments: error code and decline code per test card ---

    @Test
    void eachDocumentedDeclineCardGivesItsErrorCodeAndDeclineCode() throws Exception {
        String[][] table = {
                {"pm_card_visa_chargeDeclined", "card_declined", "generic_decline"},
                {"pm_card_visa_chargeDeclinedInsufficientFunds", "card_declined", "insufficient_funds"},
                {"pm_card_visa_chargeDeclinedLostCard", "card_declined", "lost_card"},
                {"pm_card_visa_chargeDeclinedStolenCard", "card_declined", "stolen_card"},
                {"pm_card_chargeDeclinedExpiredCard", "expired_card", null},
                {"pm_card_chargeDeclinedIncorrectCvc", "incorrect_cvc", null},
                {"pm_card_chargeDeclinedProcessingError", "processing_error", null},
                {"pm_card_visa_chargeDeclinedVelocityLimitExceeded", "card_declined", "card_velocity_exceeded"},
                {"pm_card_radarBlock", "card_declined", "fraudulent"}};
        for (String[] row : table) {
            var r = call("POST", "/v1/payment_intents", "amount=500&currency=cny&payment_method_types[]=card&confirm=true&payment_method=" + row[0]);
            assertEquals(402, r.statusCode(), row[0]);
            JsonNode e = error(r);
            assertEquals("card_error", e.get("type").asText(), row[0]);
            assertEquals(row[1], e.get("code").asText(), row[0]);
            assertEquals(row[2], e.hasNonNull("decline_code") ? e.get("decline_code").asText() : null, row[0]);
            assertEquals("requires_payment_method", e.get("payment_intent").get("status").asText());
            assertEquals(row[1], e.get("payment_intent").get("last_payment_error").get("code").asText());
            JsonNode charge = json(call("GET", "/v1/charges/" + e.get("charge").asText(), null));
            assertEquals("failed", charge.get("status").asText());
            assertEquals(row[1], charge.get("failure_code").asText());
            String outcome = row[0].equals("pm_card_radarBlock") ? "blocked" : "issuer_declined";
            assertEquals(outcome, charge.get("outcome").get("type").asText(), row[0]);
        }
        JsonNode paid = json(call("POST", "/v1/payment_intents", "amount=500&currency=cny&payment_method_types[]=card&confirm=true&payment_method=pm_card_mastercard"));
        JsonNode charge = json(call("GET", "/v1/charges/" + paid.get("latest_charge").asText(), null));
        assertEquals("authorized", charge.get("outcome").get("type").asText());
        assertEquals("approved_by_network", charge.get("outcome").get("network_status").asText());
        assertEquals("mastercard", charge.get("payment_method_details").get("card").get("brand").asText());
        assertEquals("4444", charge.get("payment_method_details").get("card").get("last4").asText());
        // off-session, a card that needs 3D Secure fails with authentication_required (the docs' off-session sample checks err.code)
        var off = call("POST", "/v1/payment_intents", "amount=500&currency=cny&payment_method_types[]=card&confirm=true&off_session=true"
                + "&payment_method=pm_card_authenticationRequired");
        assertEquals("authentication_required", error(off).get("code").asText());
        assertEquals("authentication_required", error(off).get("decline_code").asText());
    }

    // --- https://docs.stripe.com/api/idempotent_requests ---

    @Test
    void aKeyOnAGetIsIgnoredAndKeysExpireAfter24Hours() throws Exception {
        var get1 = call("GET", "/v1/balance_transactions", null, "Idempotency-Key", "k-get");
        var get2 = call("GET", "/v1/balance_transactions", null, "Idempotency-Key", "k-get");
        assertEquals(200, get2.statusCode());
        assertTrue(get2.headers().firstValue("Idempotent-Replayed").isEmpty());
        assertTrue(get1.headers().firstValue("Idempotency-Key").isEmpty());

        Instant t0 = Instant.now();
        stripe.setClock(Clock.fixed(t0, ZoneOffset.UTC));
        String form = "amount=100&currency=cny&payment_method_types[]=card";
        var first = call("POST", "/v1/payment_intents", form, "Idempotency-Key", "k-day");
        assertEquals("k-day", first.headers().firstValue("Idempotency-Key").orElseThrow());
        stripe.setClock(Clock.fixed(t0.plus(Duration.ofHours(23)), ZoneOffset.UTC));
        var replay = call("POST", "/v1/payment_intents", form, "Idempotency-Key", "k-day");
        assertEquals("true", replay.headers().firstValue("Idempotent-Replayed").orElseThrow());
        assertEquals(first.body(), replay.body());
        var otherPath = call("POST", "/v1/customers", "name=x", "Idempotency-Key", "k-day");
        assertEquals(400, otherPath.statusCode());
        assertEquals("idempotency_error", error(otherPath).get("type").asText());
        assertTrue(error(otherPath).get("message").asText().contains("same endpoint they were first used for ('/v1/payment_intents' vs '/v1/customers')"));
        var otherParams = call("POST", "/v1/payment_intents", form + "&description=x", "Idempotency-Key", "k-day");
        assertTrue(error(otherParams).get("message").asText().startsWith("Keys for idempotent requests can only be used with the same parameters"));
        stripe.setClock(Clock.fixed(t0.plus(Duration.ofHours(24)).plusSeconds(1), ZoneOffset.UTC));
        var later = call("POST", "/v1/payment_intents", form, "Idempotency-Key", "k-day");
        assertEquals(200, later.statusCode());
        assertTrue(later.headers().firstValue("Idempotent-Replayed").isEmpty());
        assertNotEquals(json(first).get("id").asText(), json(later).get("id").asText());
    }

    // --- https://docs.stripe.com/api/pagination ---

    @Test
    void listsAreListObjectsWithLimitsOfOneToAHundred() throws Exception {
        JsonNode list = json(call("GET", "/v1/balance_transactions?limit=1", null));
        assertEquals("list", list.get("object").asText());
        assertEquals("/v1/balance_transactions", list.get("url").asText());
        assertFalse(list.get("has_more").asBoolean());
        assertEquals(0, list.get("data").size());
        for (String limit : new String[] {"0", "101", "ten"}) {
            var r = call("GET", "/v1/balance_transactions?limit=" + limit, null);
            assertEquals(400, r.statusCode(), limit);
            assertEquals("limit", error(r).get("param").asText());
        }
        assertEquals(404, call("GET", "/v1/balance_transactions?starting_after=txn_nope", null).statusCode());
    }

    /** https://docs.stripe.com/api/balance_transactions/object: pending until available_on, then available. */
    @Test
    void aBalanceTransactionBecomesAvailableOnItsDay() throws Exception {
        Instant t0 = Instant.parse("2026-12-01T10:00:00Z");
        stripe.setClock(Clock.fixed(t0, ZoneOffset.UTC));
        JsonNode pi = json(call("POST", "/v1/payment_intents",
                "amount=500&currency=cny&payment_method_types[]=card&payment_method=pm_card_visa&confirm=true&expand[]=latest_charge.balance_transaction"));
        JsonNode txn = pi.get("latest_charge").get("balance_transaction");
        assertEquals("pending", txn.get("status").asText());
        long availableOn = txn.get("available_on").asLong();
        stripe.setClock(Clock.fixed(Instant.ofEpochSecond(availableOn - 1), ZoneOffset.UTC));
        assertEquals("pending", json(call("GET", "/v1/balance_transactions/" + txn.get("id").asText(), null)).get("status").asText());
        stripe.setClock(Clock.fixed(Instant.ofEpochSecond(availableOn), ZoneOffset.UTC));
        assertEquals("available", json(call("GET", "/v1/balance_transactions", null)).get("data").get(0).get("status").asText());
        assertEquals("available", json(call("GET", "/v1/payment_intents/" + pi.get("id").asText() + "?expand[]=latest_charge.balance_transaction", null))
                .get("latest_charge").get("balance_transaction").get("status").asText());
    }

    @Test
    void endingBeforeFetchesThePreviousPage() throws Exception {
        for (int i = 1; i <= 5; i++) {
            call("POST", "/v1/payment_intents", "amount=" + (i * 100) + "&currency=cny&payment_method_types[]=card&payment_method=pm_card_visa&confirm=true");
        }
        JsonNode all = json(call("GET", "/v1/balance_transactions?limit=100", null)).get("data");
        assertEquals(5, all.size());
        assertEquals(500, all.get(0).get("amount").asInt(), "newest first");
        JsonNode previous = json(call("GET", "/v1/balance_transactions?limit=2&ending_before=" + all.get(3).get("id").asText(), null));
        assertEquals(List.of(all.get(1).get("id").asText(), all.get(2).get("id").asText()),
                List.of(previous.get("data").get(0).get("id").asText(), previous.get("data").get(1).get("id").asText()));
        assertTrue(previous.get("has_more").asBoolean(), "a newer one is left before");
        JsonNode first = json(call("GET", "/v1/balance_transactions?limit=2&ending_before=" + all.get(1).get("id").asText(), null));
        assertEquals(1, first.get("data").size());
        assertFalse(first.get("has_more").asBoolean());
        assertEquals(0, json(call("GET", "/v1/balance_transactions?ending_before=" + all.get(0).get("id").asText(), null)).get("data").size());
    }

    @Test
    void paymentIntentsChargesRefundsCustomersAndEventsListAsStripeListsWithTheirFilters() throws Exception {
        String cus = json(call("POST", "/v1/customers", "email=" + enc("a@example.com"))).get("id").asText();
        call("POST", "/v1/customers", "email=" + enc("b@example.com"));
        String paid = json(call("POST", "/v1/payment_intents", "amount=500&currency=cny&payment_method_types[]=card&customer=" + cus
                + "&payment_method=pm_card_visa&confirm=true")).get("id").asText();
        call("POST", "/v1/payment_intents", "amount=700&currency=cny&payment_method_types[]=card");
        String refund = json(call("POST", "/v1/refunds", "payment_intent=" + paid + "&amount=100")).get("id").asText();

        JsonNode pis = json(call("GET", "/v1/payment_intents?limit=1", null));
        assertEquals("list", pis.get("object").asText());
        assertEquals("/v1/payment_intents", pis.get("url").asText());
        assertEquals(1, pis.get("data").size());
        assertTrue(pis.get("has_more").asBoolean());
        assertEquals(700, pis.get("data").get(0).get("amount").asInt(), "newest first");
        JsonNode next = json(call("GET", "/v1/payment_intents?limit=1&starting_after=" + pis.get("data").get(0).get("id").asText(), null));
        assertEquals(paid, next.get("data").get(0).get("id").asText());
        assertFalse(next.get("has_more").asBoolean());
        assertEquals(paid, json(call("GET", "/v1/payment_intents?customer=" + cus, null)).get("data").get(0).get("id").asText());
        assertEquals(1, json(call("GET", "/v1/charges?payment_intent=" + paid, null)).get("data").size());
        assertEquals(refund, json(call("GET", "/v1/refunds?payment_intent=" + paid, null)).get("data").get(0).get("id").asText());
        assertEquals(cus, json(call("GET", "/v1/customers?email=" + enc("a@example.com"), null)).get("data").get(0).get("id").asText());
        JsonNode refundEvents = json(call("GET", "/v1/events?type=refund.*", null)).get("data");
        assertEquals(1, refundEvents.size());
        assertEquals("refund.created", refundEvents.get(0).get("type").asText());
        assertEquals("parameter_unknown", error(call("GET", "/v1/customers?color=red", null)).get("code").asText());

        String live = json(call("POST", "/v1/subscriptions", "customer=" + cus + "&items[0][price]=price_basic")).get("id").asText();
        String gone = json(call("POST", "/v1/subscriptions", "customer=" + cus + "&items[0][price]=price_basic")).get("id").asText();
        call("DELETE", "/v1/subscriptions/" + gone, null);
        JsonNode subs = json(call("GET", "/v1/subscriptions?customer=" + cus, null));
        assertEquals(1, subs.get("data").size(), "canceled subscriptions are left out unless asked for");
        assertEquals(live, subs.get("data").get(0).get("id").asText());
        assertEquals(2, json(call("GET", "/v1/subscriptions?status=all", null)).get("data").size());
        assertEquals(gone, json(call("GET", "/v1/subscriptions?status=canceled", null)).get("data").get(0).get("id").asText());
    }

    @Test
    void confirmTakesOffSessionAndARefusedConfirmChangesNothing() throws Exception {
        String id = json(call("POST", "/v1/payment_intents", "amount=500&currency=cny&payment_method_types[]=alipay&payment_method_types[]=card")).get("id").asText();
        var noReturnUrl = call("POST", "/v1/payment_intents/" + id + "/confirm", "payment_method_data[type]=alipay&receipt_email=" + enc("x@example.com"));
        assertEquals("return_url", error(noReturnUrl).get("param").asText());
        JsonNode untouched = json(call("GET", "/v1/payment_intents/" + id, null));
        assertTrue(untouched.get("payment_method").isNull());
        assertTrue(untouched.get("receipt_email").isNull());
        assertEquals("requires_payment_method", untouched.get("status").asText());
        // off_session on confirm: a card that needs 3D Secure cannot be authenticated, so it is declined
        var offSession = call("POST", "/v1/payment_intents/" + id + "/confirm", "payment_method=pm_card_authenticationRequired&off_session=true");
        assertEquals(402, offSession.statusCode());
        assertEquals("authentication_required", error(offSession).get("decline_code").asText());
        assertEquals(id, error(offSession).get("payment_intent").get("id").asText());
    }

    // --- https://docs.stripe.com/api/events/object ---

    @Test
    void eventsNameTheRequestAndKeyThatCausedThemAndTheEndpointsTheyGoTo() throws Exception {
        stripe.retries(1, Duration.ofMillis(10), Duration.ZERO);
        var quiet = call("POST", "/v1/customers", "name=nobody");
        String firstEvent = stripe.events().get(stripe.events().size() - 1);
        assertEquals(0, Json.MAPPER.readTree(stripe.object(firstEvent)).get("pending_webhooks").asInt(), "no endpoint: none pending");
        assertEquals(200, quiet.statusCode());

        stripe.webhooks(URI.create("http://127.0.0.1:9/nowhere"), StripeLocal.DEFAULT_WEBHOOK_SECRET)
                .webhookEndpoint(URI.create("http://127.0.0.1:9/payments"), "whsec_other", List.of("payment_intent.*"));
        var r = call("POST", "/v1/payment_intents", "amount=100&currency=cny&payment_method_types[]=card", "Idempotency-Key", "k-evt");
        JsonNode e = Json.MAPPER.readTree(stripe.object(stripe.events().get(stripe.events().size() - 1)));
        assertEquals("payment_intent.created", e.get("type").asText());
        assertTrue(e.get("id").asText().startsWith("evt_"));
        assertEquals("event", e.get("object").asText());
        assertEquals("2026-07-29.dahlia", e.get("api_version").asText());
        assertTrue(e.get("created").isIntegralNumber());
        assertFalse(e.get("livemode").asBoolean());
        assertEquals(2, e.get("pending_webhooks").asInt());
        assertEquals(json(r).get("id").asText(), e.get("data").get("object").get("id").asText());
        assertEquals(r.headers().firstValue("Request-Id").orElseThrow(), e.get("request").get("id").asText());
        assertEquals("k-evt", e.get("request").get("idempotency_key").asText());
        assertNull(e.get("data").get("previous_attributes"));

        String cus = json(call("POST", "/v1/customers", "name=a")).get("id").asText();
        call("POST", "/v1/customers/" + cus, "name=b");
        JsonNode updated = Json.MAPPER.readTree(stripe.object(stripe.events().get(stripe.events().size() - 1)));
        assertEquals("customer.updated", updated.get("type").asText());
        assertEquals(1, updated.get("pending_webhooks").asInt(), "the payments endpoint is not enabled for customer.*");
        assertEquals("a", updated.get("data").get("previous_attributes").get("name").asText());
        assertTrue(updated.get("request").get("idempotency_key").isNull());
    }
}
