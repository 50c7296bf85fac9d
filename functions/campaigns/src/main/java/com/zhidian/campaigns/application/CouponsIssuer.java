package com.zhidian.campaigns.application;

import com.zhidian.campaigns.domain.CouponIssuer;
import com.zhidian.core.Log;
import com.zhidian.core.errors.DomainException;
import com.zhidian.coupons.application.CouponService;
import com.zhidian.coupons.domain.CouponErrors;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The campaign's coupon through the coupons context's use cases (its stock and per-member limit hold). */
public final class CouponsIssuer implements CouponIssuer {
    private final CouponService coupons;

    public CouponsIssuer(CouponService coupons) {
        this.coupons = coupons;
    }

    @Override
    public boolean templateExists(String tenantId, String templateId) {
        try {
            coupons.template(tenantId, templateId);
            return true;
        } catch (CouponErrors.TemplateNotFound e) {
            return false;
        }
    }

    @Override
    public Optional<String> issue(String tenantId, String templateId, String memberId) {
        try {
            List<CouponService.Issued> out = coupons.issue(tenantId, templateId, List.of(memberId));
            return out.isEmpty() || out.get(0).coupon() == null ? Optional.empty() : Optional.of(out.get(0).coupon().code());
        } catch (DomainException e) {
            Log.warn("campaign coupon refused", Map.of("tenantId", tenantId, "templateId", templateId, "code", e.code()));
            return Optional.empty();
        }
    }

    @Override
    public boolean redeemed(String tenantId, String code) {
        try {
            return coupons.check(tenantId, code, null, null).coupon().state() == com.zhidian.coupons.domain.CouponState.REDEEMED;
        } catch (CouponErrors.CouponNotFound e) {
            return false;
        }
    }
}
