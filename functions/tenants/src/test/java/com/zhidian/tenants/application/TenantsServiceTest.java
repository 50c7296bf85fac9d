package com.zhidian.tenants.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zhidian.stores.application.StoresService;
import com.zhidian.stores.domain.StoresErrors;
import com.zhidian.stores.fakes.FakeLogins;
import com.zhidian.stores.fakes.InMemoryStores;
import com.zhidian.tenants.domain.Tenant;
import com.zhidian.tenants.domain.TenantsErrors;
import com.zhidian.tenants.fakes.FakeBillingGateway;
import com.zhidian.tenants.fakes.FixedUsage;
import com.zhidian.tenants.fakes.InMemoryTenants;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TenantsServiceTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-05-01T02:00:00Z"), ZoneOffset.UTC);
    private final InMemoryTenants tenants = new InMemoryTenants();
    private final InMemoryStores stores = new InMemoryStores();
    private final FakeLogins logins = new FakeLogins();
    private final FakeBillingGateway stripe = new FakeBillingGateway();
    private final TenantsService svc = new TenantsService(tenants, new StoresService(stores, logins, clock), logins,
            new FixedUsage(), clock, new BillingService(tenants, stripe));

    private TenantsService.Onboarded onboard(String email) {
        return svc.onboard(new TenantsService.Onboarding("鲜果连锁", "standard", "Asia/Shanghai",
                new Tenant.Owner(null, email, "王店长", "13800138000"),
                List.of(new StoresService.NewStore("一号店", "convenience", "上海", "Asia/Shanghai"),
                        new StoresService.NewStore("二号店", "supermarket", "杭州", "Asia/Shanghai"))));
    }

    @Test
    void onboarding_writesTenantStoresAndOwner_afterTheOwnersLogin() {
        TenantsService.Onboarded done = onboard("Owner@Fruit.cn");
        String id = done.tenant().tenantId();
        assertEquals("active", done.tenant().status());
        assertEquals("owner@fruit.cn", done.tenant().owner().email());
        assertEquals(2, tenants.stores.get(id).size());
        assertEquals("owner", tenants.owners.get(id).role());
        assertEquals(id, logins.byEmail.get("owner@fruit.cn").tenantId());
        assertEquals("owner", logins.byEmail.get("owner@fruit.cn").role());
        assertEquals(done.temporaryPassword(), logins.byEmail.get("owner@fruit.cn").temporaryPassword());
    }

    @Test
    void onboarding_whoseTransactionFails_removesTheLoginAgain() {
        tenants.failNext = true;
        assertThrows(IllegalStateException.class, () -> onboard("owner@fruit.cn"));
        assertTrue(logins.byEmail.isEmpty());
        assertTrue(tenants.tenants.isEmpty());
        onboard("owner@fruit.cn");
        assertThrows(StoresErrors.EmailTaken.class, () -> onboard("owner@fruit.cn"), "one login per email on the platform");
        assertEquals(1, tenants.tenants.size());
    }

    @Test
    void anUnknownTenant_isNotFound_forEveryUseCase() {
        assertThrows(TenantsErrors.TenantNotFound.class, () -> svc.get("tn_nope"));
        assertThrows(TenantsErrors.TenantNotFound.class, () -> svc.change("tn_nope", Map.of("status", "suspended")));
        assertThrows(TenantsErrors.TenantNotFound.class, () -> svc.usage("tn_nope", null));
    }

    @Test
    void change_andUsage_ofAnOnboardedTenant() {
        String id = onboard("owner@fruit.cn").tenant().tenantId();
        assertEquals("suspended", svc.change(id, Map.of("status", "suspended")).status());
        assertEquals("suspended", svc.get(id).status());
        Map<String, Object> usage = svc.usage(id, null);
        assertEquals("2026-05", usage.get("month"), "this month by default");
        assertEquals(7L, usage.get("members"));
        assertEquals(0, usage.get("stores"), "the fake repository keeps onboarded stores apart from the stores context's");
        assertEquals("2026-01", svc.usage(id, YearMonth.of(2026, 1)).get("month"));
    }

    @Test
    void onboarding_subscribesTheTenantToItsPlan() {
        Tenant t = onboard("owner@fruit.cn").tenant();
        assertEquals("ready", t.billing().setup());
        assertEquals("active", t.billing().subscriptionStatus());
        assertEquals("standard", stripe.plans.get(t.billing().subscriptionId()));
        assertEquals(t.billing(), svc.get(t.tenantId()).billing());
    }

    @Test
    void stripeDown_atOnboarding_leavesTheTenantWithBillingPending_andARetrySetsItUp() {
        stripe.down = true;
        Tenant t = onboard("owner@fruit.cn").tenant();
        assertEquals("active", t.status(), "the tenant is onboarded all the same");
        assertEquals("pending", svc.get(t.tenantId()).billing().setup());
        assertEquals("unreachable", svc.get(t.tenantId()).billing().pendingReason());
        assertEquals(2, tenants.stores.get(t.tenantId()).size());
        assertThrows(TenantsErrors.BillingUnavailable.class, () -> svc.retryBilling(t.tenantId()));
        stripe.down = false;
        Tenant after = svc.retryBilling(t.tenantId());
        assertEquals("ready", after.billing().setup());
        assertEquals(1, stripe.plans.size(), "one subscription");
    }

    @Test
    void planChange_movesTheSubscription_andStripeDownChangesNothing() {
        Tenant t = onboard("owner@fruit.cn").tenant();
        assertEquals("premium", svc.change(t.tenantId(), Map.of("plan", "premium")).plan());
        assertEquals("premium", stripe.plans.get(t.billing().subscriptionId()));
        stripe.down = true;
        assertThrows(TenantsErrors.BillingUnavailable.class, () -> svc.change(t.tenantId(), Map.of("plan", "basic", "name", "新名字")));
        assertEquals("premium", svc.get(t.tenantId()).plan());
        assertEquals("鲜果连锁", svc.get(t.tenantId()).name(), "no partial change");
        assertEquals("premium", stripe.plans.get(t.billing().subscriptionId()));
        assertEquals("suspended", svc.change(t.tenantId(), Map.of("status", "suspended")).status(), "no plan, no Stripe call");
    }

    @Test
    void aPlanChange_whileBillingIsPending_setsItUpWithTheNewPlan() {
        stripe.down = true;
        Tenant t = onboard("owner@fruit.cn").tenant();
        stripe.down = false;
        Tenant after = svc.change(t.tenantId(), Map.of("plan", "basic"));
        assertEquals("ready", after.billing().setup());
        assertEquals("basic", stripe.plans.get(after.billing().subscriptionId()));
    }
}
