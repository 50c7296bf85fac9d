package com.zhidian.local.stripe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zhidian.local.aws.Json;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * PaymentIntents (https://docs.stripe.com/api/payment_intents) and the charges and balance transactions a payment
 * leaves. The outcome of a confirmation is chosen as with Stripe's test payment methods
 * (https://docs.stripe.com/testing): {@code pm_card_visa} and other {@code pm_card_*} succeed,
 * {@code pm_card_chargeDeclined} / {@code pm_card_visa_chargeDeclined} are declined (402 {@code card_declined}),
 * {@code pm_card_authenticationRequired} / {@code pm_card_threeDSecure2Required} need action, and WeChat Pay and
 * Alipay wait in {@code requires_action} until a tester completes or fails them ({@link #complete}).
 */
final class Payments {
    static final Set<String> TYPES = Set.of("card", "wechat_pay", "alipay");
    private static final Set<String> WECHAT_CLIENTS = Set.of("android", "ios", "web");
    /** In the order Stripe's message lists them (https://docs.stripe.com/api/payment_intents/cancel); processing never lasts here. */
    private static final List<String> CANCELABLE = List.of("requires_payment_method", "requires_capture", "requires_confirmation", "requires_action", "processing");
    private static final Set<String> CANCEL_REASONS = Set.of("duplicate", "fraudulent", "requested_by_customer", "abandoned");

    private final Store store;
    private final Supplier<String> base;
    /** The outcome each test card's PaymentMethod stands for (kept off the object, which Stripe would not show). */
    private final java.util.Map<String, String> outcomes = new java.util.HashMap<>();

    Payments(Store store, Supplier<String> base) {
        this.store = store;
        this.base = base;
    }

    ObjectNode create(Form f) {
        f.allow("amount", "currency", "payment_method_types", "payment_method", "payment_method_data", "payment_method_options",
                "automatic_payment_methods", "confirm", "customer", "description", "metadata", "receipt_email", "return_url",
                "statement_descriptor", "statement_descriptor_suffix", "capture_method", "setup_future_usage", "off_session");
        long asked = positive(f.integer("amount"), "amount");
        String currency = currency(f.required("currency"));
        long amount = chargeable(asked, currency);
        ObjectNode metadata = Store.metadata(f.params.get("metadata"));
        if (f.string("capture_method") != null && !f.string("capture_method").startsWith("automatic")) {
            throw StripeError.invalid("The stand-in captures automatically only.", "parameter_invalid_string", "capture_method");
        }
        String customer = f.string("customer");
        if (customer != null) store.get(customer, "customer", "customer", "customer");
        ObjectNode apm = f.object("automatic_payment_methods");
        List<String> types = f.strings("payment_method_types");
        if (apm != null && apm.path("enabled").asText().equals("true") && !types.isEmpty()) {
            throw StripeError.invalid("You may only specify one of these parameters: automatic_payment_methods, payment_method_types.", null, "automatic_payment_methods");
        }
        // since API version 2023-08-16 automatic_payment_methods is enabled unless payment_method_types is given
        // (https://docs.stripe.com/upgrades#2023-08-16); the stand-in's "Dashboard" offers every type it knows
        boolean automatic = types.isEmpty() && (apm == null || !apm.path("enabled").asText().equals("false"));
        String redirects = apm == null ? "always" : apm.path("allow_redirects").asText("always");
        if (!redirects.equals("always") && !redirects.equals("never")) {
            throw StripeError.invalid("Invalid automatic_payment_methods[allow_redirects]: must be one of always or never", "parameter_invalid_string", "automatic_payment_methods[allow_redirects]");
        }
        for (String t : types) {
            if (!TYPES.contains(t)) throw StripeError.invalid("The payment method type \"" + t + "\" is invalid. The stand-in knows " + TYPES + ".", "payment_method_invalid_parameter", "payment_method_types");
        }
        var typesNode = Json.MAPPER.createArrayNode();
        (types.isEmpty() ? (automatic ? List.copyOf(TYPES) : List.of("card")) : types).forEach(typesNode::add);
        // everything that can refuse the request is checked before the intent exists, so a refusal leaves nothing behind
        ObjectNode pm = f.string("payment_method") != null || f.object("payment_method_data") != null ? paymentMethod(f, typesNode) : null;
        if (f.params.has("off_session") && !f.bool("confirm")) {
            // https://docs.stripe.com/api/payment_intents/create#create_payment_intent-off_session: "can only be used with confirm=true"
            throw StripeError.invalid("off_session can only be used with confirm=true.", "parameter_invalid_empty", "off_session");
        }
        ObjectNode options = methodOptions(f, Json.object());
        if (f.bool("confirm")) {
            if (pm == null) throw StripeError.unexpectedState("You cannot confirm this PaymentIntent because it's missing a payment method. "
                    + "To confirm the PaymentIntent with a test card, pass payment_method=pm_card_visa.");
            if (pm.get("type").asText().equals("alipay") && f.string("return_url") == null) throw alipayNeedsReturnUrl();
            if (pm.get("type").asText().equals("wechat_pay") && !options.has("wechat_pay")) throw wechatPayNeedsClient();
        }
        ObjectNode pi = store.create("pi", "payment_intent", metadata);
        pi.put("amount", amount);
        pi.put("amount_capturable", 0);
        pi.put("amount_received", 0);
        if (automatic) pi.putObject("automatic_payment_methods").put("allow_redirects", redirects).put("enabled", true); else pi.putNull("automatic_payment_methods");
        pi.set("payment_method_types", typesNode);
        pi.putNull("canceled_at");
        pi.putNull("cancellation_reason");
        pi.put("capture_method", "automatic_async");
        pi.put("client_secret", pi.get("id").asText() + "_secret_" + Store.id("s").substring(2));
        pi.put("confirmation_method", "automatic");
        pi.put("currency", currency);
        put(pi, "customer", customer);
        put(pi, "description", f.string("description"));
        pi.putNull("last_payment_error");
        pi.putNull("latest_charge");
        pi.putNull("next_action");
        pi.putNull("payment_method");
        put(pi, "receipt_email", f.string("receipt_email"));
        pi.set("payment_method_options", options);
        pi.put("status", "requires_payment_method");
        store.event("payment_intent.created", pi, null);
        if (pm != null) {
            pi.put("payment_method", pm.get("id").asText());
            pi.put("status", "requires_confirmation");
        }
        if (f.bool("off_session")) pi.put("off_session", true);
        if (f.bool("confirm")) return confirm(pi, f, false);
        return pi;
    }

    /**
     * SetupIntents (https://docs.stripe.com/api/setup_intents): a card saved on a customer for later payments without
     * the customer ({@code usage} off_session, the default). Confirmed at once with a test card: succeeded (the
     * PaymentMethod is attached to the customer), declined (402 {@code card_declined}, the SetupIntent back in
     * requires_payment_method), or requires_action for a card that needs 3D Secure.
     */
    ObjectNode createSetupIntent(Form f) {
        f.allow("customer", "payment_method", "payment_method_types", "confirm", "usage", "description", "metadata", "return_url");
        String customer = f.string("customer");
        if (customer != null) store.get(customer, "customer", "customer", "customer");
        String usage = f.string("usage") == null ? "off_session" : f.string("usage");
        if (!usage.equals("off_session") && !usage.equals("on_session")) {
            throw StripeError.invalid("Invalid usage: must be one of off_session or on_session", "parameter_invalid_string", "usage");
        }
        var types = Json.MAPPER.createArrayNode().add("card");
        ObjectNode metadata = Store.metadata(f.params.get("metadata"));
        ObjectNode pm = f.string("payment_method") != null ? paymentMethod(f, types) : null;
        if (f.bool("confirm") && pm == null) {
            throw StripeError.unexpectedState("You cannot confirm this SetupIntent because it's missing a payment method.");
        }
        ObjectNode si = store.create("seti", "setup_intent", metadata);
        si.put("client_secret", si.get("id").asText() + "_secret_" + Store.id("s").substring(2));
        put(si, "customer", customer);
        put(si, "description", f.string("description"));
        si.putNull("last_setup_error");
        si.putNull("next_action");
        si.set("payment_method_types", types);
        si.put("usage", usage);
        si.putNull("payment_method");
        si.put("status", "requires_payment_method");
        if (pm != null) {
            si.put("payment_method", pm.get("id").asText());
            si.put("status", "requires_confirmation");
        }
        store.event("setup_intent.created", si, null);
        if (!f.bool("confirm")) return si;
        String outcome = outcomes.getOrDefault(pm.get("id").asText(), "succeed");
        if (outcome.startsWith("decline")) {
            TestCards.Decline d = TestCards.Decline.of(outcome.substring("decline:".length()));
            StripeError e = new StripeError(402, "card_error", d.code(), d.message(), null);
            if (d.declineCode() != null) e.error.put("decline_code", d.declineCode());
            e.error.set("payment_method", pm.deepCopy());
            si.set("last_setup_error", e.error.deepCopy());
            si.putNull("payment_method");
            si.put("status", "requires_payment_method");
            e.error.set("setup_intent", si.deepCopy());
            store.event("setup_intent.setup_failed", si, null);
            throw e;
        }
        if (outcome.equals("action")) {
            si.put("status", "requires_action");
            si.putObject("next_action").put("type", "use_stripe_sdk");
            store.event("setup_intent.requires_action", si, null);
            return si;
        }
        if (customer != null) pm.put("customer", customer);
        // a card that attaches but whose later charges fail (4000 0000 0000 0341) fails from now on
        if (outcome.equals("succeed") && outcomes.containsKey(pm.get("id").asText() + ":after_attach")) {
            outcomes.put(pm.get("id").asText(), outcomes.get(pm.get("id").asText() + ":after_attach"));
        }
        si.put("status", "succeeded");
        store.event("setup_intent.succeeded", si, null);
        return si;
    }

    ObjectNode retrieveSetupIntent(String id) { return store.get(id, "setup_intent", "setup_intent", "intent"); }

    ObjectNode retrieve(String id) { return store.get(id, "payment_intent", "payment_intent", "intent"); }

    /**
     * POST /v1/payment_intents/{id} (https://docs.stripe.com/api/payment_intents/update): amount, currency, description,
     * metadata, receipt_email, the payment method and its types, while the intent still waits for them; a new payment
     * method makes it {@code requires_confirmation}. Once it succeeded or was canceled only its metadata, description
     * and receipt_email change; the amount, currency or payment method is refused ({@code payment_intent_unexpected_state}).
     * Stripe raises no event for an update.
     */
    ObjectNode update(String id, Form f) {
        f.allow("amount", "currency", "description", "metadata", "receipt_email", "payment_method", "payment_method_types");
        ObjectNode pi = retrieve(id);
        String status = pi.get("status").asText();
        if (!status.equals("requires_payment_method") && !status.equals("requires_confirmation") && !status.equals("requires_action")) {
            for (String field : new String[] {"amount", "currency", "payment_method", "payment_method_types"}) {
                if (!f.params.has(field)) continue;
                StripeError e = StripeError.unexpectedState("This PaymentIntent's " + field + " could not be updated because it has a status of " + status
                        + ". You may only update the " + field + " of a PaymentIntent with one of the following statuses: requires_payment_method, "
                        + "requires_confirmation, requires_action.", pi);
                e.error.put("param", field);
                throw e;
            }
        }
        String currency = f.string("currency") == null ? pi.get("currency").asText() : currency(f.string("currency"));
        Long amount = f.integer("amount");
        if (amount != null || f.string("currency") != null) chargeable(positive(amount == null ? pi.get("amount").asLong() : amount, "amount"), currency);
        List<String> types = f.strings("payment_method_types");
        for (String t : types) {
            if (!TYPES.contains(t)) throw StripeError.invalid("The payment method type \"" + t + "\" is invalid. The stand-in knows " + TYPES + ".", "payment_method_invalid_parameter", "payment_method_types");
        }
        var typesNode = Json.MAPPER.createArrayNode();
        types.forEach(typesNode::add);
        ObjectNode merged = pi.deepCopy();
        if (f.params.has("metadata")) Store.mergeMetadata(merged, f.params.get("metadata"));
        ObjectNode pm = f.string("payment_method") == null ? null : paymentMethod(f, types.isEmpty() ? pi.get("payment_method_types") : typesNode);
        // every check passed: apply
        if (amount != null) pi.put("amount", amount);
        pi.put("currency", currency);
        if (f.string("description") != null) put(pi, "description", f.string("description").isEmpty() ? null : f.string("description"));
        if (f.string("receipt_email") != null) put(pi, "receipt_email", f.string("receipt_email").isEmpty() ? null : f.string("receipt_email"));
        if (!types.isEmpty()) { pi.set("payment_method_types", typesNode); pi.putNull("automatic_payment_methods"); }
        pi.set("metadata", merged.get("metadata"));
        if (pm != null) {
            pi.put("payment_method", pm.get("id").asText());
            pi.put("status", "requires_confirmation");
            pi.putNull("next_action");
        }
        return pi;
    }

    ObjectNode confirm(String id, Form f) {
        f.allow("payment_method", "payment_method_data", "payment_method_options", "return_url", "receipt_email", "setup_future_usage", "off_session");
        f.bool("off_session"); // a bad value is refused before anything changes
        return confirm(retrieve(id), f, true);
    }

    /** {@code takeMethod}: the request's payment method is still to be read (a confirm call, not a create). */
    private ObjectNode confirm(ObjectNode pi, Form f, boolean takeMethod) {
        String status = pi.get("status").asText();
        if (status.equals("succeeded")) {
            throw StripeError.unexpectedState("You cannot confirm this PaymentIntent because it has already succeeded after being previously confirmed.", pi);
        }
        if (!status.equals("requires_payment_method") && !status.equals("requires_confirmation")) {
            throw StripeError.unexpectedState("You cannot confirm this PaymentIntent because it has a status of " + status
                    + ". Only a PaymentIntent with one of the following statuses may be confirmed: requires_confirmation, requires_payment_method.", pi);
        }
        // every refusal comes before the first change, so a refused confirm leaves the intent as it was
        String pmId = takeMethod && (f.string("payment_method") != null || f.object("payment_method_data") != null)
                ? paymentMethod(f, pi.get("payment_method_types")).get("id").asText()
                : pi.get("payment_method").isNull() ? null : pi.get("payment_method").asText();
        if (pmId == null) {
            throw StripeError.unexpectedState("You cannot confirm this PaymentIntent because it's missing a payment method. "
                    + "To confirm the PaymentIntent with a test card, pass payment_method=pm_card_visa.", pi);
        }
        ObjectNode pm = store.get(pmId, "payment_method", "PaymentMethod", "payment_method");
        String type = pm.get("type").asText();
        String returnUrl = f.string("return_url");
        if (type.equals("alipay") && returnUrl == null) throw alipayNeedsReturnUrl();
        ObjectNode had = pi.get("payment_method_options") instanceof ObjectNode o ? o : Json.object();
        ObjectNode options = takeMethod ? methodOptions(f, had.deepCopy()) : had;
        if (type.equals("wechat_pay") && !options.has("wechat_pay")) throw wechatPayNeedsClient();
        pi.set("payment_method_options", options);
        pi.put("payment_method", pmId);
        if (f.string("receipt_email") != null) pi.put("receipt_email", f.string("receipt_email"));
        // https://docs.stripe.com/api/payment_intents/confirm#confirm_payment_intent-off_session
        if (takeMethod && f.bool("off_session")) pi.put("off_session", true);
        pi.putNull("last_payment_error");
        String card = outcomes.getOrDefault(pm.get("id").asText(), "succeed");
        if (type.equals("card") && card.startsWith("decline")) return decline(pi, pm, card.substring("decline:".length()));
        // off-session, nobody can pass 3D Secure: Stripe declines with authentication_required
        if (type.equals("card") && card.equals("action") && pi.path("off_session").asBoolean()) return decline(pi, pm, "authentication_required");
        if (type.equals("card") && card.equals("succeed")) return succeed(pi);
        pi.put("status", "requires_action");
        pi.set("next_action", nextAction(pi, type, returnUrl));
        store.event("payment_intent.requires_action", pi, null);
        return pi;
    }

    ObjectNode cancel(String id, Form f) {
        f.allow("cancellation_reason");
        ObjectNode pi = retrieve(id);
        String status = pi.get("status").asText();
        if (!CANCELABLE.contains(status)) {
            throw StripeError.unexpectedState("You cannot cancel this PaymentIntent because it has a status of " + status
                    + ". Only a PaymentIntent with one of the following statuses may be canceled: " + String.join(", ", CANCELABLE) + ".", pi);
        }
        String reason = f.string("cancellation_reason");
        if (reason != null && !CANCEL_REASONS.contains(reason)) throw StripeError.invalid("Invalid cancellation_reason: must be one of " + CANCEL_REASONS, "parameter_invalid_string", "cancellation_reason");
        pi.put("status", "canceled");
        pi.put("canceled_at", store.now());
        put(pi, "cancellation_reason", reason);
        pi.putNull("next_action");
        store.event("payment_intent.canceled", pi, null);
        return pi;
    }

    /** The tester completes ({@code succeed}) or fails a payment waiting in {@code requires_action}. */
    ObjectNode complete(String id, boolean succeed) {
        ObjectNode pi = retrieve(id);
        if (!pi.get("status").asText().equals("requires_action")) {
            throw StripeError.unexpectedState("This PaymentIntent's status is " + pi.get("status").asText() + ", not requires_action.", pi);
        }
        pi.putNull("next_action");
        if (succeed) return succeed(pi);
        ObjectNode pm = store.get(pi.get("payment_method").asText(), "payment_method", "PaymentMethod", "payment_method");
        ObjectNode error = new StripeError(400, "invalid_request_error", "payment_intent_authentication_failure",
                "The provided PaymentMethod has failed authentication. You can provide payment_method_data or a new PaymentMethod to attempt to fulfill this PaymentIntent again.", null).error;
        error.set("payment_method", pm.deepCopy());
        pi.set("last_payment_error", error);
        pi.putNull("payment_method");
        pi.put("status", "requires_payment_method");
        store.event("payment_intent.payment_failed", pi, null);
        return pi;
    }

    private ObjectNode succeed(ObjectNode pi) {
        ObjectNode charge = charge(pi, "succeeded");
        ObjectNode txn = Ledger.transaction(store, charge.get("amount").asLong(), pi.get("currency").asText(), "charge",
                charge.get("id").asText(), "Payment for " + pi.get("id").asText());
        charge.put("balance_transaction", txn.get("id").asText());
        pi.put("status", "succeeded");
        pi.put("amount_received", pi.get("amount").asLong());
        pi.put("latest_charge", charge.get("id").asText());
        store.event("charge.succeeded", charge, null);
        store.event("payment_intent.succeeded", pi, null);
        return pi;
    }

    private ObjectNode decline(ObjectNode pi, ObjectNode pm, String declineCode) {
        ObjectNode charge = charge(pi, "failed");
        charge.set("outcome", outcome(declineCode));
        TestCards.Decline d = TestCards.Decline.of(declineCode);
        charge.put("failure_code", d.code());
        charge.put("failure_message", d.message());
        StripeError e = new StripeError(402, "card_error", d.code(), d.message(), null);
        e.error.put("charge", charge.get("id").asText());
        if (d.declineCode() != null) e.error.put("decline_code", d.declineCode());
        e.error.set("payment_method", pm.deepCopy());
        pi.set("last_payment_error", e.error.deepCopy());
        pi.put("latest_charge", charge.get("id").asText());
        pi.putNull("payment_method");
        pi.put("status", "requires_payment_method");
        e.error.set("payment_intent", pi.deepCopy());
        store.event("charge.failed", charge, null);
        store.event("payment_intent.payment_failed", pi, null);
        throw e;
    }

    /**
     * A charge's {@code outcome} (https://docs.stripe.com/api/charges/object#charge_object-outcome): authorized, declined
     * by the issuer with its reason, or blocked by Radar before reaching the network. {@code declineReason} null: authorized.
     */
    private static ObjectNode outcome(String declineReason) {
        ObjectNode o = Json.object();
        boolean blocked = "fraudulent".equals(declineReason);
        if (declineReason == null) {
            o.put("network_status", "approved_by_network").putNull("reason").put("risk_level", "normal").put("risk_score", 20)
                    .put("seller_message", "Payment complete.").put("type", "authorized");
        } else if (blocked) {
            o.put("network_status", "not_sent_to_network").put("reason", "highest_risk_level").put("risk_level", "highest").put("risk_score", 95)
                    .put("seller_message", "Stripe blocked this payment as too risky.").put("type", "blocked");
        } else {
            o.put("network_status", "declined_by_network").put("reason", declineReason).put("risk_level", "normal").put("risk_score", 20)
                    .put("seller_message", "The bank did not return any further details with this decline.").put("type", "issuer_declined");
        }
        return o;
    }

    private ObjectNode charge(ObjectNode pi, String status) {
        ObjectNode c = store.create("ch", "charge", pi.get("metadata").deepCopy());
        long amount = pi.get("amount").asLong();
        c.put("amount", amount);
        c.put("amount_captured", status.equals("succeeded") ? amount : 0);
        c.put("amount_refunded", 0);
        c.putNull("balance_transaction");
        c.put("captured", status.equals("succeeded"));
        c.put("currency", pi.get("currency").asText());
        c.set("customer", pi.get("customer"));
        c.putNull("failure_code");
        c.putNull("failure_message");
        c.put("paid", status.equals("succeeded"));
        c.put("payment_intent", pi.get("id").asText());
        c.put("payment_method", pi.get("payment_method").asText());
        ObjectNode pm = store.get(pi.get("payment_method").asText(), "payment_method", "PaymentMethod", "payment_method");
        ObjectNode details = c.putObject("payment_method_details");
        details.put("type", pm.get("type").asText());
        details.set(pm.get("type").asText(), pm.path(pm.get("type").asText()).deepCopy());
        if (status.equals("succeeded")) c.set("outcome", outcome(null)); // a decline sets its own
        c.put("refunded", false);
        c.put("status", status);
        return c;
    }

    /** The PaymentMethod named by {@code payment_method} (a test id such as pm_card_visa) or made from {@code payment_method_data}. */
    private ObjectNode paymentMethod(Form f, com.fasterxml.jackson.databind.JsonNode allowedTypes) {
        String id = f.string("payment_method");
        ObjectNode pm;
        if (id != null && store.objects.get(id) != null) {
            pm = store.get(id, "payment_method", "PaymentMethod", "payment_method");
        } else if (id != null) {
            String outcome = TestCards.outcome(id);
            if (outcome == null) throw StripeError.missing("PaymentMethod", id, "payment_method");
            pm = store.create("pm", "payment_method", null);
            pm.put("type", "card");
            boolean mastercard = id.toLowerCase(Locale.ROOT).contains("mastercard");
            // the test card numbers' brand and last four (4242 4242 4242 4242, 5555 5555 5555 4444)
            pm.putObject("card").put("brand", mastercard ? "mastercard" : "visa").put("country", "US").put("exp_month", 12)
                    .put("exp_year", 2034).put("funding", "credit").put("last4", mastercard ? "4444" : "4242");
            outcomes.put(pm.get("id").asText(), outcome);
            String later = TestCards.afterAttach(id);
            if (later != null) outcomes.put(pm.get("id").asText() + ":after_attach", later);
        } else {
            String type = f.object("payment_method_data").path("type").asText(null);
            if (type == null) throw StripeError.invalid("Missing required param: payment_method_data[type].", "parameter_missing", "payment_method_data[type]");
            if (!TYPES.contains(type)) throw StripeError.invalid("Invalid payment_method_data[type]: " + type, "parameter_invalid_string", "payment_method_data[type]");
            if (type.equals("card")) throw StripeError.invalid("Card details are not taken here: pass a test PaymentMethod such as payment_method=pm_card_visa.", "parameter_invalid_string", "payment_method_data[type]");
            pm = store.create("pm", "payment_method", null);
            pm.put("type", type);
            pm.putObject(type);
        }
        String type = pm.get("type").asText();
        boolean allowed = false;
        for (var t : allowedTypes) allowed |= t.asText().equals(type);
        if (!allowed) {
            throw StripeError.invalid("The PaymentMethod provided (" + type + ") is not allowed for this PaymentIntent. Please attach a PaymentMethod of one of the following types: "
                    + allowedTypes + ".", "payment_intent_incompatible_payment_method", "payment_method");
        }
        return pm;
    }

    /** What the customer must do next, shaped as Stripe's {@code next_action} of each kind; its links open the tester's page. */
    private ObjectNode nextAction(ObjectNode pi, String type, String returnUrl) {
        String page = base.get() + "/local/stripe/payment_intents/" + pi.get("id").asText();
        ObjectNode a = Json.object();
        switch (type) {
            case "wechat_pay" -> {
                a.put("type", "wechat_pay_display_qr_code");
                ObjectNode q = a.putObject("wechat_pay_display_qr_code");
                q.put("data", "weixin://wxpay/bizpayurl?pr=" + pi.get("id").asText());
                q.put("hosted_instructions_url", page);
                q.put("image_url_png", page);
                q.put("image_url_svg", page);
            }
            case "alipay" -> {
                a.put("type", "alipay_handle_redirect");
                ObjectNode r = a.putObject("alipay_handle_redirect");
                r.putNull("native_data");
                r.putNull("native_url");
                r.put("return_url", returnUrl);
                r.put("url", page);
            }
            default -> {
                if (returnUrl != null) {
                    a.put("type", "redirect_to_url");
                    a.putObject("redirect_to_url").put("return_url", returnUrl).put("url", page);
                } else {
                    a.put("type", "use_stripe_sdk");
                    a.putObject("use_stripe_sdk").put("type", "three_d_secure_redirect").put("stripe_js", page);
                }
            }
        }
        return a;
    }

    /**
     * {@code payment_method_options} over what the intent has: the stand-in reads WeChat Pay's, which the API reference
     * gives {@code client} (required: android, ios or web) and {@code app_id} ("only required when client is ios or
     * android"); confirming a WeChat Pay payment needs them, since they decide between a QR code and the app's SDK.
     */
    private static ObjectNode methodOptions(Form f, ObjectNode current) {
        ObjectNode given = f.object("payment_method_options");
        if (given == null) return current;
        if (given.has("wechat_pay")) {
            String param = "payment_method_options[wechat_pay]";
            if (!(given.get("wechat_pay") instanceof ObjectNode w)) throw StripeError.invalid("Invalid object", "parameter_invalid_string", param);
            String client = w.path("client").asText("");
            if (client.isEmpty()) throw StripeError.invalid("Missing required param: " + param + "[client].", "parameter_missing", param + "[client]");
            if (!WECHAT_CLIENTS.contains(client)) {
                throw StripeError.invalid("Invalid " + param + "[client]: must be one of android, ios, or web", "parameter_invalid_string", param + "[client]");
            }
            String appId = w.path("app_id").asText("");
            if (!client.equals("web") && appId.isEmpty()) {
                throw StripeError.invalid("Missing required param: " + param + "[app_id] when client is " + client + ".", "parameter_missing", param + "[app_id]");
            }
            ObjectNode out = current.putObject("wechat_pay");
            if (appId.isEmpty()) out.putNull("app_id"); else out.put("app_id", appId);
            out.put("client", client);
        }
        return current;
    }

    private static StripeError wechatPayNeedsClient() {
        return StripeError.invalid("Missing required param: payment_method_options[wechat_pay][client]. A WeChat Pay payment is confirmed "
                + "for the client the customer pays from: web (a QR code), ios or android (with app_id).", "parameter_missing",
                "payment_method_options[wechat_pay][client]");
    }

    private static StripeError alipayNeedsReturnUrl() {
        return StripeError.invalid("A return_url is required to confirm an Alipay PaymentIntent.", "parameter_missing", "return_url");
    }

    /**
     * Stripe's charge limits (https://docs.stripe.com/currencies#minimum-and-maximum-charge-amounts): at most eight
     * digits ({@code amount_too_large}), and at least the minimum of a settlement currency ({@code amount_too_small}).
     * A currency that is not a settlement currency (cny among them) is converted to the account's, which the
     * stand-in does not model, so no minimum is applied to it.
     */
    static long chargeable(long amount, String currency) {
        if (amount > MAX_AMOUNT) {
            throw StripeError.invalid("Amount must be no more than " + MAX_AMOUNT + " (" + currency + " in the smallest unit).", "amount_too_large", "amount");
        }
        Integer min = MINIMUM.get(currency);
        if (min != null && amount < min) {
            throw StripeError.invalid("Amount must be at least " + min + " " + currency + " (in the smallest unit).", "amount_too_small", "amount");
        }
        return amount;
    }

    static final long MAX_AMOUNT = 99_999_999L;
    private static final java.util.Map<String, Integer> MINIMUM = java.util.Map.ofEntries(
            java.util.Map.entry("usd", 50), java.util.Map.entry("aed", 200), java.util.Map.entry("aud", 50), java.util.Map.entry("bgn", 100),
            java.util.Map.entry("brl", 50), java.util.Map.entry("cad", 50), java.util.Map.entry("chf", 50), java.util.Map.entry("czk", 1500),
            java.util.Map.entry("dkk", 250), java.util.Map.entry("eur", 50), java.util.Map.entry("gbp", 30), java.util.Map.entry("hkd", 400),
            java.util.Map.entry("huf", 17500), java.util.Map.entry("inr", 50), java.util.Map.entry("jpy", 50), java.util.Map.entry("mxn", 1000),
            java.util.Map.entry("myr", 200), java.util.Map.entry("nok", 300), java.util.Map.entry("nzd", 50), java.util.Map.entry("pln", 200),
            java.util.Map.entry("ron", 200), java.util.Map.entry("sek", 300), java.util.Map.entry("sgd", 50), java.util.Map.entry("thb", 1000));

    static long positive(Long value, String param) {
        if (value == null) throw StripeError.invalid("Missing required param: " + param + ".", "parameter_missing", param);
        if (value < 1) throw StripeError.invalid("This value must be greater than or equal to 1.", "parameter_invalid_integer", param);
        return value;
    }

    /** A three-letter ISO 4217 code, any case, answered in lowercase as Stripe's objects show it. */
    static String currency(String c) {
        boolean known = c.matches("[A-Za-z]{3}");
        if (known) {
            try {
                java.util.Currency.getInstance(c.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                known = false;
            }
        }
        if (!known) throw StripeError.invalid("Invalid currency: " + c.toLowerCase(Locale.ROOT) + ". Stripe currently supports these currencies: "
                + "ISO 4217 codes in lowercase, e.g. usd, eur, cny.", "parameter_invalid_string", "currency");
        return c.toLowerCase(Locale.ROOT);
    }

    static void put(ObjectNode o, String field, String value) {
        if (value == null) o.putNull(field); else o.put(field, value);
    }
}
