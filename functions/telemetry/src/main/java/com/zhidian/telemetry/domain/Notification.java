package com.zhidian.telemetry.domain;

import java.util.Map;

/** The one in-app notification an alert sends when it opens (the staff's bell; SMS goes through {@link SmsSender}). */
public record Notification(String notificationId, String storeId, String alertId, String rule, String deviceId, String at,
                           Map<String, Object> facts) {}
