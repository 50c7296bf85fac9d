package com.zhidian.orders.domain;

/** A tenant's order settings: the minutes an unpaid order waits before the timeout job cancels it. */
public interface OrderSettingsRepository {
    /** The tenant's minutes to pay; {@link OrderRules#DEFAULT_PAY_MINUTES} when never set. */
    int payMinutes(String tenantId);

    void savePayMinutes(String tenantId, int minutes);
}
