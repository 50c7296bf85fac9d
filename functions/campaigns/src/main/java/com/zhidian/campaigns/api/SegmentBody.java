package com.zhidian.campaigns.api;

import com.zhidian.campaigns.domain.Rule;
import com.zhidian.campaigns.domain.Segment;
import com.zhidian.core.http.Fields;
import com.zhidian.core.http.Formats;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;

/** Reads a segment's criteria strictly: every bad rule field named in one 400. */
final class SegmentBody {
    private SegmentBody() {}

    static final Set<String> RULE_FIELDS = Set.of("kind", "min", "max", "withinDays", "values");
    private static final Pattern MONTH = Pattern.compile("[1-9]|1[0-2]");
    private static final Pattern GTIN = Pattern.compile("[0-9]{8,14}");
    private static final Pattern CATEGORY = Pattern.compile("\\S(.{0,62}\\S)?");
    private static final long MAX_NUMBER = 1_000_000_000_000L;

    record Criteria(String match, List<Rule> rules) {}

    /** {@code hasStore}: whether the tenant has the store a home_store rule names. */
    static Criteria read(Fields f, String tenantId, BiPredicate<String, String> hasStore) {
        String match = f.optionalEnum("match", Segment.MATCHES);
        List<Fields> items = f.requiredObjects("rules", 0, Segment.MAX_RULES, RULE_FIELDS);
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Fields r = items.get(i);
            String kind = r.requiredEnum("kind", Rule.KINDS);
            Long min = r.optionalLong("min", 0, MAX_NUMBER);
            Long max = r.optionalLong("max", 0, MAX_NUMBER);
            Long within = r.optionalLong("withinDays", 1, 730);
            List<String> values = r.optionalStrings("values", 50, pattern(kind), rule(kind));
            if (kind == null) continue;
            boolean numeric = Set.of(Rule.POINTS_BALANCE, Rule.LAST_VISIT, Rule.MEMBER_SINCE, Rule.SPEND, Rule.ORDER_COUNT).contains(kind);
            if (numeric) {
                if (min == null && max == null) r.reject("min", "min or max is required for " + kind);
                if (min != null && max != null && min > max) r.reject("max", "must not be below min");
                if (values != null && !values.isEmpty()) r.reject("values", "not used by " + kind);
            } else {
                if (values == null || values.isEmpty()) r.reject("values", "at least one value is required for " + kind);
                if (min != null) r.reject("min", "not used by " + kind);
                if (max != null) r.reject("max", "not used by " + kind);
            }
            boolean windowed = Set.of(Rule.SPEND, Rule.ORDER_COUNT, Rule.BOUGHT_CATEGORY, Rule.BOUGHT_PRODUCT).contains(kind);
            if (within != null && !windowed) r.reject("withinDays", "not used by " + kind);
            if (Rule.HOME_STORE.equals(kind) && values != null) {
                for (int j = 0; j < values.size(); j++) {
                    if (!hasStore.test(tenantId, values.get(j))) r.reject("values[" + j + "]", "not_found", "no such store");
                }
            }
            rules.add(new Rule(kind, min, max, within == null ? null : within.intValue(), values));
        }
        return new Criteria(match == null ? Segment.ALL : match, rules);
    }

    private static Pattern pattern(String kind) {
        if (Rule.BIRTHDAY_MONTH.equals(kind)) return MONTH;
        if (Rule.BOUGHT_PRODUCT.equals(kind)) return GTIN;
        if (Rule.BOUGHT_CATEGORY.equals(kind)) return CATEGORY;
        return Formats.ID;
    }

    private static String rule(String kind) {
        if (Rule.BIRTHDAY_MONTH.equals(kind)) return "must be a month, 1 to 12";
        if (Rule.BOUGHT_PRODUCT.equals(kind)) return "must be a GTIN of 8 to 14 digits";
        if (Rule.BOUGHT_CATEGORY.equals(kind)) return "must be a category name of 1 to 64 characters";
        return "must be a store id";
    }
}
