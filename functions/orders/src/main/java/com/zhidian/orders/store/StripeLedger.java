package com.zhidian.orders.store;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.BalanceTransaction;
import com.stripe.model.Charge;
import com.stripe.param.BalanceTransactionListParams;
import com.zhidian.orders.domain.ProviderLedger;
import com.zhidian.orders.domain.Reconciliation.Entry;
import com.zhidian.orders.domain.Reconciliation.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link ProviderLedger} on Stripe's balance transactions (stripe-java {@code BalanceTransaction.list} with a
 * {@code created} range, every page through auto-paging). A charge's transaction is keyed by its payment intent
 * (the source expanded to the charge); a refund's by the refund id, its amount made positive. Other types are skipped.
 */
public final class StripeLedger implements ProviderLedger {
    private final StripeClient client;

    public StripeLedger(StripeClient client) { this.client = client; }

    @Override
    public List<Entry> movements(long from, long to) {
        BalanceTransactionListParams params = BalanceTransactionListParams.builder()
                .setCreated(BalanceTransactionListParams.Created.builder().setGte(from).setLt(to).build())
                .setLimit(100L).addExpand("data.source").build();
        List<Entry> out = new ArrayList<>();
        try {
            for (BalanceTransaction t : client.v1().balanceTransactions().list(params).autoPagingIterable()) {
                switch (t.getType()) {
                    case "charge", "payment" -> {
                        String ref = t.getSource();
                        if (t.getSourceObject() instanceof Charge c && c.getPaymentIntent() != null) ref = c.getPaymentIntent();
                        out.add(new Entry(Kind.payment, ref, t.getAmount(), null));
                    }
                    case "refund" -> out.add(new Entry(Kind.refund, t.getSource(), -t.getAmount(), null));
                    default -> { }
                }
            }
        } catch (StripeException e) {
            throw new IllegalStateException("reading Stripe's balance transactions failed: " + e.getMessage(), e);
        }
        return out;
    }
}
