package com.zhidian.local.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.local.aws.Json;
import java.nio.charset.StandardCharsets;

/**
 * The page a payment's {@code next_action} links to (the QR code's instructions, the Alipay or 3D Secure redirect):
 * it shows the payment and lets a tester complete or fail it, as the customer's wallet or bank would.
 */
final class TesterPage {
    private TesterPage() {}

    static byte[] html(String paymentIntentJson, String id) {
        if (paymentIntentJson == null) throw StripeError.missing("payment_intent", id, "intent");
        JsonNode pi;
        try {
            pi = Json.MAPPER.readTree(paymentIntentJson);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        String safeId = escape(id);
        String html = "<!doctype html><html><head><meta charset=\"utf-8\"><title>Stripe stand-in: " + safeId + "</title></head><body>"
                + "<h1>Stripe stand-in</h1><p id=\"payment\">" + safeId + ": " + pi.get("amount").asLong() + " " + escape(pi.get("currency").asText())
                + ", status <b id=\"status\">" + escape(pi.get("status").asText()) + "</b></p>"
                + "<form method=\"post\" action=\"/local/stripe/payment_intents/" + safeId + "/succeed\"><button id=\"succeed\">Authorize payment</button></form>"
                + "<form method=\"post\" action=\"/local/stripe/payment_intents/" + safeId + "/fail\"><button id=\"fail\">Fail payment</button></form>"
                + "</body></html>";
        return html.getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
