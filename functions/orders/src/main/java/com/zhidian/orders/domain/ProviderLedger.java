package com.zhidian.orders.domain;

import java.util.List;
import java.util.Map;

/**
 * The provider's ledger of a time range, as reconciliation entries (payments by payment intent, refunds by refund id),
 * grouped by the tenant the movement's metadata names (one provider account serves every tenant).
 */
public interface ProviderLedger {
    /** Every charge and refund movement created in [fromEpochSecond, toEpochSecond), all pages read, by tenant id. */
    Map<String, List<Reconciliation.Entry>> movements(long fromEpochSecond, long toEpochSecond);
}
