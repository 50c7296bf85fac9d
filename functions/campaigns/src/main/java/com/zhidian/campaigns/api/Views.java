package com.zhidian.campaigns.api;

import com.zhidian.campaigns.application.CampaignService;
import com.zhidian.campaigns.application.SegmentService;
import com.zhidian.campaigns.domain.Campaign;
import com.zhidian.campaigns.domain.Delivery;
import com.zhidian.campaigns.domain.Message;
import com.zhidian.campaigns.domain.Rule;
import com.zhidian.campaigns.domain.Segment;
import com.zhidian.core.paging.Page;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** The JSON shapes of segments, counts, campaigns, previews, deliveries and messages. */
final class Views {
    private Views() {}

    static Map<String, Object> segment(Segment s) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("segmentId", s.segmentId());
        v.put("name", s.name());
        v.put("match", s.match());
        v.put("rules", s.rules().stream().map(Views::rule).toList());
        v.put("usesPurchaseHistory", s.usesPurchaseHistory());
        v.put("createdAt", iso(s.createdAt()));
        return v;
    }

    static Map<String, Object> rule(Rule r) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("kind", r.kind());
        if (r.min() != null) v.put("min", r.min());
        if (r.max() != null) v.put("max", r.max());
        if (r.withinDays() != null) v.put("withinDays", r.withinDays());
        if (!r.values().isEmpty()) v.put("values", r.values());
        return v;
    }

    static Map<String, Object> count(SegmentService.Count c) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("matching", c.matching());
        v.put("withPushGrant", c.withPushGrant());
        v.put("needsPersonalization", c.needsPersonalization());
        return v;
    }

    static Map<String, Object> campaign(Campaign c) {
        return campaign(c, null);
    }

    static Map<String, Object> campaign(Campaign c, Map<String, Long> counts) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("campaignId", c.campaignId());
        v.put("title", c.title());
        v.put("body", c.body());
        v.put("channel", c.channel());
        v.put("segmentId", c.segmentId());
        v.put("couponTemplateId", c.couponTemplateId());
        v.put("sendAt", iso(c.sendAt()));
        v.put("holdoutPercent", c.holdoutPercent());
        v.put("status", c.status());
        v.put("createdAt", iso(c.createdAt()));
        v.put("sentAt", iso(c.sentAt()));
        v.put("queued", c.queued());
        if (counts != null) v.put("deliveryCounts", counts);
        return v;
    }

    static Map<String, Object> preview(CampaignService.Preview p) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("matching", p.matching());
        v.put("messageable", p.messageable());
        v.put("deferredByQuietHours", p.deferredByQuietHours());
        v.put("notMessageable", p.notMessageable());
        return v;
    }

    static Map<String, Object> delivery(Delivery d) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("memberId", d.memberId());
        v.put("status", d.status());
        v.put("reason", d.reason());
        v.put("at", iso(d.at()));
        v.put("until", iso(d.until()));
        v.put("messageId", d.messageId());
        v.put("couponCode", d.couponCode() == null || d.couponCode().isEmpty() ? null : d.couponCode());
        return v;
    }

    /** {@code withMember}: the owner's outbox view names the member; the customer's own view does not need to. */
    static Map<String, Object> message(Message m, boolean withMember) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("messageId", m.messageId());
        if (withMember) v.put("memberId", m.memberId());
        v.put("campaignId", m.campaignId());
        v.put("channel", m.channel());
        v.put("title", m.title());
        v.put("body", m.body());
        v.put("couponCode", m.couponCode());
        v.put("sentAt", iso(m.sentAt()));
        v.put("readAt", iso(m.readAt()));
        v.put("unsubscribeToken", m.unsubscribeToken());
        return v;
    }

    static <T> Map<String, Object> page(Page<T> p, Function<T, Map<String, Object>> view) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("items", p.items().stream().map(view).toList());
        v.put("nextCursor", p.nextCursor());
        return v;
    }

    static String iso(Instant i) {
        return i == null ? null : i.toString();
    }
}
