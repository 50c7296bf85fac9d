package com.zhidian.tenants.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Stripe delivers at least once and in no guaranteed order: the billing a tenant ends with does not depend on either. */
class BillingProperties {

    /** Events with distinct times (Stripe's created, in seconds), of every type billing reads. */
    @Provide
    Arbitrary<List<SubscriptionEvent>> events() {
        Arbitrary<Integer> kind = Arbitraries.integers().between(0, 2);
        Arbitrary<String> status = Arbitraries.of("active", "past_due", "unpaid", "canceled", "incomplete");
        return Combinators.combine(kind, status).as((k, s) -> new int[] {k, List.of("active", "past_due", "unpaid", "canceled", "incomplete").indexOf(s)})
                .list().ofMinSize(1).ofMaxSize(12).map(specs -> {
                    List<SubscriptionEvent> out = new ArrayList<>();
                    for (int i = 0; i < specs.size(); i++) {
                        long created = 1_000 + i * 10L;
                        String id = "evt_" + i;
                        String st = List.of("active", "past_due", "unpaid", "canceled", "incomplete").get(specs.get(i)[1]);
                        out.add(switch (specs.get(i)[0]) {
                            case 0 -> BillingTest.failed(id, created);
                            case 1 -> BillingTest.paid(id, created);
                            default -> BillingTest.status(id, created, st);
                        });
                    }
                    return out;
                });
    }

    @Property(tries = 300)
    void theLatestStatusWins_inAnyDeliveryOrder(@ForAll("events") List<SubscriptionEvent> events, @ForAll long seed) {
        List<SubscriptionEvent> shuffled = new ArrayList<>(events);
        Collections.shuffle(shuffled, new Random(seed));
        Billing b = BillingTest.READY;
        for (SubscriptionEvent e : shuffled) b = b.apply(e);
        String expected = BillingTest.READY.subscriptionStatus();
        SubscriptionEvent lastFailure = null;
        boolean flag = false;
        for (SubscriptionEvent e : events) {
            if (e.status() != null) expected = e.status();
            Boolean opinion = Billing.flagOpinion(e);
            if (opinion != null) flag = opinion;
            if (e.type().equals(SubscriptionEvent.PAYMENT_FAILED)) lastFailure = e;
        }
        assertEquals(expected, b.subscriptionStatus());
        assertEquals(flag, b.paymentFailed(), "the newest event with a say decides the flag");
        assertEquals(lastFailure == null ? null : lastFailure.invoiceId(),
                b.lastPaymentFailure() == null ? null : b.lastPaymentFailure().invoiceId());
    }

    @Property(tries = 300)
    void redeliveries_changeNothing(@ForAll("events") List<SubscriptionEvent> events, @ForAll long seed) {
        Random r = new Random(seed);
        Billing once = BillingTest.READY;
        Billing again = BillingTest.READY;
        List<SubscriptionEvent> delivered = new ArrayList<>();
        for (SubscriptionEvent e : events) {
            once = once.apply(e);
            again = again.apply(e);
            delivered.add(e);
            // Stripe resends any earlier event at any time
            while (r.nextInt(3) == 0) again = again.apply(delivered.get(r.nextInt(delivered.size())));
        }
        assertEquals(once, again);
    }
}
