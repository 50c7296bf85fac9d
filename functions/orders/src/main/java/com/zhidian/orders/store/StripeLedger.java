package com.zhidian.orders.store;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.BalanceTransaction;
import com.stripe.model.Charge;
import com.stripe.model.Refund;
import com.stripe.param.BalanceTransactionListParams;
import com.zhidian.core.Env;
import com.zhidian.core.errors.ApiException;
import com.zhidian.orders.domain.ProviderLedger;
import com.zhidian.orders.domain.Reconciliation.Entry;
import com.zhidian.orders.domain.Reconciliation.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link ProviderLedger} on Stripe's balance transactions (stripe-java {@code BalanceTransaction.list} with a
 * {@code created} range, every page through auto-paging). A charge's transaction is keyed by its payment intent
 * (the source expanded to the charge) and belongs to the tenant of the charge's metadata (copied from the payment
 * intent's); a refund's by the refund id, its amount made positive, and belongs to the tenant of its charge (read once
 * per charge). Other types, and movements with no tenant, are skipped.
 */
public final class StripeLedger implements ProviderLedger {
    private static final String NO_TENANT = "";
    private final StripeClient client;

    public StripeLedger(StripeClient client) { this.client = client; }

    public static StripeLedger fromEnvironment() {
        StripeClient.StripeClientBuilder b = StripeClient.builder().setApiKey(Env.get("STRIPE_SECRET_KEY", "sk_test_local"))
                .setMaxNetworkRetries(2); // stripe-java retries a lost connection or a 409 idempotency_key_in_use with the same key
        String base = Env.get("STRIPE_API_BASE", null);
        if (base != null && !base.isBlank()) b.setApiBase(base);
        return new StripeLedger(b.build());
    }

    @Override
    public Map<String, List<Entry>> movements(long from, long to) {
        BalanceTransactionListParams params = BalanceTransactionListParams.builder()
                .setCreated(BalanceTransactionListParams.Created.builder().setGte(from).setLt(to).build())
                .setLimit(100L).addExpand("data.source").build();
        Map<String, List<Entry>> out = new LinkedHashMap<>();
        Map<String, String[]> charges = new HashMap<>();
        try {
            for (BalanceTransaction t : client.v1().balanceTransactions().list(params).autoPagingIterable()) {
                switch (t.getType()) {
                    case "charge", "payment" -> {
                        String ref = t.getSource();
                        String tenant = NO_TENANT, order = null;
                        if (t.getSourceObject() instanceof Charge c) {
                            if (c.getPaymentIntent() != null) ref = c.getPaymentIntent();
                            if (c.getMetadata() != null) {
                                tenant = c.getMetadata().getOrDefault("tenantId", NO_TENANT);
                                order = c.getMetadata().get("orderId");
                            }
                        }
                        out.computeIfAbsent(tenant, k -> new ArrayList<>()).add(new Entry(Kind.payment, ref, t.getAmount(), order));
                    }
                    case "refund" -> {
                        String[] owner = {NO_TENANT, null};
                        if (t.getSourceObject() instanceof Refund r && r.getCharge() != null) {
                            owner = charges.computeIfAbsent(r.getCharge(), this::ownerOf);
                        }
                        out.computeIfAbsent(owner[0], k -> new ArrayList<>()).add(new Entry(Kind.refund, t.getSource(), -t.getAmount(), owner[1]));
                    }
                    default -> { }
                }
            }
        } catch (StripeException e) {
            throw unavailable(e);
        } catch (RuntimeException e) {
            // auto-paging fetches the next page inside the iterator and wraps its failure
            if (e.getCause() instanceof StripeException se) throw unavailable(se);
            throw e;
        }
        out.remove(NO_TENANT);
        return out;
    }

    private String[] ownerOf(String chargeId) {
        try {
            Charge c = client.v1().charges().retrieve(chargeId);
            Map<String, String> m = c.getMetadata() == null ? Map.of() : c.getMetadata();
            return new String[] {m.getOrDefault("tenantId", NO_TENANT), m.get("orderId")};
        } catch (StripeException e) {
            throw unavailable(e);
        }
    }

    /** Stripe cannot be read now: the caller's 503 (nothing is stored), the nightly run tries again tomorrow. */
    private static ApiException unavailable(StripeException e) {
        return ApiException.unavailable("the payment provider is unavailable; retry shortly (" + e.getClass().getSimpleName() + ")");
    }
}
