package com.zhidian.merchants.domain;

import java.util.List;

/**
 * A customer's complaint about a counter, filed from the counter's credit QR. {@code answerBy} is the merchant's
 * deadline to answer; {@code late} is set when the answer came (or had not come) after it. The customer's phone is
 * for the store's staff only: no public view shows it. {@code photo} (null: none) is the customer's optional photo,
 * shown to the store and on the complaint's own tracking page, never on the counter's public credit page.
 */
public record Complaint(String complaintId, String merchantId, String counterId, String storeId, String what,
                        String happenedAt, String reference, String phone, String status, String outcome,
                        String receivedAt, String answerBy, String answeredAt, String closedAt, boolean late,
                        List<Step> steps, long version, Photo photo) {

    public Complaint {
        steps = List.copyOf(steps);
    }

    public boolean open() {
        return !ComplaintRules.CLOSED.equals(status);
    }
}
