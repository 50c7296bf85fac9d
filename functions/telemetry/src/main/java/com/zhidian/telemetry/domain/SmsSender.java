package com.zhidian.telemetry.domain;

/**
 * The port an SMS provider plugs into (Aliyun SMS, Tencent Cloud SMS): one text to the store's alert phone when an alert
 * opens. Not wired to a provider yet; the default adapter writes the message to the function's log.
 */
public interface SmsSender {
    void send(String tenantId, String storeId, Alert alert);
}
