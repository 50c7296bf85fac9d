package com.zhidian.campaigns.application;

import com.zhidian.campaigns.domain.Campaign;
import com.zhidian.campaigns.domain.CampaignRepository;
import com.zhidian.campaigns.domain.CampaignsErrors;
import com.zhidian.campaigns.domain.CouponIssuer;
import com.zhidian.campaigns.domain.Outcome;
import com.zhidian.campaigns.domain.Profile;
import com.zhidian.campaigns.domain.Uplift;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A campaign's results: delivered, read, unsubscribed, coupons issued and redeemed, and the purchases of the members
 * it reached against the holdout in the {@code days} after each one's delivery (or holdout decision), from the
 * member profiles that paid and refunded orders keep (never a scan of orders).
 */
public final class CampaignResults {
    public static final int DEFAULT_DAYS = 7;
    public static final int MAX_DAYS = 30;
    private final CampaignRepository repo;
    private final ProfileService profiles;
    private final CouponIssuer coupons;
    private final Clock clock;

    public CampaignResults(CampaignRepository repo, ProfileService profiles, CouponIssuer coupons, Clock clock) {
        this.repo = repo;
        this.profiles = profiles;
        this.coupons = coupons;
        this.clock = clock;
    }

    /** {@code complete}: every member's window has closed (later purchases will not change the figures). */
    public record Results(Campaign campaign, int days, long delivered, long read, long unsubscribed, long couponsIssued,
                          long couponsRedeemed, Uplift.Result uplift, Instant windowEndsAt, boolean complete) {}

    public Results of(String tenantId, String campaignId, int days) {
        Campaign c = repo.get(tenantId, campaignId).orElseThrow(() -> new CampaignsErrors.CampaignNotFound(campaignId));
        Duration window = Duration.ofDays(days);
        long delivered = 0, read = 0, unsubscribed = 0, issued = 0, redeemed = 0;
        List<Uplift.Purchases> treated = new ArrayList<>();
        List<Uplift.Purchases> holdout = new ArrayList<>();
        Instant last = null;
        for (Outcome o : repo.outcomes(tenantId, campaignId)) {
            if (o.readAt() != null) read++;
            if (o.unsubscribedAt() != null) unsubscribed++;
            if (!o.delivered() && !o.heldOut()) continue;
            if (o.delivered()) {
                delivered++;
                if (o.couponCode() != null) {
                    issued++;
                    if (coupons.redeemed(tenantId, o.couponCode())) redeemed++;
                }
            }
            Uplift.Purchases p = purchases(profiles.profile(tenantId, o.memberId()), o.at(), o.at().plus(window));
            (o.delivered() ? treated : holdout).add(p);
            if (last == null || o.at().isAfter(last)) last = o.at();
        }
        Instant ends = last == null ? null : last.plus(window);
        return new Results(c, days, delivered, read, unsubscribed, issued, redeemed, Uplift.compare(treated, holdout), ends,
                ends != null && !clock.instant().isBefore(ends));
    }

    /** The member's orders paid in [from, to) and not wholly refunded, and their spend net of refunds. */
    static Uplift.Purchases purchases(Profile p, Instant from, Instant to) {
        long orders = 0, spend = 0;
        for (Profile.PaidOrder o : p.orders()) {
            if (o.paidAt().isBefore(from) || !o.paidAt().isBefore(to)) continue;
            if (!o.fullyRefunded()) orders++;
            spend += o.net();
        }
        return new Uplift.Purchases(orders, spend);
    }
}
