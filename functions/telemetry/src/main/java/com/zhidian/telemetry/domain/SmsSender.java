package com.zhidian.telemetry.domain;

/**
 * The port an SMS provider plugs into: one text to one phone. Amazon SNS {@code Publish} in AWS; under Zhidian Local the
 * local outbox (nothing leaves the machine). Throws when the provider refused or could not be reached.
 */
public interface SmsSender {
    /** Where it went: {@code via} (sns, local_outbox) and the provider's message id (null for the outbox). */
    record Sent(String via, String providerId) {}

    Sent send(String tenantId, String storeId, String phone, String text);
}
