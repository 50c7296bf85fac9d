package com.zhidian.campaigns.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * Who a campaign speaks to: criteria combined with {@code all} (AND) or {@code any} (OR), saved once and used by
 * any number of campaigns. A segment that looks at purchase history counts only members with a current
 * {@code personalization} grant (PIPL: personalised marketing needs it).
 */
public record Segment(String tenantId, String segmentId, String name, String match, List<Rule> rules, Instant createdAt) {
    public static final String ALL = "all";
    public static final String ANY = "any";
    public static final Set<String> MATCHES = Set.of(ALL, ANY);
    public static final int MAX_RULES = 20;

    public Segment {
        rules = List.copyOf(rules);
    }

    public boolean usesPurchaseHistory() {
        return rules.stream().anyMatch(Rule::usesPurchaseHistory);
    }

    /** Whether the member belongs to the segment now; erased members never do. */
    public boolean matches(AudienceMember m, Profile p, Instant now, ZoneId zone) {
        if (!m.active()) return false;
        if (usesPurchaseHistory() && !m.personalization()) return false;
        if (rules.isEmpty()) return true;
        return ANY.equals(match)
                ? rules.stream().anyMatch(r -> r.matches(m, p, now, zone))
                : rules.stream().allMatch(r -> r.matches(m, p, now, zone));
    }
}
