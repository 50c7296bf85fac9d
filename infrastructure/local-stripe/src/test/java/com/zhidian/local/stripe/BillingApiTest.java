package com.zhidian.local.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.BalanceTransaction;
import com.stripe.model.Customer;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Subscription;
import com.stripe.param.BalanceTransactionListParams;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerUpdateParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.SubscriptionCreateParams;
import com.stripe.param.SubscriptionUpdateParams;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Customers, Subscriptions and Balance Transactions, read by stripe-java itself. */
class BillingApiTest {
    private final StripeLocal stripe = StripeLocal.start("127.0.0.1", 0);
    private final StripeClient client = StripeClient.builder().setApiKey("sk_test_local").setApiBase(stripe.endpoint().toString()).build();

    @AfterEach
    void stop() { stripe.close(); }

    @Test
    void customersCreateRetrieveUpdateWithStripesMetadataRule() throws Exception {
        Customer c = client.v1().customers().create(CustomerCreateParams.builder().setName("Nanjing Deli").setEmail("owner@njd.example")
                .putMetadata("tenant_id", "tn_a").putMetadata("plan", "basic").build());
        assertTrue(c.getId().startsWith("cus_"));
        assertEquals("Nanjing Deli", client.v1().customers().retrieve(c.getId()).getName());
        Customer updated = client.v1().customers().update(c.getId(), CustomerUpdateParams.builder().setEmail("boss@njd.example")
                .putMetadata("plan", "").putMetadata("region", "cn-east").build());
        assertEquals("boss@njd.example", updated.getEmail());
        assertEquals("Nanjing Deli", updated.getName());
        assertEquals("tn_a", updated.getMetadata().get("tenant_id"));
        assertFalse(updated.getMetadata().containsKey("plan")); // an empty value removes the key
        assertEquals("cn-east", updated.getMetadata().get("region"));
        assertEquals(404, assertThrows(InvalidRequestException.class, () -> client.v1().customers().retrieve("cus_nope")).getStatusCode());
    }

    @Test
    void subscriptionsCreateRetrieveChangePlanCancel() throws Exception {
        Customer c = client.v1().customers().create(CustomerCreateParams.builder().setName("t").build());
        Subscription s = client.v1().subscriptions().create(SubscriptionCreateParams.builder().setCustomer(c.getId())
                .addItem(SubscriptionCreateParams.Item.builder().setPrice("price_basic_monthly").build()).putMetadata("tenant_id", "tn_a").build());
        assertTrue(s.getId().startsWith("sub_"));
        assertEquals("active", s.getStatus());
        assertEquals(c.getId(), s.getCustomer());
        var item = s.getItems().getData().get(0);
        assertEquals("price_basic_monthly", item.getPrice().getId());
        assertTrue(item.getCurrentPeriodEnd() > item.getCurrentPeriodStart());

        Subscription pro = client.v1().subscriptions().update(s.getId(), SubscriptionUpdateParams.builder()
                .addItem(SubscriptionUpdateParams.Item.builder().setId(item.getId()).setPrice("price_pro_monthly").build())
                .setProrationBehavior(SubscriptionUpdateParams.ProrationBehavior.NONE).build());
        assertEquals("price_pro_monthly", pro.getItems().getData().get(0).getPrice().getId());
        assertEquals(1, pro.getItems().getData().size());
        assertEquals("price_pro_monthly", client.v1().subscriptions().retrieve(s.getId()).getItems().getData().get(0).getPrice().getId());

        stripe.subscriptionPaymentFailed(s.getId());
        assertEquals("past_due", client.v1().subscriptions().retrieve(s.getId()).getStatus());

        Subscription canceled = client.v1().subscriptions().cancel(s.getId());
        assertEquals("canceled", canceled.getStatus());
        assertTrue(canceled.getCanceledAt() != null && canceled.getEndedAt() != null);
        assertThrows(InvalidRequestException.class, () -> client.v1().subscriptions().cancel(s.getId()));
        assertEquals("resource_missing", assertThrows(InvalidRequestException.class, () -> client.v1().subscriptions().create(
                SubscriptionCreateParams.builder().setCustomer("cus_nope").addItem(SubscriptionCreateParams.Item.builder().setPrice("price_x").build()).build())).getCode());
        assertEquals("items", assertThrows(InvalidRequestException.class, () -> client.v1().subscriptions().create(
                SubscriptionCreateParams.builder().setCustomer(c.getId()).build())).getParam());
    }

    @Test
    void balanceTransactionsListNewestFirstWithCreatedFiltersAndPages() throws Exception {
        long day1 = Instant.parse("2026-12-01T10:00:00Z").getEpochSecond();
        long day2 = Instant.parse("2026-12-02T10:00:00Z").getEpochSecond();
        stripe.setClock(Clock.fixed(Instant.ofEpochSecond(day1), ZoneOffset.UTC));
        PaymentIntent a = pay(1000);
        pay(2000);
        stripe.setClock(Clock.fixed(Instant.ofEpochSecond(day2), ZoneOffset.UTC));
        PaymentIntent c = pay(3000);
        client.v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(a.getId()).setAmount(250L).build());

        List<BalanceTransaction> all = client.v1().balanceTransactions().list(BalanceTransactionListParams.builder().build()).getData();
        assertEquals(4, all.size());
        assertEquals("refund", all.get(0).getType());
        assertEquals(-250L, all.get(0).getAmount());
        assertTrue(all.get(0).getSource().startsWith("re_"));

        var secondDay = client.v1().balanceTransactions().list(BalanceTransactionListParams.builder()
                .setCreated(BalanceTransactionListParams.Created.builder().setGte(day2).build()).build()).getData();
        assertEquals(2, secondDay.size());
        var firstDay = client.v1().balanceTransactions().list(BalanceTransactionListParams.builder()
                .setCreated(BalanceTransactionListParams.Created.builder().setGte(day1).setLt(day2).build()).setType("charge").build()).getData();
        assertEquals(List.of(2000L, 1000L), firstDay.stream().map(BalanceTransaction::getAmount).toList());
        assertEquals(2, client.v1().balanceTransactions().list(BalanceTransactionListParams.builder().setCreated(day1).build()).getData().size());

        var page1 = client.v1().balanceTransactions().list(BalanceTransactionListParams.builder().setLimit(3L).build());
        assertTrue(page1.getHasMore());
        var page2 = client.v1().balanceTransactions().list(BalanceTransactionListParams.builder().setLimit(3L)
                .setStartingAfter(page1.getData().get(2).getId()).build());
        assertFalse(page2.getHasMore());
        assertEquals(1000L, page2.getData().get(0).getAmount());
        String chargeTxn = client.v1().charges().retrieve(c.getLatestCharge()).getBalanceTransaction();
        assertEquals(3000L, client.v1().balanceTransactions().retrieve(chargeTxn).getAmount());
        assertNull(client.v1().balanceTransactions().retrieve(chargeTxn).getExchangeRate());
    }

    private PaymentIntent pay(long amount) throws Exception {
        return client.v1().paymentIntents().create(PaymentIntentCreateParams.builder().setAmount(amount).setCurrency("cny")
                .setPaymentMethod("pm_card_visa").setConfirm(true).build());
    }
}
