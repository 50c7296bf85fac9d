package com.zhidian.tenants.fakes;

import com.zhidian.tenants.domain.UsageReport;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;

/** Every month counts 7 members; "now" is May 2026. */
public final class FixedUsage implements UsageReport {
    @Override
    public Map<String, Object> month(String tenantId, YearMonth month) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("month", month.toString());
        out.put("members", 7L);
        return out;
    }

    @Override
    public YearMonth currentMonth() {
        return YearMonth.of(2026, 5);
    }
}
