package com.zhidian.tenants.store;

import com.zhidian.core.tenancy.Usage;
import com.zhidian.tenants.domain.UsageReport;
import java.time.YearMonth;
import java.util.Map;

/** The usage counters the other contexts keep with core's {@link Usage}. */
public final class DynamoUsageReport implements UsageReport {
    private final Usage usage;

    public DynamoUsageReport(Usage usage) {
        this.usage = usage;
    }

    @Override
    public Map<String, Object> month(String tenantId, YearMonth month) {
        return usage.month(tenantId, month);
    }

    @Override
    public YearMonth currentMonth() {
        return usage.currentMonth();
    }
}
