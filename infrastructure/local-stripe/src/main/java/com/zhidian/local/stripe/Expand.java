package com.zhidian.local.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * {@code expand[]} (https://docs.stripe.com/api/expanding_objects): each path names a field holding an id, which is
 * replaced by the object itself; {@code data.} reaches into a list's items and dots go deeper
 * ({@code latest_charge.balance_transaction}). The answer is a copy, so stored objects keep their ids.
 */
final class Expand {
    private Expand() {}

    static ObjectNode apply(Store store, ObjectNode answer, List<String> paths) {
        ObjectNode copy = answer.deepCopy();
        for (String path : paths) expand(store, copy, path.split("\\."), 0, path);
        return copy;
    }

    private static void expand(Store store, JsonNode node, String[] path, int at, String whole) {
        String field = path[at];
        JsonNode value = node.get(field);
        if (value instanceof ArrayNode a && field.equals("data")) {
            if (at + 1 == path.length) throw cannot(whole);
            for (JsonNode item : a) expand(store, item, path, at + 1, whole);
            return;
        }
        if (value == null || !(node instanceof ObjectNode o)) throw cannot(whole);
        if (value.isTextual()) {
            ObjectNode target = store.objects.get(value.asText());
            if (target == null || field.equals("id") || field.equals("object")) throw cannot(whole);
            if (target.path("object").asText().equals("balance_transaction")) Ledger.available(store, target);
            value = target.deepCopy();
            o.set(field, value);
        } else if (value.isNull()) {
            return;
        } else if (!value.isObject()) {
            throw cannot(whole);
        }
        if (at + 1 < path.length) expand(store, value, path, at + 1, whole);
    }

    private static StripeError cannot(String path) {
        return StripeError.invalid("This property cannot be expanded (" + path + ").", null, "expand");
    }
}
