package com.zhidian.local.stripe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zhidian.local.aws.Json;

/**
 * Stripe's error answer (https://docs.stripe.com/api/errors): the HTTP status (400 bad request, 401 no or bad key,
 * 402 request failed, e.g. a declined card, 404 missing object, 409 idempotency key in use) and the {@code error}
 * object with {@code type}, {@code code}, {@code message}, {@code param}, and for card errors {@code decline_code}
 * and the {@code payment_intent} it left behind.
 */
final class StripeError extends RuntimeException {
    final int status;
    final ObjectNode error;

    StripeError(int status, String type, String code, String message, String param) {
        super(message);
        this.status = status;
        error = Json.object();
        if (code != null) error.put("code", code);
        if (code != null) error.put("doc_url", "https://stripe.com/docs/error-codes/" + code.replace('_', '-'));
        error.put("message", message);
        if (param != null) error.put("param", param);
        error.put("type", type);
    }

    static StripeError invalid(String message, String code, String param) {
        return new StripeError(400, "invalid_request_error", code, message, param);
    }

    static StripeError missing(String what, String id, String param) {
        return new StripeError(404, "invalid_request_error", "resource_missing", "No such " + what + ": '" + id + "'", param);
    }

    static StripeError unexpectedState(String message) {
        return invalid(message, "payment_intent_unexpected_state", null);
    }

    /** As above, carrying the intent as it is, as Stripe's error object does for a request about a PaymentIntent. */
    static StripeError unexpectedState(String message, ObjectNode paymentIntent) {
        StripeError e = unexpectedState(message);
        e.error.set("payment_intent", paymentIntent.deepCopy());
        return e;
    }

    /**
     * Whether Stripe saves this answer under an idempotency key: only when the endpoint started executing (a decline,
     * a server error), not when the parameters failed validation.
     */
    boolean savedForReplay() {
        return status == 402 || status >= 500;
    }

    /** The answer's body; {@code request_log_url} names the request, as in Stripe's error object (https://docs.stripe.com/api/errors). */
    byte[] body(String requestId) {
        ObjectNode root = Json.object();
        ObjectNode e = error.deepCopy();
        if (requestId != null) e.put("request_log_url", "https://dashboard.stripe.com/test/logs/" + requestId + "?t=" + java.time.Instant.now().getEpochSecond());
        root.set("error", e);
        return Json.bytes(root);
    }
}
