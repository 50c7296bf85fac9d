package com.zhidian.coupons.api;

import com.zhidian.core.http.Language;
import com.zhidian.coupons.application.CouponService;
import com.zhidian.coupons.domain.Counts;
import com.zhidian.coupons.domain.Coupon;
import com.zhidian.coupons.domain.CouponCodes;
import com.zhidian.coupons.domain.CouponRules;
import com.zhidian.coupons.domain.Directory;
import com.zhidian.coupons.domain.IssueJob;
import com.zhidian.coupons.domain.Slice;
import com.zhidian.coupons.domain.Template;
import com.zhidian.coupons.domain.Terms;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The JSON shapes of templates, coupons, checks and issue reports. */
final class Views {
    private Views() {}

    static Map<String, Object> template(Template t, Instant now) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("templateId", t.templateId());
        v.put("name", t.name());
        if (t.description() != null) v.put("description", t.description());
        terms(v, t.terms());
        v.put("validFrom", iso(t.validFrom()));
        v.put("validTo", iso(t.validTo()));
        v.put("validDays", t.validDays());
        v.put("totalStock", t.totalStock());
        v.put("perMemberLimit", t.perMemberLimit());
        v.put("status", status(t, now));
        v.put("createdAt", iso(t.createdAt()));
        Counts c = t.counts();
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("issued", c.issued());
        counts.put("claimed", c.claimed());
        counts.put("remaining", Math.max(0, t.totalStock() - c.taken()));
        counts.put("reserved", c.reserved());
        counts.put("redeemed", c.redeemed());
        counts.put("expired", c.expired());
        counts.put("voided", c.voided());
        // whole basis points, not a double: a replayed answer (read back from its stored JSON) must print the same
        counts.put("redemptionRateBp", c.taken() == 0 ? 0 : Math.round(c.redemptionRate() * 10_000));
        v.put("counts", counts);
        return v;
    }

    /** active (handed out now), stopped, ended (its window is over) or sold_out. */
    static String status(Template t, Instant now) {
        if (t.stopped()) return "stopped";
        if (t.validTo() != null && !now.isBefore(t.validTo())) return "ended";
        if (t.counts().taken() >= t.totalStock()) return "sold_out";
        return "active";
    }

    /** A coupon; the staff who redeemed it only for the tenant's own people, not for the customer. */
    static Map<String, Object> coupon(Coupon c, Instant now, boolean forCustomer) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("code", c.code());
        v.put("display", CouponCodes.display(c.code()));
        v.put("templateId", c.templateId());
        v.put("memberId", c.memberId());
        v.put("name", c.name());
        terms(v, c.terms());
        v.put("validFrom", iso(c.validFrom()));
        v.put("validTo", iso(c.validTo()));
        v.put("state", c.shownState(now));
        v.put("source", c.source());
        v.put("createdAt", iso(c.createdAt()));
        if (c.orderId() != null) v.put("orderId", c.orderId());
        if (c.redemption() != null) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("storeId", c.redemption().storeId());
            if (!forCustomer) r.put("staff", c.redemption().staff());
            if (c.redemption().orderId() != null) r.put("orderId", c.redemption().orderId());
            r.put("at", iso(c.redemption().at()));
            v.put("redemption", r);
        }
        if (c.voidReason() != null) v.put("voidReason", c.voidReason());
        return v;
    }

    private static void terms(Map<String, Object> v, Terms t) {
        v.put("kind", t.kind().code());
        if (t.kind() != com.zhidian.coupons.domain.Kind.GIFT) v.put("value", t.value());
        if (t.kind() == com.zhidian.coupons.domain.Kind.PERCENT_OFF) v.put("maxDiscount", t.maxDiscount());
        if (t.giftGtin() != null) v.put("giftGtin", t.giftGtin());
        v.put("minSpend", t.minSpend());
        v.put("currency", "CNY");
        v.put("storeIds", t.storeIds());
        v.put("gtins", t.gtins().stream().sorted().toList());
        v.put("categories", t.categories().stream().sorted().toList());
        v.put("stackable", t.stackable());
    }

    static Map<String, Object> check(CouponService.Checked c, Instant now, Language lang) {
        CouponRules.Verdict verdict = c.verdict();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("applies", verdict.applies());
        List<Map<String, Object>> reasons = verdict.refusals().stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", r.code());
            m.put("message", Words.refusal(r, lang));
            if (r.facts().containsKey("short")) m.put("short", r.facts().get("short"));
            return m;
        }).toList();
        v.put("reasons", reasons);
        v.put("message", reasons.isEmpty() ? gives(c.coupon().terms(), verdict.discount(), lang) : reasons.get(0).get("message"));
        if (verdict.discount() != null) v.put("discount", verdict.discount());
        if (verdict.eligible() != null) v.put("eligible", verdict.eligible());
        if (verdict.giftGtin() != null) v.put("giftGtin", verdict.giftGtin());
        v.put("coupon", coupon(c.coupon(), now, false));
        return v;
    }

    /** What the coupon gives, as the cashier says it. */
    static String gives(Terms t, Long discount, Language lang) {
        boolean zh = lang == Language.ZH;
        return switch (t.kind()) {
            case AMOUNT_OFF -> zh ? "可用：减 " + Words.yuan(discount != null ? discount : t.value())
                    : "Applies: " + Words.yuan(discount != null ? discount : t.value()) + " off";
            case PERCENT_OFF -> discount != null
                    ? (zh ? "可用：" + t.value() + "% 折扣，减 " + Words.yuan(discount) : "Applies: " + t.value() + "% off, " + Words.yuan(discount) + " off")
                    : (zh ? "可用：" + t.value() + "% 折扣，最多减 " + Words.yuan(t.maxDiscount())
                        : "Applies: " + t.value() + "% off, at most " + Words.yuan(t.maxDiscount()));
            case GIFT -> zh ? "可用：赠品 " + t.giftGtin() : "Applies: gift " + t.giftGtin();
        };
    }

    static Map<String, Object> issued(String templateId, List<CouponService.Issued> report, Instant now, Language lang) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("templateId", templateId);
        v.put("issued", report.stream().filter(i -> i.coupon() != null).count());
        v.put("refused", report.stream().filter(i -> i.coupon() == null).count());
        v.put("results", report.stream().map(i -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("memberId", i.memberId());
            m.put("outcome", i.coupon() != null ? "issued" : "refused");
            if (i.coupon() != null) m.put("code", i.coupon().code());
            if (i.refusal() != null) {
                m.put("reason", i.refusal());
                m.put("message", Words.issueRefusal(i.refusal(), lang));
            }
            return m;
        }).toList());
        return v;
    }

    static Map<String, Object> offer(CouponService.Offer o, Instant now) {
        Map<String, Object> v = template(o.template(), now);
        v.remove("counts");
        v.put("remaining", Math.max(0, o.template().totalStock() - o.template().counts().taken()));
        v.put("mine", o.taken());
        v.put("claimable", o.claimable());
        return v;
    }

    /** An issue job: filter, progress, counts by outcome, and (when read) a page of its report. */
    static Map<String, Object> issueJob(IssueJob j, Slice<IssueJob.Line> report, Language lang) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("jobId", j.jobId());
        v.put("templateId", j.templateId());
        v.put("state", j.state());
        Map<String, Object> f = new LinkedHashMap<>();
        Directory.MemberFilter mf = j.filter();
        if (mf.storeId() != null) f.put("storeId", mf.storeId());
        if (mf.minPoints() != null) f.put("minPoints", mf.minPoints());
        if (mf.maxPoints() != null) f.put("maxPoints", mf.maxPoints());
        if (mf.joinedSince() != null) f.put("joinedSince", iso(mf.joinedSince()));
        v.put("filter", f);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("candidates", j.candidates());
        p.put("examined", j.examined());
        p.put("matched", j.matched());
        p.put("percent", j.percent());
        v.put("progress", p);
        IssueJob.Outcomes o = j.outcomes();
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("issued", o.issued());
        c.put("limitReached", o.limitReached());
        c.put("stockOut", o.stockOut());
        c.put("memberErased", o.memberErased());
        c.put("closed", o.closed());
        v.put("counts", c);
        v.put("createdAt", iso(j.createdAt()));
        v.put("finishedAt", iso(j.finishedAt()));
        if (report != null) {
            v.put("report", page(report, l -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("memberId", l.memberId());
                m.put("outcome", IssueJob.Line.ISSUED.equals(l.outcome()) ? "issued" : "refused");
                if (l.code() != null) m.put("code", l.code());
                if (!IssueJob.Line.ISSUED.equals(l.outcome())) {
                    m.put("reason", l.outcome());
                    m.put("message", Words.issueRefusal(l.outcome(), lang));
                }
                return m;
            }));
        }
        return v;
    }

    static <T> Map<String, Object> page(Slice<T> s, Function<T, Map<String, Object>> view) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("items", s.items().stream().map(view).toList());
        v.put("nextCursor", s.nextCursor());
        return v;
    }

    static String iso(Instant i) {
        return i == null ? null : i.toString();
    }
}
