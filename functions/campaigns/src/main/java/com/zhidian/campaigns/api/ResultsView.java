package com.zhidian.campaigns.api;

import com.zhidian.campaigns.application.CampaignResults;
import com.zhidian.campaigns.domain.Uplift;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON shape of a campaign's results: counts, the two groups, and the uplift (or "not enough to tell"). */
final class ResultsView {
    private ResultsView() {}

    static Map<String, Object> of(CampaignResults.Results r) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("campaignId", r.campaign().campaignId());
        v.put("status", r.campaign().status());
        v.put("days", r.days());
        v.put("delivered", r.delivered());
        v.put("read", r.read());
        v.put("unsubscribed", r.unsubscribed());
        v.put("couponsIssued", r.couponsIssued());
        v.put("couponsRedeemed", r.couponsRedeemed());
        v.put("treated", group(r.uplift().treated()));
        v.put("holdout", group(r.uplift().holdout()));
        Map<String, Object> u = new LinkedHashMap<>();
        u.put("verdict", !r.uplift().enough() ? "not_enough_data" : verdict(r.uplift().spendPerMember()));
        u.put("minGroup", Uplift.MIN_GROUP);
        u.put("confidence", 0.95);
        u.put("buyerShare", estimate(r.uplift().buyerShare(), 4));
        u.put("spendPerMember", estimate(r.uplift().spendPerMember(), 0));
        v.put("uplift", u);
        v.put("windowEndsAt", r.windowEndsAt() == null ? null : r.windowEndsAt().toString());
        v.put("complete", r.complete());
        return v;
    }

    /** {@code positive} / {@code negative} when the spend interval excludes zero, else {@code inconclusive}. */
    private static String verdict(Uplift.Estimate spend) {
        if (spend.low() > 0) return "positive";
        if (spend.high() < 0) return "negative";
        return "inconclusive";
    }

    private static Map<String, Object> group(Uplift.Group g) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("members", g.members());
        v.put("buyers", g.buyers());
        v.put("orders", g.orders());
        v.put("spend", g.spend());
        return v;
    }

    private static Map<String, Object> estimate(Uplift.Estimate e, int places) {
        if (e == null) return null;
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("value", round(e.value(), places));
        v.put("low", round(e.low(), places));
        v.put("high", round(e.high(), places));
        return v;
    }

    private static double round(double x, int places) {
        double f = Math.pow(10, places);
        return Math.round(x * f) / f;
    }
}
