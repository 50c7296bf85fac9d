package com.zhidian.purchasing.application;

import com.zhidian.purchasing.domain.DemandHistory;
import com.zhidian.purchasing.domain.forecast.DemandSeries;
import com.zhidian.purchasing.domain.forecast.EventCalendar;
import com.zhidian.reports.application.SalesHistory;
import java.time.LocalDate;
import java.util.List;

/**
 * The demand history from the reports context's daily sales rollups (units paid less units refunded per tenant
 * day, one query per product), with each day's calendar event tag. Net units below zero (more refunded than sold
 * that day) count as no demand.
 */
public final class ReportsSalesHistory implements DemandHistory {
    private final SalesHistory sales;

    public ReportsSalesHistory(SalesHistory sales) {
        this.sales = sales;
    }

    @Override
    public DemandSeries daily(String tenantId, String storeId, String gtin, LocalDate from, LocalDate to) {
        if (!from.isBefore(to)) return new DemandSeries(from, new double[0], null);
        List<SalesHistory.Day> days = sales.productDaily(tenantId, storeId, gtin, from, to.minusDays(1));
        int n = (int) java.time.temporal.ChronoUnit.DAYS.between(from, to);
        double[] units = new double[n];
        for (SalesHistory.Day d : days) {
            int i = (int) java.time.temporal.ChronoUnit.DAYS.between(from, d.day());
            if (i >= 0 && i < n) units[i] = Math.max(0, d.units());
        }
        return new DemandSeries(from, units, EventCalendar.tags(from, n));
    }
}
