package com.zhidian.devices.domain;

import java.time.Instant;

/**
 * A product's label content from the catalog at an instant (fen): its regular price (null: none yet), the running
 * promotion's price and end, the next scheduled version's price and start (and the promotion of that version running
 * at its start: price and end, null when none), and {@code dueAt}, the next instant the content may change (a version
 * starts, a promotion starts or ends), when the label is pushed again.
 */
public record LabelPrice(String gtin, String name, String spec, Long regularPrice, Long promoPrice, Instant promoEndsAt,
                         Long nextPrice, Instant nextAt, Instant dueAt, Long nextPromoPrice, Instant nextPromoEndsAt) {
    /** Content whose next version (if any) starts with no promotion. */
    public LabelPrice(String gtin, String name, String spec, Long regularPrice, Long promoPrice, Instant promoEndsAt,
                      Long nextPrice, Instant nextAt, Instant dueAt) {
        this(gtin, name, spec, regularPrice, promoPrice, promoEndsAt, nextPrice, nextAt, dueAt, null, null);
    }
}
