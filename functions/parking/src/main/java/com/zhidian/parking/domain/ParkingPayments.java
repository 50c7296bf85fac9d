package com.zhidian.parking.domain;

/** The payment provider for parking fees (Stripe): a customer per member, and charges of a card. */
public interface ParkingPayments {
    /** A charge: {@code ok}, the provider's payment id, and the decline code when it failed. */
    record Charge(boolean ok, String ref, String declineCode) {}

    /** A new provider customer for a member; answers its id. */
    String customer(String tenantId, String memberId);

    /** A card saved on a customer: the provider's PaymentMethod id and what the H5 shows of it (brand, last four digits). */
    record SavedCard(String paymentMethod, String label) {}

    /** Saves {@code paymentMethod} on the customer for later charges without the member (a SetupIntent), or throws PaymentFailed. */
    SavedCard setUp(String customer, String paymentMethod, String idempotencyKey);

    /** Charges {@code amountFen}; {@code offSession}: the member is not there (pay-after-exit). The same key charges once. */
    Charge charge(String tenantId, String sessionId, long amountFen, String customer, String paymentMethod, boolean offSession, String idempotencyKey);
}
