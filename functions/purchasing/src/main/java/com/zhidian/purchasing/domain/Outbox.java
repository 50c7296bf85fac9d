package com.zhidian.purchasing.domain;

/** Sends a purchase order to its supplier by e-mail (locally: a stored outbox message). */
public interface Outbox {
    record Attachment(String filename, String contentType, byte[] content) {}

    /** Answers the message id. */
    String send(String tenantId, String to, String subject, String body, Attachment attachment);
}
