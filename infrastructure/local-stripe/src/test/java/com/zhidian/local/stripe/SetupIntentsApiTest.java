package com.zhidian.local.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.stripe.StripeClient;
import com.stripe.exception.CardException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Customer;
import com.stripe.model.PaymentIntent;
import com.stripe.model.SetupIntent;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.SetupIntentCreateParams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A card saved for later (https://docs.stripe.com/payments/save-and-reuse): a SetupIntent confirmed with a test card
 * attaches it to the customer, then an off-session PaymentIntent (https://docs.stripe.com/payments/save-and-reuse#charge-saved-payment-method)
 * charges it without the customer; read by stripe-java itself.
 */
class SetupIntentsApiTest {
    private final StripeLocal stripe = StripeLocal.start("127.0.0.1", 0);
    private final StripeClient client = StripeClient.builder().setApiKey("sk_test_local").setApiBase(stripe.endpoint().toString()).build();

    @AfterEach
    void stop() { stripe.close(); }

    private Customer customer() throws Exception {
        return client.v1().customers().create(CustomerCreateParams.builder().putMetadata("memberId", "mb_1").build());
    }

    private SetupIntent setUp(String customer, String card) throws Exception {
        return client.v1().setupIntents().create(SetupIntentCreateParams.builder().setCustomer(customer).setPaymentMethod(card)
                .addPaymentMethodType("card").setUsage(SetupIntentCreateParams.Usage.OFF_SESSION).setConfirm(true).build());
    }

    private PaymentIntent offSession(String customer, String pm, long amount) throws Exception {
        return client.v1().paymentIntents().create(PaymentIntentCreateParams.builder().setAmount(amount).setCurrency("cny")
                .addPaymentMethodType("card").setCustomer(customer).setPaymentMethod(pm).setOffSession(true).setConfirm(true).build());
    }

    @Test
    void aSavedVisaIsChargedOffSession() throws Exception {
        Customer c = customer();
        SetupIntent si = setUp(c.getId(), "pm_card_visa");
        assertTrue(si.getId().startsWith("seti_"), si::toJson);
        assertEquals("succeeded", si.getStatus());
        assertEquals("off_session", si.getUsage());
        assertEquals(c.getId(), si.getCustomer());
        assertTrue(si.getPaymentMethod().startsWith("pm_"));
        assertEquals("succeeded", client.v1().setupIntents().retrieve(si.getId()).getStatus());
        com.stripe.model.PaymentMethod pm = client.v1().paymentMethods().retrieve(si.getPaymentMethod());
        assertEquals("4242", pm.getCard().getLast4());
        assertEquals(c.getId(), pm.getCustomer());

        PaymentIntent pi = offSession(c.getId(), si.getPaymentMethod(), 1500);
        assertEquals("succeeded", pi.getStatus());
        assertEquals(1500L, pi.getAmountReceived());
        assertEquals(c.getId(), pi.getCustomer());
    }

    @Test
    void aDeclinedCardIsNotSaved() throws Exception {
        Customer c = customer();
        CardException e = assertThrows(CardException.class, () -> setUp(c.getId(), "pm_card_chargeDeclined"));
        assertEquals("card_declined", e.getCode());
        assertEquals("generic_decline", e.getDeclineCode());
    }

    @Test
    void theCardThatAttachesButFailsIsSavedThenDeclinedAtTheCharge() throws Exception {
        Customer c = customer();
        SetupIntent si = setUp(c.getId(), "pm_card_chargeCustomerFail");
        assertEquals("succeeded", si.getStatus());
        CardException e = assertThrows(CardException.class, () -> offSession(c.getId(), si.getPaymentMethod(), 800));
        assertEquals("card_declined", e.getCode());
        assertNotNull(e.getStripeError().getPaymentIntent());
        assertEquals("requires_payment_method", e.getStripeError().getPaymentIntent().getStatus());
    }

    @Test
    void aCardThatNeedsAuthenticationFailsOffSession() throws Exception {
        Customer c = customer();
        CardException e = assertThrows(CardException.class, () -> offSession(c.getId(), "pm_card_authenticationRequired", 800));
        assertEquals("authentication_required", e.getDeclineCode());
        assertEquals("requires_action", setUp(c.getId(), "pm_card_authenticationRequired").getStatus());
    }

    @Test
    void offSessionWithoutConfirmIsRefused() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> client.v1().paymentIntents().create(
                PaymentIntentCreateParams.builder().setAmount(100L).setCurrency("cny").setPaymentMethod("pm_card_visa").setOffSession(true).build()));
        assertEquals("off_session", e.getParam());
    }
}
