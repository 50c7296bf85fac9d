package com.zhidian.orders.api;

import com.zhidian.catalog.domain.Gtin;
import com.zhidian.core.errors.ApiException;
import com.zhidian.coupons.domain.CouponCodes;
import com.zhidian.coupons.domain.CouponErrors;
import com.zhidian.core.http.Fields;
import com.zhidian.core.http.Request;
import com.zhidian.orders.application.OrdersService;
import com.zhidian.orders.domain.Order;
import com.zhidian.orders.domain.OrderRules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reading the orders context's bodies strictly: unknown fields (a price among them) refused, every bad field named. */
final class Inputs {
    private Inputs() {}

    static final Pattern ID = Pattern.compile("[A-Za-z0-9_\\-]{1,64}");
    static final Pattern PHONE = Pattern.compile("\\+?[0-9]{6,15}");
    static final Set<String> LINE = Set.of("gtin", "qty");
    static final Pattern GTIN = Pattern.compile("[0-9]{8}|[0-9]{12,14}");
    static final Set<String> PLACED_LINE = Set.of("gtin", "qty", "weightGrams", "scaleCode");
    static final Pattern SCALE_CODE = Pattern.compile("2[0-9]{12}");

    /** A placing body; {@code customerMemberId} non-null for a customer's own order (channel and member are theirs). */
    static OrdersService.Placing placing(Request r, String customerMemberId) {
        boolean staff = customerMemberId == null;
        Fields f = staff
                ? r.fields("storeId", "channel", "fulfilment", "lines", "memberId", "couponCode", "pointsToUse", "address", "note")
                : r.fields("storeId", "fulfilment", "lines", "couponCode", "pointsToUse", "address", "note");
        String storeId = f.requiredMatching("storeId", ID, "must be a store id");
        String channel = staff ? f.requiredEnum("channel", Order.CHANNELS) : Order.MINI_PROGRAM;
        String fulfilment = f.requiredEnum("fulfilment", Order.FULFILMENTS);
        List<OrdersService.Weighed> weighed = new ArrayList<>();
        Map<String, Long> lines = lines(f, f.requiredObjects("lines", 1, OrderRules.MAX_LINES, PLACED_LINE), weighed);
        String memberId = staff ? f.optionalMatching("memberId", ID, "must be a member id") : customerMemberId;
        String coupon = f.optionalString("couponCode", 1, 40);
        Long pointsToUse = f.optionalLong("pointsToUse", 0, 10_000_000);
        Fields a = f.optionalObject("address", Set.of("name", "phone", "line"));
        Order.Address address = null;
        if (a != null) {
            address = new Order.Address(a.requiredString("name", 1, 40), a.requiredMatching("phone", PHONE, "must be a phone number"),
                    a.requiredString("line", 1, 200));
        }
        String note = f.optionalString("note", 1, 200);
        if (Order.DELIVERY.equals(fulfilment) && !f.has("address")) f.reject("address", Fields.REQUIRED, "a delivery needs an address");
        if (fulfilment != null && !Order.DELIVERY.equals(fulfilment) && f.has("address")) {
            f.reject("address", "not_allowed", "an address is only for a delivery");
        }
        if (staff && Order.MINI_PROGRAM.equals(channel) && memberId == null) f.reject("memberId", Fields.REQUIRED, "a mini-program order is a member's");
        f.check();
        if (coupon != null) checkCouponCode(coupon);
        return new OrdersService.Placing(storeId, channel, fulfilment, lines, weighed, memberId, coupon, pointsToUse == null ? 0 : pointsToUse,
                address, note);
    }

    /** A text that is no coupon code is the {@code couponCode} field's fault here (the coupons' own routes call it {@code code}). */
    private static void checkCouponCode(String typed) {
        try {
            CouponCodes.normalise(typed);
        } catch (CouponErrors.CodeMalformed e) {
            throw new CouponErrors.CodeMalformed("couponCode");
        } catch (CouponErrors.CodeMistyped e) {
            throw new CouponErrors.CodeMistyped("couponCode");
        }
    }

    /**
     * A placed line is one of: {@code {gtin, qty}} (by the piece), {@code {gtin, weightGrams}} (sold by weight) or
     * {@code {scaleCode}} (a weighing scale's EAN-13 label, decoded on the server in the tenant's format). Pieces come
     * back by GTIN-14; weighed lines into {@code weighed}.
     */
    private static Map<String, Long> lines(Fields f, List<Fields> items, List<OrdersService.Weighed> weighed) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            Fields l = items.get(i);
            if (l.has("scaleCode")) {
                for (String other : List.of("gtin", "qty", "weightGrams")) {
                    if (l.has(other)) l.reject(other, "not_allowed", "a scale code names the product and its weight or price itself");
                }
                String code = l.requiredMatching("scaleCode", SCALE_CODE, "must be the 13 digits of a scale's label");
                if (code == null) continue;
                if (Gtin.checkDigit(code.substring(0, 12)) != code.charAt(12) - '0') {
                    f.reject("lines[" + i + "].scaleCode", "check_digit", "the label's EAN-13 check digit is wrong: scan or type it again");
                    continue;
                }
                weighed.add(OrdersService.Weighed.byLabel(code));
                continue;
            }
            String text = l.requiredMatching("gtin", GTIN, "must be a GTIN-8, -12, -13 or -14");
            Long qty = null;
            Long grams = null;
            if (l.has("weightGrams")) {
                if (l.has("qty")) l.reject("qty", "not_allowed", "a weighed line gives weightGrams, not qty");
                grams = l.requiredLong("weightGrams", 1, OrderRules.MAX_GRAMS);
                if (grams == null) continue;
            } else {
                qty = l.requiredLong("qty", 1, OrderRules.MAX_QTY);
                if (qty == null) continue;
            }
            if (text == null) continue;
            if (Gtin.problem(text) != null) {
                f.reject("lines[" + i + "].gtin", Fields.INVALID_FORMAT, "must be a GTIN with its check digit");
                continue;
            }
            if (grams != null) weighed.add(OrdersService.Weighed.byWeight(Gtin.parse(text).value(), grams));
            else out.merge(Gtin.parse(text).value(), qty, Long::sum);
        }
        for (Map.Entry<String, Long> e : out.entrySet()) {
            if (e.getValue() > OrderRules.MAX_QTY) f.reject("lines", Fields.OUT_OF_RANGE, "at most " + OrderRules.MAX_QTY + " of one product");
        }
        return out;
    }

    static List<OrderRules.Ask> refundLines(Fields f) {
        if (!f.has("lines")) return List.of();
        List<OrderRules.Ask> out = new ArrayList<>();
        List<Fields> items = f.requiredObjects("lines", 1, OrderRules.MAX_LINES, LINE);
        for (int i = 0; i < items.size(); i++) {
            Fields l = items.get(i);
            String text = l.requiredMatching("gtin", GTIN, "must be a GTIN-8, -12, -13 or -14");
            // grams of a weighed line (the refund rules refuse more than is left of the line)
            Long qty = l.requiredLong("qty", 1, Math.max(OrderRules.MAX_QTY, OrderRules.MAX_GRAMS));
            if (text == null || qty == null) continue;
            if (Gtin.problem(text) != null) {
                f.reject("lines[" + i + "].gtin", Fields.INVALID_FORMAT, "must be a GTIN with its check digit");
                continue;
            }
            out.add(new OrderRules.Ask(Gtin.parse(text).value(), qty));
        }
        return out;
    }

    static Instant instant(Request r, String name) {
        String v = r.query(name);
        if (v == null || v.isEmpty()) return null;
        try {
            return Instant.parse(v);
        } catch (RuntimeException e) {
            throw ApiException.badRequest(name, "must be a date-time such as 2026-12-03T00:00:00Z");
        }
    }
}
