package com.zhidian.tenants.api;

import com.zhidian.tenants.domain.Billing;
import com.zhidian.tenants.domain.DeviceFleet;
import com.zhidian.tenants.domain.Tenant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A tenant as the provider's API shows it, with its billing state. */
final class TenantViews {
    private TenantViews() {}

    static Map<String, Object> tenant(Tenant t) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("tenantId", t.tenantId());
        v.put("name", t.name());
        v.put("plan", t.plan());
        v.put("timeZone", t.timeZone());
        v.put("status", t.status());
        v.put("createdAt", t.createdAt());
        v.put("owner", t.owner());
        v.put("billing", billing(t.billing()));
        return v;
    }

    static Map<String, Object> billing(Billing b) {
        Billing x = b == null ? Billing.pending("not_set_up") : b;
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("state", x.setup());
        v.put("customerId", x.customerId());
        v.put("subscriptionId", x.subscriptionId());
        v.put("subscriptionStatus", x.subscriptionStatus());
        v.put("currentPeriodEnd", x.currentPeriodEnd());
        v.put("paymentFailed", x.paymentFailed());
        Map<String, Object> failure = null;
        if (x.lastPaymentFailure() != null) {
            failure = new LinkedHashMap<>();
            failure.put("at", x.lastPaymentFailure().at());
            failure.put("invoiceId", x.lastPaymentFailure().invoiceId());
            failure.put("amountDue", x.lastPaymentFailure().amountDue());
            failure.put("currency", x.lastPaymentFailure().currency());
        }
        v.put("lastPaymentFailure", failure);
        v.put("pendingReason", x.isPending() ? x.pendingReason() : null);
        return v;
    }

    /** The thing groups and the provisioning claim, shown this once (the claim's key is not kept). */
    static Map<String, Object> iot(DeviceFleet.Setup s) {
        Map<String, Object> v = new LinkedHashMap<>();
        if (s == null) {
            v.put("state", "pending");
            return v;
        }
        v.put("state", "ready");
        v.put("tenantGroup", s.tenantGroup());
        v.put("storeGroups", s.storeGroups());
        Map<String, Object> claim = new LinkedHashMap<>();
        claim.put("templateName", s.claim().templateName());
        claim.put("certificateId", s.claim().certificateId());
        claim.put("certificatePem", s.claim().certificatePem());
        claim.put("privateKey", s.claim().privateKey());
        claim.put("expiresAt", s.claim().expiresAt().toString());
        v.put("provisioningClaim", claim);
        return v;
    }

}
