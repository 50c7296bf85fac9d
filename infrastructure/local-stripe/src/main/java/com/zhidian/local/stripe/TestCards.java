package com.zhidian.local.stripe;

import java.util.Map;

/**
 * Stripe's test PaymentMethod ids (https://docs.stripe.com/testing#cards, #declined-payments, #regulatory-cards) and
 * the outcome each stands for: {@code succeed}, {@code action} (3D Secure), or {@code decline:<decline_code>}.
 */
final class TestCards {
    private static final Map<String, String> SPECIAL = Map.of(
            "pm_card_chargeDeclined", "decline:generic_decline",
            "pm_card_visa_chargeDeclined", "decline:generic_decline",
            "pm_card_chargeDeclinedInsufficientFunds", "decline:insufficient_funds",
            "pm_card_visa_chargeDeclinedInsufficientFunds", "decline:insufficient_funds",
            "pm_card_chargeDeclinedLostCard", "decline:lost_card",
            "pm_card_chargeDeclinedStolenCard", "decline:stolen_card",
            "pm_card_chargeDeclinedExpiredCard", "decline:expired_card",
            "pm_card_authenticationRequired", "action",
            "pm_card_threeDSecure2Required", "action",
            "pm_card_authenticationRequiredOnSetup", "action");

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
        String special = SPECIAL.get(id);
        if (special != null) return special;
        return id.startsWith("pm_card_") && id.length() > "pm_card_".length() ? "succeed" : null;
    }
}
