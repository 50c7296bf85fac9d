package com.zhidian.local.stripe;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Idempotent requests as Stripe documents them (https://docs.stripe.com/api/idempotent_requests): a POST's answer is
 * saved under its {@code Idempotency-Key} (per API key) for 24 hours; the same key with the same parameters gets the
 * saved answer again, status and body, errors included; the same key with other parameters is refused with an
 * {@code idempotency_error}. Answers to requests that failed validation are not saved, so they may be retried.
 * Callers hold the stand-in's lock.
 */
final class Idempotency {
    static final Duration KEPT = Duration.ofHours(24);

    record Saved(String fingerprint, int status, byte[] body, Instant at) {}

    private final Map<String, Saved> saved = new HashMap<>();

    /** The saved answer for this key, null when there is none; an {@code idempotency_error} when its parameters differ. */
    Saved find(String apiKey, String key, String fingerprint, Instant now) {
        saved.values().removeIf(s -> s.at().plus(KEPT).isBefore(now));
        Saved s = saved.get(apiKey + "\n" + key);
        if (s == null) return null;
        String was = endpoint(s.fingerprint()), asked = endpoint(fingerprint);
        if (!was.equals(asked)) {
            throw new StripeError(400, "idempotency_error", null, "Keys for idempotent requests can only be used for the same endpoint they were first used for ('"
                    + was + "' vs '" + asked + "'). Try using a key other than '" + key + "' if you meant to execute a different request.", null);
        }
        if (!s.fingerprint().equals(fingerprint)) {
            throw new StripeError(400, "idempotency_error", null, "Keys for idempotent requests can only be used with the same parameters "
                    + "they were first used with. Try using a key other than '" + key + "' if you meant to execute a different request.", null);
        }
        return s;
    }

    /** The path of a fingerprint ("POST /v1/refunds {…}"). */
    private static String endpoint(String fingerprint) {
        String[] parts = fingerprint.split(" ", 3);
        return parts.length > 1 ? parts[1] : fingerprint;
    }

    void save(String apiKey, String key, String fingerprint, int status, byte[] body, Instant now) {
        saved.put(apiKey + "\n" + key, new Saved(fingerprint, status, body, now));
    }
}
