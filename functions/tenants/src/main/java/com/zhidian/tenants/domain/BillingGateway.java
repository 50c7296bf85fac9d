package com.zhidian.tenants.domain;

/**
 * The port to the provider's billing (Stripe Billing in production, Zhidian Local's stand-in locally): a customer
 * per tenant and a subscription to its plan's price. Every call is idempotent per tenant, so a retry after a lost
 * answer does not create a second customer or subscription. An unreachable or failing provider is
 * {@link TenantsErrors.BillingUnavailable}.
 */
public interface BillingGateway {

    /** The customer, its subscription and the one subscription item that carries the plan's price. */
    record Subscription(String customerId, String subscriptionId, String itemId, String status, String currentPeriodEnd) {}

    /** Creates the tenant's customer (or reuses {@code customerId} when it exists already) and its subscription to {@code plan}. */
    Subscription subscribe(String tenantId, String customerId, String name, String email, String plan);

    /** Moves the subscription's item to {@code plan}'s price (no proration: the new price applies from the next period). */
    Subscription changePlan(String tenantId, String subscriptionId, String itemId, String plan);
}
