package com.zhidian.local.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zhidian.local.aws.Json;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The stand-in's account: every object by id, in creation order, and what all resources share (ids, the clock, the
 * events they raise). Callers hold the {@link StripeLocal}'s lock, so one request's changes are seen whole.
 */
final class Store {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ID_CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

    final Map<String, ObjectNode> objects = new LinkedHashMap<>();
    volatile Clock clock = Clock.systemUTC();
    /** Receives each event raised: type, the object it is about, and its previous attributes (or null). */
    Consumer<ObjectNode> events = e -> { };
    /** How many webhook endpoints an event of this type goes to: its {@code pending_webhooks} when raised. */
    java.util.function.ToIntFunction<String> endpointsFor = type -> 0;
    String apiVersion = "2026-07-29.dahlia";
    /** The request being served (its id and Idempotency-Key), which each event it raises names. */
    String requestId;
    String idempotencyKey;

    /** An id as Stripe's: a prefix and 24 letters and digits, e.g. {@code pi_3Nx...}. */
    static String id(String prefix) {
        char[] c = new char[24];
        for (int i = 0; i < c.length; i++) c[i] = ID_CHARS[RANDOM.nextInt(ID_CHARS.length)];
        return prefix + "_" + new String(c);
    }

    long now() { return clock.instant().getEpochSecond(); }

    /** A new object with what every Stripe object has: id, object, created, livemode, metadata. */
    ObjectNode create(String prefix, String object, ObjectNode metadata) {
        ObjectNode o = Json.object();
        o.put("id", id(prefix));
        o.put("object", object);
        o.put("created", now());
        o.put("livemode", false);
        o.set("metadata", metadata == null ? Json.object() : metadata);
        objects.put(o.get("id").asText(), o);
        return o;
    }

    /** The object with this id and type, or Stripe's 404 naming {@code what} (e.g. "payment_intent"). */
    ObjectNode get(String id, String object, String what, String param) {
        ObjectNode o = id == null ? null : objects.get(id);
        if (o == null || !object.equals(o.path("object").asText())) throw StripeError.missing(what, id, param);
        return o;
    }

    List<ObjectNode> all(String object) {
        List<ObjectNode> out = new ArrayList<>();
        for (ObjectNode o : objects.values()) if (object.equals(o.path("object").asText())) out.add(o);
        return out;
    }

    /** Raises an event of this type about a snapshot of {@code about} (https://docs.stripe.com/api/events/object). */
    void event(String type, ObjectNode about, ObjectNode previous) {
        ObjectNode e = Json.object();
        e.put("id", id("evt"));
        e.put("object", "event");
        e.put("api_version", apiVersion);
        e.put("created", now());
        ObjectNode data = e.putObject("data");
        data.set("object", about.deepCopy());
        if (previous != null) data.set("previous_attributes", previous);
        e.put("livemode", false);
        e.put("pending_webhooks", endpointsFor.applyAsInt(type));
        ObjectNode request = e.putObject("request");
        Payments.put(request, "id", requestId);
        Payments.put(request, "idempotency_key", idempotencyKey);
        e.put("type", type);
        objects.put(e.get("id").asText(), e);
        events.accept(e);
    }

    /**
     * Runs an update of {@code o} whole or not at all: a refusal part-way (a bad item, metadata over Stripe's limits)
     * puts the object back as it was, as Stripe refuses a request without applying any of it.
     */
    static ObjectNode whole(ObjectNode o, java.util.function.Supplier<ObjectNode> update) {
        ObjectNode before = o.deepCopy();
        try {
            return update.get();
        } catch (StripeError e) {
            o.removeAll();
            o.setAll(before);
            throw e;
        }
    }

    /**
     * Stripe's metadata update rule (https://docs.stripe.com/api/metadata): keys given are set, a key given an empty
     * value is removed, keys not given stay; an empty {@code metadata=} clears all.
     */
    static void mergeMetadata(ObjectNode target, JsonNode given) {
        if (given == null) return;
        if (given.isTextual() && given.asText().isEmpty()) { target.set("metadata", Json.object()); return; }
        if (!given.isObject()) throw StripeError.invalid("Invalid object", "parameter_invalid_object", "metadata");
        ObjectNode m = ((ObjectNode) target.get("metadata")).deepCopy();
        given.fields().forEachRemaining(f -> {
            checkMetadata(f.getKey(), f.getValue());
            if (f.getValue().asText().isEmpty()) m.remove(f.getKey()); else m.put(f.getKey(), f.getValue().asText());
        });
        target.set("metadata", checkCount(m)); // checked whole before it is kept: a refused update changes nothing
    }

    static ObjectNode metadata(JsonNode given) {
        ObjectNode m = Json.object();
        if (given != null && given.isObject()) given.fields().forEachRemaining(f -> {
            checkMetadata(f.getKey(), f.getValue());
            if (!f.getValue().asText().isEmpty()) m.put(f.getKey(), f.getValue().asText());
        });
        else if (given != null && !(given.isTextual() && given.asText().isEmpty())) {
            throw StripeError.invalid("Invalid object", "parameter_invalid_object", "metadata");
        }
        return checkCount(m);
    }

    /**
     * Stripe's metadata limits (https://docs.stripe.com/api/metadata): up to 50 keys, key names up to 40 characters
     * without square brackets, values strings up to 500 characters; refused with Stripe's words and {@code param: metadata}.
     */
    private static void checkMetadata(String key, JsonNode value) {
        if (key.isEmpty() || key.length() > 40 || key.indexOf('[') >= 0 || key.indexOf(']') >= 0) {
            throw StripeError.invalid("Invalid key: " + key + " must be a string under 40 characters without square brackets", null, "metadata");
        }
        if (!value.isValueNode() || value.asText().length() > 500) {
            throw StripeError.invalid("Invalid val: " + (value.isValueNode() ? value.asText() : value.toString()) + " must be a string under 500 characters", null, "metadata");
        }
    }

    private static ObjectNode checkCount(ObjectNode m) {
        if (m.size() > 50) throw StripeError.invalid("Invalid metadata: metadata can have at most 50 keys, but " + m.size() + " were given.", null, "metadata");
        return m;
    }
}
