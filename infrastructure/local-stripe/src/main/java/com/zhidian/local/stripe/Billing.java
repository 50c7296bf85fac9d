package com.zhidian.local.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zhidian.local.aws.Json;
import java.time.ZoneOffset;

/**
 * Customers (https://docs.stripe.com/api/customers) and Subscriptions (https://docs.stripe.com/api/subscriptions),
 * as much as tenant billing needs: a customer per tenant and a subscription to its plan's price. Prices are taken as
 * plain ids ({@code price_...}) without a catalogue, subscriptions start {@code active} (no trial, no invoices
 * drawn), and a tester can make a renewal fail ({@link #paymentFailed}): {@code past_due} and
 * {@code invoice.payment_failed}.
 */
final class Billing {
    private final Store store;

    Billing(Store store) { this.store = store; }

    ObjectNode createCustomer(Form f) {
        f.allow("email", "name", "description", "phone", "metadata", "preferred_locales", "address");
        // every check before the customer exists, so a refusal leaves nothing behind
        ObjectNode metadata = Store.metadata(f.params.get("metadata"));
        email(f.string("email"));
        ObjectNode address = f.object("address");
        ObjectNode c = store.create("cus", "customer", metadata);
        c.putNull("address");
        c.put("balance", 0);
        c.putNull("currency");
        c.put("delinquent", false);
        for (String field : new String[] {"description", "email", "name", "phone"}) Payments.put(c, field, f.string(field));
        c.putObject("invoice_settings").putNull("default_payment_method");
        var locales = c.putArray("preferred_locales");
        f.strings("preferred_locales").forEach(locales::add);
        if (address != null) c.set("address", address);
        store.event("customer.created", c, null);
        return c;
    }

    /** Stripe refuses a malformed address with {@code email_invalid} (https://docs.stripe.com/error-codes#email-invalid). */
    private static void email(String email) {
        if (email != null && !email.isEmpty() && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw StripeError.invalid("Invalid email address: " + email, "email_invalid", "email");
        }
    }

    ObjectNode customer(String id) { return store.get(id, "customer", "customer", "id"); }

    ObjectNode updateCustomer(String id, Form f) {
        f.allow("email", "name", "description", "phone", "metadata", "preferred_locales", "address");
        ObjectNode c = customer(id);
        return Store.whole(c, () -> changeCustomer(c, f));
    }

    private ObjectNode changeCustomer(ObjectNode c, Form f) {
        email(f.string("email"));
        ObjectNode previous = Json.object();
        for (String field : new String[] {"description", "email", "name", "phone"}) {
            String v = f.string(field);
            if (v == null) continue;
            previous.set(field, c.get(field));
            Payments.put(c, field, v.isEmpty() ? null : v); // an empty value unsets, as in Stripe's API
        }
        if (f.params.has("metadata")) {
            previous.set("metadata", c.get("metadata").deepCopy());
            Store.mergeMetadata(c, f.params.get("metadata"));
        }
        if (f.object("address") != null) c.set("address", f.object("address"));
        if (f.params.has("preferred_locales")) {
            previous.set("preferred_locales", c.get("preferred_locales").deepCopy());
            var locales = c.putArray("preferred_locales");
            f.strings("preferred_locales").stream().filter(l -> !l.isEmpty()).forEach(locales::add);
        }
        store.event("customer.updated", c, previous);
        return c;
    }

    ObjectNode createSubscription(Form f) {
        f.allow("customer", "items", "metadata", "collection_method", "default_payment_method", "payment_behavior",
                "proration_behavior", "cancel_at_period_end", "days_until_due", "description", "currency");
        ObjectNode customer = store.get(f.required("customer"), "customer", "customer", "customer");
        JsonNode items = f.params.get("items");
        if (items == null || !items.isArray() || items.isEmpty()) throw StripeError.invalid("Missing required param: items.", "parameter_missing", "items");
        ObjectNode s = store.create("sub", "subscription", Store.metadata(f.params.get("metadata")));
        try {
            return fillSubscription(s, customer, items, f);
        } catch (StripeError e) {
            store.objects.remove(s.get("id").asText()); // a refused create leaves no subscription behind
            throw e;
        }
    }

    private ObjectNode fillSubscription(ObjectNode s, ObjectNode customer, JsonNode items, Form f) {
        long start = s.get("created").asLong();
        s.put("billing_cycle_anchor", start);
        s.put("cancel_at_period_end", f.bool("cancel_at_period_end"));
        s.putNull("canceled_at");
        String collection = f.string("collection_method") == null ? "charge_automatically" : f.string("collection_method");
        if (!collection.equals("charge_automatically") && !collection.equals("send_invoice")) {
            throw StripeError.invalid("Invalid collection_method: must be one of charge_automatically or send_invoice", "parameter_invalid_string", "collection_method");
        }
        s.put("collection_method", collection);
        s.put("currency", f.string("currency") == null ? "usd" : Payments.currency(f.string("currency")));
        s.put("customer", customer.get("id").asText());
        Payments.put(s, "default_payment_method", f.string("default_payment_method"));
        Payments.put(s, "description", f.string("description"));
        s.putNull("ended_at");
        ObjectNode list = s.putObject("items");
        list.put("object", "list");
        ArrayNode data = list.putArray("data");
        for (int i = 0; i < items.size(); i++) data.add(item(s, items.get(i), "items[" + i + "]"));
        list.put("has_more", false);
        list.put("total_count", data.size());
        list.put("url", "/v1/subscription_items?subscription=" + s.get("id").asText());
        s.putNull("latest_invoice");
        s.put("start_date", start);
        s.put("status", "active");
        store.event("customer.subscription.created", s, null);
        return s;
    }

    ObjectNode subscription(String id) { return store.get(id, "subscription", "subscription", "id"); }

    /** Items with {@code id} change their price or quantity, or go with {@code deleted=true}; items without one are added. */
    ObjectNode updateSubscription(String id, Form f) {
        f.allow("items", "metadata", "cancel_at_period_end", "proration_behavior", "payment_behavior", "default_payment_method", "description", "collection_method");
        ObjectNode s = subscription(id);
        if (s.get("status").asText().equals("canceled")) {
            throw StripeError.invalid("A canceled subscription can only update its cancellation_details and metadata.", null, null);
        }
        return Store.whole(s, () -> changeSubscription(s, f));
    }

    private ObjectNode changeSubscription(ObjectNode s, Form f) {
        ObjectNode previous = Json.object();
        JsonNode items = f.params.get("items");
        if (items != null) {
            previous.set("items", s.get("items").deepCopy());
            ArrayNode data = (ArrayNode) s.get("items").get("data");
            for (int i = 0; i < items.size(); i++) {
                JsonNode given = items.get(i);
                String itemId = given.path("id").asText(null);
                if (itemId == null) { data.add(item(s, given, "items[" + i + "]")); continue; }
                int at = -1;
                for (int k = 0; k < data.size(); k++) if (data.get(k).get("id").asText().equals(itemId)) at = k;
                if (at < 0) throw StripeError.missing("subscription item", itemId, "items[" + i + "][id]");
                if (given.path("deleted").asText().equals("true")) { data.remove(at); continue; }
                ObjectNode item = (ObjectNode) data.get(at);
                if (given.has("price")) item.set("price", price(given.get("price").asText(), "items[" + i + "][price]"));
                if (given.has("quantity")) item.put("quantity", quantity(given.get("quantity"), "items[" + i + "][quantity]"));
                if (given.has("metadata")) Store.mergeMetadata(item, given.get("metadata"));
            }
            if (data.isEmpty()) throw StripeError.invalid("A subscription must keep at least one item.", null, "items");
            ((ObjectNode) s.get("items")).put("total_count", data.size());
        }
        if (f.params.has("cancel_at_period_end")) {
            previous.put("cancel_at_period_end", s.get("cancel_at_period_end").asBoolean());
            s.put("cancel_at_period_end", f.bool("cancel_at_period_end"));
        }
        if (f.params.has("metadata")) {
            previous.set("metadata", s.get("metadata").deepCopy());
            Store.mergeMetadata(s, f.params.get("metadata"));
        }
        if (f.string("default_payment_method") != null) s.put("default_payment_method", f.string("default_payment_method"));
        if (f.string("description") != null) s.put("description", f.string("description"));
        store.event("customer.subscription.updated", s, previous);
        return s;
    }

    ObjectNode cancelSubscription(String id, Form f) {
        f.allow("invoice_now", "prorate", "cancellation_details");
        ObjectNode s = subscription(id);
        if (s.get("status").asText().equals("canceled")) {
            throw StripeError.invalid("This subscription has already been canceled.", "resource_missing", null);
        }
        long now = store.now();
        s.put("status", "canceled");
        s.put("canceled_at", now);
        s.put("ended_at", now);
        store.event("customer.subscription.deleted", s, null);
        return s;
    }

    /** The tester makes the subscription's renewal payment fail: an open invoice, {@code past_due}, and both events. */
    ObjectNode paymentFailed(String id) {
        ObjectNode s = subscription(id);
        ObjectNode invoice = store.create("in", "invoice", null);
        long due = 0;
        for (JsonNode item : s.get("items").get("data")) due += item.path("price").path("unit_amount").asLong(0) * item.get("quantity").asLong();
        invoice.put("amount_due", due);
        invoice.put("amount_paid", 0);
        invoice.put("attempt_count", 1);
        invoice.put("attempted", true);
        invoice.put("billing_reason", "subscription_cycle");
        invoice.put("currency", s.get("currency").asText());
        invoice.put("customer", s.get("customer").asText());
        invoice.putObject("parent").put("type", "subscription_details").putObject("subscription_details").put("subscription", s.get("id").asText());
        invoice.put("status", "open");
        s.put("latest_invoice", invoice.get("id").asText());
        String was = s.get("status").asText();
        s.put("status", "past_due");
        store.event("invoice.payment_failed", invoice, null);
        store.event("customer.subscription.updated", s, Json.object().put("status", was));
        return s;
    }

    private ObjectNode item(ObjectNode s, JsonNode given, String param) {
        if (!given.has("price")) throw StripeError.invalid("Missing required param: " + param + "[price].", "parameter_missing", param + "[price]");
        ObjectNode item = Json.object();
        item.put("id", Store.id("si"));
        item.put("object", "subscription_item");
        item.put("created", s.get("created").asLong());
        long start = s.get("created").asLong();
        item.put("current_period_start", start);
        item.put("current_period_end", java.time.Instant.ofEpochSecond(start).atOffset(ZoneOffset.UTC).plusMonths(1).toEpochSecond());
        item.set("metadata", Store.metadata(given.get("metadata")));
        item.set("price", price(given.get("price").asText(), param + "[price]"));
        item.put("quantity", given.has("quantity") ? quantity(given.get("quantity"), param + "[quantity]") : 1);
        item.put("subscription", s.get("id").asText());
        return item;
    }

    /** A price named by id only: the stand-in keeps no catalogue, so its amount is unknown (null). */
    private static ObjectNode price(String id, String param) {
        if (!id.startsWith("price_") && !id.startsWith("plan_")) throw StripeError.missing("price", id, param);
        ObjectNode p = Json.object();
        p.put("id", id);
        p.put("object", "price");
        p.put("active", true);
        p.putNull("unit_amount");
        p.putObject("recurring").put("interval", "month").put("interval_count", 1);
        p.put("type", "recurring");
        return p;
    }

    private static long quantity(JsonNode n, String param) {
        try {
            long q = Long.parseLong(n.asText());
            if (q >= 0) return q;
        } catch (NumberFormatException ignored) {
            // refused below
        }
        throw StripeError.invalid("Invalid integer: " + n.asText(), "parameter_invalid_integer", param);
    }
}
