package com.zhidian.tenants.application;

import com.zhidian.core.Log;
import com.zhidian.tenants.domain.Billing;
import com.zhidian.tenants.domain.BillingGateway;
import com.zhidian.tenants.domain.SubscriptionEvent;
import com.zhidian.tenants.domain.Tenant;
import com.zhidian.tenants.domain.TenantRepository;
import com.zhidian.tenants.domain.TenantsErrors;
import java.util.Optional;

/**
 * Tenant billing: the tenant's Stripe customer and the subscription to its plan, set up after onboarding (or later,
 * while Stripe is unreachable: the tenant exists and its billing is {@code pending}), moved with a plan change, and
 * kept up to date from Stripe's events, which flag a tenant whose payment failed. Never suspends anyone.
 */
public final class BillingService {
    /** What became of one event. */
    public enum Outcome { APPLIED, NOT_BILLING, UNKNOWN_TENANT, OTHER_SUBSCRIPTION }

    private final TenantRepository tenants;
    private final BillingGateway gateway;

    /** {@code gateway} null: no billing provider configured, every tenant's billing stays pending. */
    public BillingService(TenantRepository tenants, BillingGateway gateway) {
        this.tenants = tenants;
        this.gateway = gateway;
    }

    /** Creates the customer and subscription if the tenant's billing is pending; a failure leaves it pending, with why. */
    public Tenant setUp(Tenant t) {
        Billing b = t.billing() == null ? Billing.pending("not_set_up") : t.billing();
        if (!b.isPending()) return t;
        if (gateway == null) return save(t.tenantId(), x -> x.stillPending("not_configured"));
        try {
            BillingGateway.Subscription s = gateway.subscribe(t.tenantId(), b.customerId(), t.name(), t.owner().email(), t.plan());
            return save(t.tenantId(), x -> x.ready(s));
        } catch (TenantsErrors.BillingUnavailable e) {
            Log.warn("tenant billing pending", java.util.Map.of("tenantId", t.tenantId(), "reason", e.reason()));
            return save(t.tenantId(), x -> x.stillPending(e.reason()));
        }
    }

    /** The provider retries a pending set-up; still unreachable is {@link TenantsErrors.BillingUnavailable} (nothing else changes). */
    public Tenant retry(String tenantId) {
        Tenant t = tenants.get(tenantId).orElseThrow(() -> new TenantsErrors.TenantNotFound(tenantId));
        Tenant after = setUp(t);
        if (after.billing() != null && after.billing().isPending()) throw new TenantsErrors.BillingUnavailable(after.billing().pendingReason());
        return after;
    }

    /**
     * Before a plan change is written: a subscription that exists moves to the new plan's price first, so a refusal
     * (Stripe unreachable) changes nothing. Pending billing has nothing to move (its set-up will use the new plan).
     */
    public void movePlan(Tenant t, String plan) {
        if (t.billing() == null || t.billing().isPending() || plan.equals(t.plan())) return;
        if (gateway == null) throw new TenantsErrors.BillingUnavailable("not_configured");
        BillingGateway.Subscription s = gateway.changePlan(t.tenantId(), t.billing().subscriptionId(), t.billing().itemId(), plan);
        save(t.tenantId(), x -> x.ready(s));
    }

    /**
     * One verified Stripe event about a subscription or an invoice (see {@link SubscriptionEvent#TYPES}). The tenant
     * is the one named in the subscription's metadata, else the owner of the event's customer. Applying the same
     * event twice changes nothing the second time; an older event than one applied does not overwrite it.
     */
    public Outcome onSubscriptionEvent(SubscriptionEvent e) {
        if (!SubscriptionEvent.TYPES.contains(e.type())) return Outcome.NOT_BILLING;
        Optional<String> tenantId = Optional.ofNullable(e.tenantId()).filter(id -> tenants.get(id).isPresent());
        if (tenantId.isEmpty() && e.customerId() != null) tenantId = tenants.tenantOfCustomer(e.customerId());
        if (tenantId.isEmpty()) return Outcome.UNKNOWN_TENANT;
        Tenant t = tenants.get(tenantId.get()).orElse(null);
        if (t == null) return Outcome.UNKNOWN_TENANT;
        Billing b = t.billing();
        if (b != null && b.subscriptionId() != null && e.subscriptionId() != null && !b.subscriptionId().equals(e.subscriptionId())) {
            return Outcome.OTHER_SUBSCRIPTION;
        }
        save(t.tenantId(), x -> x.apply(e));
        return Outcome.APPLIED;
    }

    private Tenant save(String tenantId, java.util.function.UnaryOperator<Billing> change) {
        return tenants.updateBilling(tenantId, change).orElseThrow(() -> new TenantsErrors.TenantNotFound(tenantId));
    }
}
