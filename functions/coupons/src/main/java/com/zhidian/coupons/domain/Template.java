package com.zhidian.coupons.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * A coupon template: the terms every coupon of it carries, its validity (a fixed window, or {@code validDays} from the
 * moment a coupon is handed out), its total stock and the per-member limit. A stopped template hands out no more
 * coupons; those already out stay valid unless voided.
 */
public record Template(String tenantId, String templateId, String name, String description, Terms terms,
                       Instant validFrom, Instant validTo, Integer validDays, long totalStock, int perMemberLimit,
                       boolean stopped, Instant createdAt, Counts counts) {

    public static final int MAX_VALID_DAYS = 3650;

    /** The window of a coupon handed out at {@code now}. */
    public Instant couponFrom(Instant now) { return validDays != null ? now : validFrom; }

    public Instant couponTo(Instant now) { return validDays != null ? now.plus(Duration.ofDays(validDays)) : validTo; }

    /** Whether coupons may still be handed out: not stopped, the window not over, stock left. */
    public boolean open(Instant now) {
        return !stopped && (validTo == null || now.isBefore(validTo)) && counts.taken() < totalStock;
    }

    public Template withCounts(Counts c) {
        return new Template(tenantId, templateId, name, description, terms, validFrom, validTo, validDays, totalStock,
                perMemberLimit, stopped, createdAt, c);
    }
}
