package com.zhidian.orders.domain;

import java.util.List;

/** The provider's ledger of a time range, as reconciliation entries (payments by payment intent, refunds by refund id). */
public interface ProviderLedger {
    /** Every charge and refund movement created in [fromEpochSecond, toEpochSecond), all pages read. */
    List<Reconciliation.Entry> movements(long fromEpochSecond, long toEpochSecond);
}
