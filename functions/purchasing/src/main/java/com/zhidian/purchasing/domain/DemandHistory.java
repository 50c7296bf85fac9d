package com.zhidian.purchasing.domain;

import com.zhidian.purchasing.domain.forecast.DemandSeries;
import java.time.LocalDate;

/**
 * Units sold per day of one product in one store, net of returns, over [from, to) in the tenant's days, with
 * each day's promotion or holiday tag where known. Implemented over the sales rollups of the reports context.
 */
public interface DemandHistory {
    DemandSeries daily(String tenantId, String storeId, String gtin, LocalDate from, LocalDate to);
}
