package com.zhidian.reports.api;

import com.zhidian.reports.domain.MemberEvents;
import com.zhidian.reports.domain.OrderEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the table's stream records the reports rollup takes (template.yaml's filters): order events, members' profiles
 * and points ledger entries as inserted, and coupons as inserted or changed. Keys are the other contexts' layouts as
 * written ({@code T#<t>#M#<memberId>} / {@code PROFILE} or {@code L#<seq>}; {@code T#<t>#CP#<code>} / {@code C}); a
 * record of any other shape is ignored.
 */
final class StreamRecords {
    private StreamRecords() {}

    static OrderEvent order(Map<?, ?> i) {
        String tenant = s(i, "tenantId"), store = s(i, "storeId"), id = s(i, "eventId"), kind = s(i, "event"), at = s(i, "at");
        if (!"order.event".equals(s(i, "kind")) || tenant == null || store == null || id == null || kind == null || at == null) return null;
        List<OrderEvent.Line> lines = new ArrayList<>();
        if (i.get("lines") instanceof Map<?, ?> l && l.get("L") instanceof List<?> items) {
            for (Object o : items) {
                if (!(o instanceof Map<?, ?> av) || !(av.get("M") instanceof Map<?, ?> m)) continue;
                lines.add(new OrderEvent.Line(s(m, "gtin"), null, n(m, "qty"), n(m, "gross"), n(m, "discount"), n(m, "net"), "g".equals(s(m, "unit"))));
            }
        }
        return new OrderEvent(tenant, store, id, kind, s(i, "orderId"), Instant.parse(at), s(i, "channel"), s(i, "fulfilment"),
                s(i, "staffId"), s(i, "memberId"), lines);
    }

    /** The tenant of a key {@code T#<tenant>#<part>#<rest>} whose part is {@code part}, and the rest; null otherwise. */
    static String[] split(String pk, String part) {
        if (pk == null || !pk.startsWith("T#")) return null;
        int a = pk.indexOf('#', 2);
        if (a < 0 || !pk.startsWith("#" + part + "#", a)) return null;
        return new String[] {pk.substring(2, a), pk.substring(a + part.length() + 2)};
    }

    static MemberEvents.Joined joined(String eventName, Map<?, ?> i) {
        String[] k = split(s(i, "pk"), "M");
        if (!"INSERT".equals(eventName) || k == null || !"PROFILE".equals(s(i, "sk")) || s(i, "createdAt") == null) return null;
        return new MemberEvents.Joined(k[0], k[1], Instant.parse(s(i, "createdAt")), s(i, "storeId"));
    }

    static MemberEvents.LedgerMove ledger(String eventName, Map<?, ?> i) {
        String[] k = split(s(i, "pk"), "M");
        String sk = s(i, "sk");
        if (!"INSERT".equals(eventName) || k == null || sk == null || !sk.startsWith("L#") || s(i, "at") == null) return null;
        return new MemberEvents.LedgerMove(k[0], k[1], n(i, "seq"), Instant.parse(s(i, "at")), s(i, "kind"), n(i, "delta"),
                n(i, "pendingDelta"), s(i, "storeId"));
    }

    static MemberEvents.CouponMove coupon(String eventName, Map<?, ?> now, Map<?, ?> old) {
        String[] k = split(s(now, "pk"), "CP");
        if (k == null || !"C".equals(s(now, "sk")) || s(now, "templateId") == null) return null;
        String t = k[0], code = k[1], template = s(now, "templateId"), name = s(now, "name");
        if ("INSERT".equals(eventName)) {
            return new MemberEvents.CouponMove(t, code, template, name, Instant.parse(s(now, "createdAt")), null, 1, 0);
        }
        if (!"MODIFY".equals(eventName) || old == null) return null;
        boolean was = "redeemed".equals(s(old, "state")), is = "redeemed".equals(s(now, "state"));
        if (is && !was) {
            String at = s(now, "rAt") != null ? s(now, "rAt") : s(now, "changedAt");
            return new MemberEvents.CouponMove(t, code, template, name, Instant.parse(at), s(now, "rStore"), 0, 1);
        }
        if (was && !is) {
            return new MemberEvents.CouponMove(t, code, template, name, Instant.parse(s(now, "changedAt")), s(old, "rStore"), 0, -1);
        }
        return null;
    }

    static String s(Map<?, ?> image, String name) {
        return image != null && image.get(name) instanceof Map<?, ?> av && av.get("S") instanceof String v ? v : null;
    }

    static long n(Map<?, ?> image, String name) {
        return image != null && image.get(name) instanceof Map<?, ?> av && av.get("N") instanceof String v ? Long.parseLong(v) : 0;
    }
}
