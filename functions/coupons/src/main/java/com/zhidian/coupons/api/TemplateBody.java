package com.zhidian.coupons.api;

import com.zhidian.core.Ids;
import com.zhidian.core.http.Fields;
import com.zhidian.core.http.Formats;
import com.zhidian.core.http.Request;
import com.zhidian.coupons.domain.Counts;
import com.zhidian.coupons.domain.CouponRules;
import com.zhidian.coupons.domain.Kind;
import com.zhidian.coupons.domain.Template;
import com.zhidian.coupons.domain.Terms;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The body of {@code POST /coupon-templates}, read strictly, every problem reported at once. */
final class TemplateBody {
    static final long MAX_FEN = 100_000_000L;       // ¥1,000,000
    static final long MAX_STOCK = 10_000_000L;
    static final int MAX_PER_MEMBER = 100;
    private static final Pattern GTIN = Pattern.compile("[0-9]{8,14}");
    private static final Pattern ANY = Pattern.compile("(?s).{1,64}");

    private TemplateBody() {}

    static Template read(Request r, Instant now) {
        Fields f = r.fields("name", "description", "kind", "value", "maxDiscount", "giftGtin", "minSpend", "validFrom",
                "validTo", "validDays", "totalStock", "perMemberLimit", "storeIds", "gtins", "categories", "stackable");
        String name = f.requiredString("name", 1, 64);
        String description = f.optionalString("description", 1, 200);
        String kindCode = f.requiredEnum("kind", Set.of("amount_off", "percent_off", "gift"));
        Kind kind = kindCode == null ? null : Kind.of(kindCode);
        long value = 0;
        long maxDiscount = 0;
        String gift = null;
        if (kind == Kind.AMOUNT_OFF) {
            value = orZero(f.requiredLong("value", 1, MAX_FEN));
            if (f.has("maxDiscount")) f.reject("maxDiscount", "only for percent_off");
        } else if (kind == Kind.PERCENT_OFF) {
            value = orZero(f.requiredLong("value", 1, 99));
            maxDiscount = orZero(f.requiredLong("maxDiscount", 1, MAX_FEN));
        } else if (kind == Kind.GIFT) {
            if (f.has("value")) f.reject("value", "a gift has no value; name the product in giftGtin");
            if (f.has("maxDiscount")) f.reject("maxDiscount", "only for percent_off");
            gift = f.requiredMatching("giftGtin", GTIN, "must be a GTIN-8, -12, -13 or -14");
            if (gift != null && !CouponRules.isGtin(gift)) {
                f.reject("giftGtin", "is not a GTIN: its check digit is wrong");
                gift = null;
            }
        }
        if (kind != Kind.GIFT && f.has("giftGtin")) f.reject("giftGtin", "only for gift");
        long minSpend = orZero(f.optionalLong("minSpend", 0, MAX_FEN));
        Instant validFrom = instant(f, "validFrom");
        Instant validTo = instant(f, "validTo");
        Long days = f.optionalLong("validDays", 1, Template.MAX_VALID_DAYS);
        if (days != null && (f.has("validFrom") || f.has("validTo"))) {
            f.reject("validDays", "give either validDays or validFrom/validTo, not both");
        } else if (days == null && !f.has("validTo")) {
            f.reject("validTo", "is required (or give validDays)");
        }
        if (days == null && validTo != null) {
            if (validFrom == null) validFrom = now;
            if (!validTo.isAfter(validFrom)) f.reject("validTo", "must be after validFrom");
            else if (!validTo.isAfter(now)) f.reject("validTo", "must be in the future");
        }
        long stock = orZero(f.requiredLong("totalStock", 1, MAX_STOCK));
        long perMember = orZero(f.requiredLong("perMemberLimit", 1, MAX_PER_MEMBER));
        List<String> stores = f.optionalStrings("storeIds", 100, Formats.ID, "must be a store id");
        List<String> gtins = f.optionalStrings("gtins", 200, GTIN, "must be a GTIN-8, -12, -13 or -14");
        if (gtins != null) {
            for (int i = 0; i < gtins.size(); i++) if (!CouponRules.isGtin(gtins.get(i))) f.reject("gtins", "holds " + gtins.get(i) + ", not a GTIN");
        }
        List<String> categories = f.optionalStrings("categories", 50, ANY, "must be 1 to 64 characters");
        if (categories != null && categories.stream().anyMatch(c -> c.isBlank() || !com.zhidian.core.http.Text.isWellFormed(c))) {
            f.reject("categories", "must be names, not blank");
        }
        Boolean stackable = f.optionalBoolean("stackable");
        f.check();
        Terms terms = new Terms(kind, value, maxDiscount, gift, minSpend, stores, gtins == null ? null : new HashSet<>(gtins),
                categories == null ? null : new HashSet<>(categories), Boolean.TRUE.equals(stackable));
        return new Template(r.caller().tenantId(), Ids.next("ct"), name, description, terms, days == null ? validFrom : null,
                days == null ? validTo : null, days == null ? null : days.intValue(), stock, (int) perMember, false, now,
                new Counts(0, 0, 0, 0, 0, 0));
    }

    private static long orZero(Long v) { return v == null ? 0 : v; }

    /** An ISO-8601 time with its offset ({@code 2026-12-01T00:00:00+08:00}). */
    private static Instant instant(Fields f, String field) {
        String s = f.optionalString(field, 1, 40);
        if (s == null) return null;
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            f.reject(field, "must be an ISO-8601 time with an offset, like 2026-12-01T00:00:00+08:00");
            return null;
        }
    }
}
