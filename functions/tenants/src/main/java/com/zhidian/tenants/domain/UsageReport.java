package com.zhidian.tenants.domain;

import java.time.YearMonth;
import java.util.Map;

/** A tenant's monthly usage counters (members, orders, devices, messages), as the other contexts count them. */
public interface UsageReport {
    /** {@code month} and each counter of the tenant's month (0 when nothing was counted). */
    Map<String, Object> month(String tenantId, YearMonth month);

    /** The billing month now (billing runs on Beijing time). */
    YearMonth currentMonth();
}
