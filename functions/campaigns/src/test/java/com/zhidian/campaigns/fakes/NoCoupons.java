package com.zhidian.campaigns.fakes;

import com.zhidian.campaigns.domain.CouponIssuer;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** Coupons in memory: every template exists, and each issue hands out a new code. */
public final class NoCoupons implements CouponIssuer {
    public final AtomicInteger issued = new AtomicInteger();

    @Override public boolean templateExists(String tenantId, String templateId) { return !templateId.startsWith("missing"); }

    @Override public Optional<String> issue(String tenantId, String templateId, String memberId) {
        return Optional.of("CODE" + issued.incrementAndGet());
    }
    public final java.util.Set<String> used = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Override public boolean redeemed(String tenantId, String code) { return used.contains(code); }
}
