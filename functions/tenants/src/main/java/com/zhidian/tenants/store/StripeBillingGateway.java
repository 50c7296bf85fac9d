package com.zhidian.tenants.store;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.model.SubscriptionItem;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.SubscriptionCreateParams;
import com.stripe.param.SubscriptionUpdateParams;
import com.zhidian.core.Env;
import com.zhidian.tenants.domain.BillingGateway;
import com.zhidian.tenants.domain.TenantsErrors.BillingUnavailable;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * The billing port over Stripe Billing, through stripe-java. Configured from the environment: {@code STRIPE_SECRET_KEY},
 * {@code STRIPE_API_BASE} (Zhidian Local's stand-in; unset in AWS), and one recurring price per plan
 * ({@code STRIPE_PRICE_BASIC}, {@code STRIPE_PRICE_STANDARD}, {@code STRIPE_PRICE_PREMIUM}; defaults
 * {@code price_zhidian_<plan>_monthly}, the ids the stand-in accepts as they are).
 *
 * <p>Each create carries an Idempotency-Key derived from the tenant (and the plan), so a retry after a lost answer
 * gets Stripe's saved answer instead of a second customer or subscription.
 */
public final class StripeBillingGateway implements BillingGateway {
    private final java.util.function.Supplier<StripeClient> clients;
    private volatile StripeClient client;
    private final Map<String, String> prices;

    public StripeBillingGateway(StripeClient client, Map<String, String> prices) {
        this(() -> client, prices);
    }

    private StripeBillingGateway(java.util.function.Supplier<StripeClient> clients, Map<String, String> prices) {
        this.clients = clients;
        this.prices = Map.copyOf(prices);
    }

    /**
     * The client and prices of the environment, read at the first call (not when the function starts); with no
     * secret key set every call is {@code billing.unavailable} ({@code not_configured}) and billing stays pending.
     */
    public static StripeBillingGateway fromEnvironment() {
        return new StripeBillingGateway(StripeBillingGateway::clientFromEnvironment, pricesFromEnvironment());
    }

    private StripeClient client() {
        StripeClient c = client;
        if (c == null) {
            c = clients.get();
            if (c == null) throw new BillingUnavailable("not_configured");
            client = c;
        }
        return c;
    }

    private static StripeClient clientFromEnvironment() {
        String key = Env.get("STRIPE_SECRET_KEY", null);
        if (key == null) return null;
        StripeClient.StripeClientBuilder b = StripeClient.builder().setApiKey(key)
                .setConnectTimeout((int) Env.getLong("STRIPE_CONNECT_TIMEOUT_MS", 2_000))
                .setReadTimeout((int) Env.getLong("STRIPE_READ_TIMEOUT_MS", 5_000))
                .setMaxNetworkRetries(2); // a lost connection or a 409 idempotency_key_in_use: same key
        String base = Env.get("STRIPE_API_BASE", null);
        if (base != null) b.setApiBase(base.replaceAll("/$", ""));
        return b.build();
    }

    public static Map<String, String> pricesFromEnvironment() {
        return Map.of("basic", price("basic"), "standard", price("standard"), "premium", price("premium"));
    }

    private static String price(String plan) {
        return Env.get("STRIPE_PRICE_" + plan.toUpperCase(Locale.ROOT), "price_zhidian_" + plan + "_monthly");
    }

    @Override
    public BillingGateway.Subscription subscribe(String tenantId, String customerId, String name, String email, String plan) {
        try {
            String customer = customerId;
            if (customer == null) {
                Customer c = client().v1().customers().create(CustomerCreateParams.builder().setName(name).setEmail(email)
                        .putMetadata("tenant_id", tenantId).build(), key("zhidian-tenant-" + tenantId + "-customer"));
                customer = c.getId();
            }
            com.stripe.model.Subscription s = client().v1().subscriptions().create(SubscriptionCreateParams.builder().setCustomer(customer)
                    .addItem(SubscriptionCreateParams.Item.builder().setPrice(priceOf(plan)).build())
                    .putMetadata("tenant_id", tenantId).putMetadata("plan", plan).build(),
                    key("zhidian-tenant-" + tenantId + "-subscription-" + plan));
            return view(s);
        } catch (StripeException e) {
            throw unavailable(e);
        }
    }

    @Override
    public BillingGateway.Subscription changePlan(String tenantId, String subscriptionId, String itemId, String plan) {
        try {
            com.stripe.model.Subscription s = client().v1().subscriptions().update(subscriptionId, SubscriptionUpdateParams.builder()
                    .addItem(SubscriptionUpdateParams.Item.builder().setId(itemId).setPrice(priceOf(plan)).build())
                    .setProrationBehavior(SubscriptionUpdateParams.ProrationBehavior.NONE)
                    .putMetadata("plan", plan).build());
            return view(s);
        } catch (StripeException e) {
            throw unavailable(e);
        }
    }

    private String priceOf(String plan) {
        String p = prices.get(plan);
        if (p == null) throw new BillingUnavailable("no_price_for_plan_" + plan);
        return p;
    }

    private static RequestOptions key(String idempotencyKey) {
        return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
    }

    private static BillingGateway.Subscription view(com.stripe.model.Subscription s) {
        SubscriptionItem item = s.getItems().getData().get(0);
        Long end = item.getCurrentPeriodEnd();
        return new BillingGateway.Subscription(s.getCustomer(), s.getId(), item.getId(), s.getStatus(),
                end == null ? null : Instant.ofEpochSecond(end).toString());
    }

    private static BillingUnavailable unavailable(StripeException e) {
        if (e instanceof ApiConnectionException) return new BillingUnavailable("unreachable");
        String code = e.getCode() != null ? e.getCode() : e.getStripeError() != null ? e.getStripeError().getType() : null;
        return new BillingUnavailable(code == null ? "status_" + e.getStatusCode() : code);
    }
}
