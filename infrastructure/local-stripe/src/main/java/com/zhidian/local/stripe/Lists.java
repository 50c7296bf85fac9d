package com.zhidian.local.stripe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;

/**
 * The list endpoints of PaymentIntents, Charges, Refunds, Customers, Subscriptions and Events, in the shape of every
 * Stripe list (https://docs.stripe.com/api/pagination): newest first, {@code created} filters, the resource's own
 * filters on a field's exact value, {@code limit} 1-100, {@code starting_after} / {@code ending_before},
 * {@code has_more}, {@code url}.
 */
final class Lists {
    private final Store store;

    Lists(Store store) { this.store = store; }

    /** GET /v1/{resource}: the objects of this kind, filtered by {@code created} and by each of {@code fields} given. */
    ObjectNode list(String resource, String object, Form f, String... fields) {
        return list(resource, object, f, o -> true, fields);
    }

    /**
     * GET /v1/subscriptions (https://docs.stripe.com/api/subscriptions/list): by {@code customer}; {@code status} one
     * of the statuses or {@code all}; without it, every subscription that is not canceled, as Stripe lists them.
     */
    ObjectNode subscriptions(Form f) {
        String status = f.string("status");
        f.params.remove("status");
        Predicate<ObjectNode> wanted = status == null
                ? o -> !o.get("status").asText().equals("canceled") && !o.get("status").asText().equals("incomplete_expired")
                : status.equals("all") ? o -> true : o -> o.get("status").asText().equals(status);
        return list("subscriptions", "subscription", f, wanted, "customer");
    }

    private ObjectNode list(String resource, String object, Form f, Predicate<ObjectNode> also, String... fields) {
        List<String> allowed = new ArrayList<>(List.of("created", "limit", "starting_after", "ending_before"));
        allowed.addAll(List.of(fields));
        f.allow(allowed.toArray(String[]::new));
        Predicate<ObjectNode> keep = Ledger.created(f).and(also);
        for (String field : fields) {
            String wanted = f.string(field);
            if (wanted != null) keep = keep.and(o -> matches(field, wanted, o.path(field).asText()));
        }
        List<ObjectNode> all = new ArrayList<>(store.all(object));
        Collections.reverse(all);
        all.removeIf(keep.negate());
        return Ledger.page(all, f, "/v1/" + resource);
    }

    /** An event's {@code type} filter takes {@code *} as a wildcard (https://docs.stripe.com/api/events/list); others are exact. */
    private static boolean matches(String field, String wanted, String value) {
        if (field.equals("type") && wanted.endsWith(".*")) return value.startsWith(wanted.substring(0, wanted.length() - 1));
        return wanted.equals(value);
    }
}
