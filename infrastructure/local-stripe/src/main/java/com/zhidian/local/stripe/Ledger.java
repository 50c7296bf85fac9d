package com.zhidian.local.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zhidian.local.aws.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Refunds (https://docs.stripe.com/api/refunds) and balance transactions
 * (https://docs.stripe.com/api/balance_transactions): every charge and refund moves the balance by one transaction,
 * which is what Zhidian's reconciliation compares with its own records. Fees follow one flat rule, 2.9% + 30 in the
 * smallest currency unit (rounded half up) on charges and none on refunds; Stripe's real price list is not modelled.
 */
final class Ledger {
    private static final Set<String> REASONS = Set.of("duplicate", "fraudulent", "requested_by_customer");
    private final Store store;

    Ledger(Store store) { this.store = store; }

    static ObjectNode transaction(Store store, long amount, String currency, String type, String source, String description) {
        ObjectNode t = store.create("txn", "balance_transaction", null);
        t.remove("metadata");
        t.remove("livemode");
        long fee = type.equals("charge") ? (amount * 29 + 500) / 1000 + 30 : 0;
        t.put("amount", amount);
        t.put("available_on", t.get("created").asLong() + 2 * 86_400);
        t.put("currency", currency);
        t.put("description", description);
        t.put("exchange_rate", (String) null);
        t.put("fee", fee);
        ArrayNode details = t.putArray("fee_details");
        if (fee > 0) details.addObject().put("amount", fee).putNull("application").put("currency", currency)
                .put("description", "Stripe processing fees").put("type", "stripe_fee");
        t.put("net", amount - fee);
        t.put("reporting_category", type);
        t.put("source", source);
        t.put("status", "pending");
        t.put("type", type);
        return t;
    }

    ObjectNode createRefund(Form f) {
        f.allow("payment_intent", "charge", "amount", "reason", "metadata", "instructions_email");
        String piId = f.string("payment_intent"), chargeId = f.string("charge");
        if (piId == null && chargeId == null) throw StripeError.invalid("One of the following params should be provided for this request: payment_intent or charge.", "parameter_missing", "payment_intent");
        ObjectNode charge;
        if (piId != null) {
            ObjectNode pi = store.get(piId, "payment_intent", "payment_intent", "payment_intent");
            if (!pi.get("status").asText().equals("succeeded")) {
                throw StripeError.invalid("This PaymentIntent does not have a successful charge to refund.", "charge_not_refundable", "payment_intent");
            }
            charge = store.get(pi.get("latest_charge").asText(), "charge", "charge", "charge");
            if (chargeId != null && !chargeId.equals(charge.get("id").asText())) throw StripeError.invalid("The charge does not belong to this PaymentIntent.", null, "charge");
        } else {
            charge = store.get(chargeId, "charge", "charge", "charge");
            if (!charge.get("status").asText().equals("succeeded")) throw StripeError.invalid("This charge cannot be refunded because it failed.", "charge_not_refundable", "charge");
        }
        long left = charge.get("amount").asLong() - charge.get("amount_refunded").asLong();
        if (left == 0) throw StripeError.invalid("Charge " + charge.get("id").asText() + " has already been refunded.", "charge_already_refunded", null);
        Long asked = f.integer("amount");
        long amount = asked == null ? left : Payments.positive(asked, "amount");
        if (amount > left) {
            throw StripeError.invalid("Refund amount (" + amount + ") is greater than unrefunded amount on charge (" + left + ")", "amount_too_large", "amount");
        }
        String reason = f.string("reason");
        if (reason != null && !REASONS.contains(reason)) throw StripeError.invalid("Invalid reason: must be one of " + REASONS, "parameter_invalid_string", "reason");
        ObjectNode r = store.create("re", "refund", Store.metadata(f.params.get("metadata")));
        String currency = charge.get("currency").asText();
        ObjectNode txn = transaction(store, -amount, currency, "refund", r.get("id").asText(), "REFUND FOR CHARGE");
        r.put("amount", amount);
        r.put("balance_transaction", txn.get("id").asText());
        r.put("charge", charge.get("id").asText());
        r.put("currency", currency);
        r.set("payment_intent", charge.get("payment_intent"));
        Payments.put(r, "reason", reason);
        r.put("status", "succeeded");
        ObjectNode previous = Json.object().put("amount_refunded", charge.get("amount_refunded").asLong()).put("refunded", false);
        charge.put("amount_refunded", charge.get("amount_refunded").asLong() + amount);
        charge.put("refunded", charge.get("amount_refunded").asLong() == charge.get("amount").asLong());
        store.event("refund.created", r, null);
        store.event("charge.refunded", charge, previous);
        return r;
    }

    ObjectNode refund(String id) { return store.get(id, "refund", "refund", "refund"); }

    /** The tester fails a refund after the fact, as a bank can: the money comes back to the balance. */
    ObjectNode failRefund(String id) {
        ObjectNode r = refund(id);
        if (!r.get("status").asText().equals("succeeded")) throw StripeError.invalid("This refund's status is " + r.get("status").asText() + ".", null, null);
        r.put("status", "failed");
        r.put("failure_reason", "lost_or_stolen_card");
        ObjectNode txn = transaction(store, r.get("amount").asLong(), r.get("currency").asText(), "refund_failure", r.get("id").asText(), "REFUND FAILURE");
        r.put("failure_balance_transaction", txn.get("id").asText());
        ObjectNode charge = store.get(r.get("charge").asText(), "charge", "charge", "charge");
        charge.put("amount_refunded", charge.get("amount_refunded").asLong() - r.get("amount").asLong());
        charge.put("refunded", false);
        store.event("refund.updated", r, Json.object().put("status", "succeeded"));
        store.event("refund.failed", r, null);
        return r;
    }

    /** GET /v1/balance_transactions: newest first, {@code created} filters, {@code type}, cursor pagination. */
    ObjectNode listTransactions(Form f) {
        f.allow("created", "limit", "starting_after", "ending_before", "type", "currency", "source", "payout");
        Predicate<ObjectNode> keep = created(f);
        String type = f.string("type"), currency = f.string("currency"), source = f.string("source");
        List<ObjectNode> all = new ArrayList<>(store.all("balance_transaction"));
        all.forEach(t -> available(store, t));
        java.util.Collections.reverse(all);
        all.removeIf(t -> !keep.test(t) || (type != null && !type.equals(t.get("type").asText()))
                || (currency != null && !currency.equals(t.get("currency").asText()))
                || (source != null && !source.equals(t.get("source").asText())));
        return page(all, f, "/v1/balance_transactions");
    }

    ObjectNode transaction(String id) { return available(store, store.get(id, "balance_transaction", "balance transaction", "id")); }

    /**
     * A balance transaction is {@code pending} until its {@code available_on}, then {@code available}
     * (https://docs.stripe.com/api/balance_transactions/object#balance_transaction_object-status); brought up to date
     * when read, by the stand-in's clock.
     */
    static ObjectNode available(Store store, ObjectNode t) {
        if (t.get("status").asText().equals("pending") && store.now() >= t.get("available_on").asLong()) t.put("status", "available");
        return t;
    }

    /** {@code created=<ts>} or {@code created[gt|gte|lt|lte]=<ts>} (https://docs.stripe.com/api/balance_transactions/list). */
    static Predicate<ObjectNode> created(Form f) {
        JsonNode c = f.params.get("created");
        if (c == null) return t -> true;
        if (c.isValueNode()) {
            long at = number(c, "created");
            return t -> t.get("created").asLong() == at;
        }
        Predicate<ObjectNode> p = t -> true;
        var it = c.fields();
        while (it.hasNext()) {
            var e = it.next();
            long v = number(e.getValue(), "created[" + e.getKey() + "]");
            Predicate<ObjectNode> q = switch (e.getKey()) {
                case "gt" -> t -> t.get("created").asLong() > v;
                case "gte" -> t -> t.get("created").asLong() >= v;
                case "lt" -> t -> t.get("created").asLong() < v;
                case "lte" -> t -> t.get("created").asLong() <= v;
                default -> throw StripeError.invalid("Received unknown parameter: created[" + e.getKey() + "]", "parameter_unknown", "created[" + e.getKey() + "]");
            };
            p = p.and(q);
        }
        return p;
    }

    private static long number(JsonNode n, String param) {
        try {
            return Long.parseLong(n.asText());
        } catch (NumberFormatException e) {
            throw StripeError.invalid("Invalid integer: " + n.asText(), "parameter_invalid_integer", param);
        }
    }

    /** A Stripe list object (https://docs.stripe.com/api/pagination) over items newest first. */
    static ObjectNode page(List<ObjectNode> items, Form f, String url) {
        Long limitParam = f.integer("limit");
        long limit = limitParam == null ? 10 : limitParam;
        if (limit < 1 || limit > 100) throw StripeError.invalid("Invalid integer: limit must be between 1 and 100.", "parameter_invalid_integer", "limit");
        String after = f.string("starting_after"), before = f.string("ending_before");
        int from = 0, to = items.size();
        if (after != null) from = indexOf(items, after, "starting_after") + 1;
        if (before != null) {
            to = indexOf(items, before, "ending_before");
            from = (int) Math.max(0, to - limit);
        }
        int end = (int) Math.min(to, from + limit);
        ObjectNode list = Json.object();
        list.put("object", "list");
        ArrayNode data = list.putArray("data");
        items.subList(from, end).forEach(data::add);
        list.put("has_more", before != null ? from > 0 : end < to);
        list.put("url", url);
        return list;
    }

    private static int indexOf(List<ObjectNode> items, String id, String param) {
        for (int i = 0; i < items.size(); i++) if (items.get(i).get("id").asText().equals(id)) return i;
        throw StripeError.missing("object", id, param);
    }
}
