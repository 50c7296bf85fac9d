package com.zhidian.campaigns.domain;

import java.time.LocalTime;

/**
 * A tenant's rules for marketing messages: quiet hours in the tenant's zone (from == until: none) and the frequency
 * cap, messages per member across all campaigns in any 7 days.
 */
public record PushSettings(LocalTime quietFrom, LocalTime quietUntil, int frequencyCap) {
    public static final PushSettings DEFAULT = new PushSettings(LocalTime.of(21, 0), LocalTime.of(8, 0), 2);
    public static final int MAX_CAP = 50;

    public boolean hasQuietHours() { return !quietFrom.equals(quietUntil); }
}
