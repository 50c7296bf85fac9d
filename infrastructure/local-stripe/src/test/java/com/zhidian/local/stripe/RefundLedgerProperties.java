package com.zhidian.local.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.BalanceTransaction;
import com.stripe.model.Charge;
import com.stripe.model.PaymentIntent;
import com.stripe.param.BalanceTransactionListParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Whatever refunds are asked for, and whichever of them a bank fails afterwards, the charge never gives back more than
 * it took, and the balance transactions of a payment always add up to what the charge says is left.
 */
class RefundLedgerProperties {
    private static final StripeLocal STRIPE = StripeLocal.start("127.0.0.1", 0);
    private static final StripeClient CLIENT = StripeClient.builder().setApiKey("sk_test_local").setApiBase(STRIPE.endpoint().toString()).build();

    @AfterContainer
    static void stop() { STRIPE.close(); }

    /** One step: a refund of this amount (0: "the rest"), and whether the bank then fails it. */
    record Step(long amount, boolean bankFails) {}

    @Provide
    Arbitrary<List<Step>> steps() {
        return Arbitraries.longs().between(0, 1200).flatMap(a -> Arbitraries.of(false, false, true).map(f -> new Step(a, f)))
                .list().ofMaxSize(8);
    }

    @Property(tries = 25)
    void refundsNeverExceedTheChargeAndTheLedgerAgrees(@ForAll("steps") List<Step> steps, @ForAll("amounts") long amount) throws Exception {
        PaymentIntent pi = CLIENT.v1().paymentIntents().create(PaymentIntentCreateParams.builder().setAmount(amount).setCurrency("cny")
                .setPaymentMethod("pm_card_visa").setConfirm(true).build());
        long refunded = 0;
        java.util.Set<String> refunds = new java.util.HashSet<>();
        for (Step s : steps) {
            long left = amount - refunded;
            var params = RefundCreateParams.builder().setPaymentIntent(pi.getId());
            if (s.amount() > 0) params.setAmount(s.amount());
            long asked = s.amount() == 0 ? left : s.amount();
            try {
                var r = CLIENT.v1().refunds().create(params.build());
                assertEquals(asked, r.getAmount());
                assertEquals(pi.getId(), r.getPaymentIntent());
                refunds.add(r.getId());
                refunded += asked;
                if (s.bankFails()) {
                    STRIPE.failRefund(r.getId());
                    refunded -= asked;
                }
            } catch (InvalidRequestException e) {
                assertEquals(left == 0 ? "charge_already_refunded" : "amount_too_large", e.getCode());
                assertEquals(true, left == 0 || asked > left);
            }
        }
        Charge charge = CLIENT.v1().charges().retrieve(pi.getLatestCharge());
        assertEquals(refunded, charge.getAmountRefunded());
        assertEquals(refunded == amount, charge.getRefunded());
        long net = 0;
        String after = null;
        while (true) {
            var page = CLIENT.v1().balanceTransactions().list(BalanceTransactionListParams.builder().setLimit(100L).setStartingAfter(after).build());
            for (BalanceTransaction t : page.getData()) {
                boolean ours = t.getSource().equals(charge.getId()) || refunds.contains(t.getSource());
                if (ours) net += t.getAmount();
            }
            if (!page.getHasMore()) break;
            after = page.getData().get(page.getData().size() - 1).getId();
        }
        assertEquals(amount - refunded, net);
    }

    @Provide
    Arbitrary<Long> amounts() { return Arbitraries.longs().between(1, 1000); }
}
