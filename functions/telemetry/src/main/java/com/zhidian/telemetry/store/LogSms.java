package com.zhidian.telemetry.store;

import com.zhidian.telemetry.domain.Alert;
import com.zhidian.telemetry.domain.SmsSender;

/** The SMS port's stand-in until a provider is chosen: one log line per opened alert (no phone number, no personal data). */
public final class LogSms implements SmsSender {
    @Override
    public void send(String tenantId, String storeId, Alert alert) {
        System.out.println("{\"sms\":\"not sent (no provider)\",\"tenantId\":\"" + tenantId + "\",\"storeId\":\"" + storeId
                + "\",\"alertId\":\"" + alert.alertId() + "\",\"rule\":\"" + alert.rule() + "\"}");
    }
}
