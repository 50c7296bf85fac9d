package com.zhidian.local.stripe;

import java.util.Map;

/**
 * Stripe's test PaymentMethod ids (https://docs.stripe.com/testing#cards, #declined-payments, #regulatory-cards) and
 * the outcome each stands for: {@code succeed}, {@code action} (3D Secure), or {@code decline:<reason>}. Stripe's
 * table names most of them both with and without {@code visa_} ({@code pm_card_visa_chargeDeclinedLostCard},
 * {@code pm_card_chargeDeclinedLostCard}); both are taken.
 */
final class TestCards {
    private static final Map<String, String> SPECIAL = Map.ofEntries(
            Map.entry("pm_card_chargeDeclined", "decline:generic_decline"),
            Map.entry("pm_card_chargeDeclinedInsufficientFunds", "decline:insufficient_funds"),
            Map.entry("pm_card_chargeDeclinedLostCard", "decline:lost_card"),
            Map.entry("pm_card_chargeDeclinedStolenCard", "decline:stolen_card"),
            Map.entry("pm_card_chargeDeclinedExpiredCard", "decline:expired_card"),
            Map.entry("pm_card_chargeDeclinedIncorrectCvc", "decline:incorrect_cvc"),
            Map.entry("pm_card_chargeDeclinedProcessingError", "decline:processing_error"),
            Map.entry("pm_card_chargeDeclinedVelocityLimitExceeded", "decline:card_velocity_exceeded"),
            Map.entry("pm_card_chargeDeclinedFraudulent", "decline:fraudulent"),
            Map.entry("pm_card_radarBlock", "decline:fraudulent"),
            Map.entry("pm_card_authenticationRequired", "action"),
            Map.entry("pm_card_threeDSecure2Required", "action"),
            Map.entry("pm_card_threeDSecureRequired", "action"),
            Map.entry("pm_card_authenticationRequiredOnSetup", "action"));

    /**
     * A decline as Stripe's error object shows it: the error {@code code}, the {@code decline_code} (null where
     * Stripe's table says n/a: expired card, incorrect CVC, processing error) and the message a customer may see.
     */
    record Decline(String code, String declineCode, String message) {
        static Decline of(String reason) {
            return switch (reason) {
                case "expired_card" -> new Decline("expired_card", null, "Your card has expired.");
                case "incorrect_cvc" -> new Decline("incorrect_cvc", null, "Your card's security code is incorrect.");
                case "processing_error" -> new Decline("processing_error", null, "An error occurred while processing your card. Try again in a little bit.");
                case "insufficient_funds" -> new Decline("card_declined", reason, "Your card has insufficient funds.");
                // off-session, a card that needs 3D Secure: the code the docs' off-session sample checks for
                case "authentication_required" -> new Decline("authentication_required", reason, "Your card was declined. This transaction requires authentication.");
                default -> new Decline("card_declined", reason, "Your card was declined.");
            };
        }
    }

    private TestCards() {}

    /**
     * The outcome of charges once the card is attached to a customer, for the card that attaches but then fails
     * (4000 0000 0000 0341, {@code pm_card_chargeCustomerFail}); null for every other card.
     */
    static String afterAttach(String id) {
        return "pm_card_chargeCustomerFail".equals(id) ? "decline:generic_decline" : null;
    }

    /** The outcome of a test card id, or null when the id is not a test card. */
    static String outcome(String id) {
        String special = SPECIAL.get(id.startsWith("pm_card_visa_") ? "pm_card_" + id.substring("pm_card_visa_".length()) : id);
        if (special != null) return special;
        return id.startsWith("pm_card_") && id.length() > "pm_card_".length() ? "succeed" : null;
    }
}
