package com.zhidian.coupons.store;

import static com.zhidian.core.aws.Items.bool;
import static com.zhidian.core.aws.Items.flag;
import static com.zhidian.core.aws.Items.key;
import static com.zhidian.core.aws.Items.n;
import static com.zhidian.core.aws.Items.num;
import static com.zhidian.core.aws.Items.s;
import static com.zhidian.core.aws.Items.str;

import com.zhidian.coupons.domain.Counts;
import com.zhidian.coupons.domain.Coupon;
import com.zhidian.coupons.domain.CouponState;
import com.zhidian.coupons.domain.Kind;
import com.zhidian.coupons.domain.Template;
import com.zhidian.coupons.domain.Terms;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Templates and coupons as items and back. */
final class CouponItems {
    private CouponItems() {}

    static Map<String, AttributeValue> template(Template t) {
        Map<String, AttributeValue> item = key(Keys.template(t.tenantId(), t.templateId()), Keys.TEMPLATE_SK);
        item.put("gsi1pk", s(Keys.templateList(t.tenantId())));
        item.put("gsi1sk", s(Keys.at(t.createdAt(), t.templateId())));
        item.put("tenantId", s(t.tenantId()));
        item.put("templateId", s(t.templateId()));
        item.put("name", s(t.name()));
        if (t.description() != null) item.put("description", s(t.description()));
        putTerms(item, t.terms());
        if (t.validFrom() != null) item.put("validFrom", s(t.validFrom().toString()));
        if (t.validTo() != null) item.put("validTo", s(t.validTo().toString()));
        if (t.validDays() != null) item.put("validDays", n(t.validDays()));
        item.put("totalStock", n(t.totalStock()));
        item.put("perMemberLimit", n(t.perMemberLimit()));
        item.put("stopped", bool(t.stopped()));
        item.put("createdAt", s(t.createdAt().toString()));
        for (String c : List.of("taken", "issued", "claimed", "reserved", "redeemed", "voided")) item.put(c, n(0));
        return item;
    }

    static Template template(Map<String, AttributeValue> i) {
        return new Template(str(i, "tenantId"), str(i, "templateId"), str(i, "name"), str(i, "description"), terms(i),
                instant(i, "validFrom"), instant(i, "validTo"), i.containsKey("validDays") ? (int) num(i, "validDays") : null,
                num(i, "totalStock"), (int) num(i, "perMemberLimit"), flag(i, "stopped"), Instant.parse(str(i, "createdAt")),
                new Counts(num(i, "issued"), num(i, "claimed"), num(i, "reserved"), num(i, "redeemed"), num(i, "voided"), 0));
    }

    static Map<String, AttributeValue> coupon(Coupon c) {
        Map<String, AttributeValue> item = key(Keys.coupon(c.tenantId(), c.code()), Keys.COUPON_SK);
        item.put("gsi1pk", s(Keys.memberCoupons(c.tenantId(), c.memberId())));
        item.put("gsi1sk", s(Keys.at(c.createdAt(), c.code())));
        item.put("gsi2pk", s(Keys.templateCoupons(c.tenantId(), c.templateId())));
        item.put("gsi2sk", s(Keys.at(c.validTo(), c.code())));
        item.put("tenantId", s(c.tenantId()));
        item.put("code", s(c.code()));
        item.put("templateId", s(c.templateId()));
        item.put("memberId", s(c.memberId()));
        item.put("name", s(c.name()));
        putTerms(item, c.terms());
        item.put("validFrom", s(c.validFrom().toString()));
        item.put("validTo", s(c.validTo().toString()));
        item.put("state", s(c.state().code()));
        item.put("source", s(c.source()));
        item.put("createdAt", s(c.createdAt().toString()));
        item.put("changedAt", s(c.changedAt().toString()));
        return item;
    }

    static Coupon coupon(Map<String, AttributeValue> i) {
        Coupon.Redemption r = i.containsKey("rAt") ? new Coupon.Redemption(str(i, "rStore"), str(i, "rStaff"), str(i, "rOrder"),
                Instant.parse(str(i, "rAt"))) : null;
        return new Coupon(str(i, "tenantId"), str(i, "code"), str(i, "templateId"), str(i, "memberId"), str(i, "name"), terms(i),
                Instant.parse(str(i, "validFrom")), Instant.parse(str(i, "validTo")), CouponState.of(str(i, "state")),
                str(i, "source"), Instant.parse(str(i, "createdAt")), str(i, "orderId"), r, str(i, "voidReason"),
                Instant.parse(str(i, "changedAt")));
    }

    private static void putTerms(Map<String, AttributeValue> item, Terms t) {
        item.put("kind", s(t.kind().code()));
        item.put("value", n(t.value()));
        item.put("maxDiscount", n(t.maxDiscount()));
        if (t.giftGtin() != null) item.put("giftGtin", s(t.giftGtin()));
        item.put("minSpend", n(t.minSpend()));
        item.put("stackable", bool(t.stackable()));
        if (!t.storeIds().isEmpty()) item.put("storeIds", list(t.storeIds()));
        if (!t.gtins().isEmpty()) item.put("gtins", list(t.gtins().stream().sorted().toList()));
        if (!t.categories().isEmpty()) item.put("categories", list(t.categories().stream().sorted().toList()));
    }

    private static Terms terms(Map<String, AttributeValue> i) {
        return new Terms(Kind.of(str(i, "kind")), num(i, "value"), num(i, "maxDiscount"), str(i, "giftGtin"), num(i, "minSpend"),
                strings(i, "storeIds"), new HashSet<>(strings(i, "gtins")), new HashSet<>(strings(i, "categories")), flag(i, "stackable"));
    }

    private static AttributeValue list(Collection<String> values) {
        return AttributeValue.fromL(values.stream().map(AttributeValue::fromS).toList());
    }

    private static List<String> strings(Map<String, AttributeValue> i, String name) {
        AttributeValue v = i.get(name);
        return v == null || !v.hasL() ? List.of() : v.l().stream().map(AttributeValue::s).toList();
    }

    private static Instant instant(Map<String, AttributeValue> i, String name) {
        String v = str(i, name);
        return v == null ? null : Instant.parse(v);
    }
}
