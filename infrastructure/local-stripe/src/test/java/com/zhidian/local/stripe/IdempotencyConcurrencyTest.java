package com.zhidian.local.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentConfirmParams;
import com.stripe.param.PaymentIntentCreateParams;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Many clients at once: one key makes one payment; one intent is charged once however many confirm it. */
class IdempotencyConcurrencyTest {
    private final StripeLocal stripe = StripeLocal.start("127.0.0.1", 0);
    private final StripeClient client = StripeClient.builder().setApiKey("sk_test_local").setApiBase(stripe.endpoint().toString()).build();

    @AfterEach
    void stop() { stripe.close(); }

    @Test
    void oneKeySentBy16ClientsAtOnceMakesOnePayment() throws Exception {
        var pool = Executors.newFixedThreadPool(16);
        Set<String> ids = ConcurrentHashMap.newKeySet();
        AtomicInteger inUse = new AtomicInteger();
        List<Callable<Void>> calls = new ArrayList<>();
        for (int i = 0; i < 32; i++) calls.add(() -> {
            try {
                ids.add(create("same").getId());
            } catch (StripeException e) {
                // a copy that arrives while the first is still going through (Stripe's idempotency_key_in_use)
                assertEquals(409, e.getStatusCode());
                assertEquals("idempotency_key_in_use", e.getCode());
                inUse.incrementAndGet();
            }
            return null;
        });
        for (Future<Void> f : pool.invokeAll(calls)) f.get();
        pool.shutdown();
        assertEquals(1, ids.size(), "every copy answered took the first one's answer");
        assertTrue(inUse.get() < 32);
        assertEquals(ids.iterator().next(), create("same").getId(), "once the first is through, a copy replays it");
        assertEquals(1, client.v1().balanceTransactions().list().getData().size());
    }

    /** https://docs.stripe.com/error-codes/idempotency-key-in-use, made certain: the first copy is held while the second arrives. */
    @Test
    void aCopySentWhileTheFirstIsGoingThroughIsA409AndChangesNothing() throws Exception {
        var pool = Executors.newSingleThreadExecutor();
        Future<PaymentIntent> first;
        synchronized (stripe) { // the stand-in answers one request at a time, under this lock
            first = pool.submit(() -> create("held"));
            for (int i = 0; i < 500 && !stripe.inFlight("held"); i++) Thread.sleep(10);
            assertTrue(stripe.inFlight("held"), "the first copy reached the stand-in");
            StripeException copy = assertThrows(StripeException.class, () -> create("held"));
            assertEquals(409, copy.getStatusCode());
            assertEquals("idempotency_key_in_use", copy.getCode());
        }
        String id = first.get(10, TimeUnit.SECONDS).getId();
        assertEquals(id, create("held").getId());
        assertEquals(1, client.v1().balanceTransactions().list().getData().size());
        pool.shutdown();
    }

    private PaymentIntent create(String key) throws StripeException {
        return client.v1().paymentIntents().create(PaymentIntentCreateParams.builder().setAmount(100L).setCurrency("cny")
                .setPaymentMethod("pm_card_visa").setConfirm(true).build(), RequestOptions.builder().setIdempotencyKey(key).build());
    }

    @Test
    void confirmingOneIntentFromManyClientsChargesItOnce() throws Exception {
        PaymentIntent pi = client.v1().paymentIntents().create(PaymentIntentCreateParams.builder().setAmount(100L).setCurrency("cny").build());
        var pool = Executors.newFixedThreadPool(16);
        AtomicInteger succeeded = new AtomicInteger(), refused = new AtomicInteger();
        List<Callable<Void>> calls = new ArrayList<>();
        for (int i = 0; i < 32; i++) calls.add(() -> {
            try {
                client.v1().paymentIntents().confirm(pi.getId(), PaymentIntentConfirmParams.builder().setPaymentMethod("pm_card_visa").build());
                succeeded.incrementAndGet();
            } catch (InvalidRequestException e) {
                if ("payment_intent_unexpected_state".equals(e.getCode())) refused.incrementAndGet();
            }
            return null;
        });
        for (Future<Void> f : pool.invokeAll(calls)) f.get();
        pool.shutdown();
        assertEquals(1, succeeded.get());
        assertEquals(31, refused.get());
        assertEquals(1, client.v1().balanceTransactions().list().getData().size());
    }
}
