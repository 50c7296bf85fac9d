package com.zhidian.local.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.stripe.StripeClient;
import com.stripe.model.BalanceTransaction;
import com.stripe.model.Charge;
import com.stripe.model.PaymentIntent;
import com.stripe.param.BalanceTransactionListParams;
import com.stripe.param.PaymentIntentCreateParams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Reconciliation reads a charge's payment intent through {@code expand[]=data.source}, paging with auto-paging. */
class BalanceSourceExpandTest {
    private final StripeLocal stripe = StripeLocal.start("127.0.0.1", 0);
    private final StripeClient client = StripeClient.builder().setApiKey("sk_test_local").setApiBase(stripe.endpoint().toString()).build();

    @AfterEach
    void stop() { stripe.close(); }

    @Test
    void aChargesTransactionExpandsToTheChargeWithItsPaymentIntentAcrossPages() throws Exception {
        PaymentIntent a = pay(1000), b = pay(2000), c = pay(3000);
        var params = BalanceTransactionListParams.builder().setLimit(2L).addExpand("data.source").build();
        java.util.List<String> intents = new java.util.ArrayList<>();
        for (BalanceTransaction t : client.v1().balanceTransactions().list(params).autoPagingIterable()) {
            intents.add(((Charge) t.getSourceObject()).getPaymentIntent());
        }
        assertEquals(java.util.List.of(c.getId(), b.getId(), a.getId()), intents);
    }

    private PaymentIntent pay(long amount) throws Exception {
        return client.v1().paymentIntents().create(PaymentIntentCreateParams.builder().setAmount(amount).setCurrency("cny")
                .setPaymentMethod("pm_card_visa").setConfirm(true).build());
    }
}
