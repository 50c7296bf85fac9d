package com.zhidian.parking.domain;

import java.util.List;

/** A member's parking account: bound plates, and the saved card for pay-after-exit (Stripe customer and PaymentMethod). */
public record MemberParking(String memberId, List<String> plates, String customer, String paymentMethod, String cardLabel) {
    public static final int MAX_PLATES = 3;

    public MemberParking {
        plates = List.copyOf(plates);
    }

    public boolean hasCard() {
        return paymentMethod != null;
    }
}
