package com.zhidian.catalog.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which received goods are still on the shelf. Sales, counts and adjustments do not say which lot they took; the
 * shop sells first in, first out, so what is on hand is the newest receipts' goods: on hand is given to the lots
 * from the last received backwards, and the older lots are gone first. The near-expiry list (临期) is then the lots
 * with goods left, oldest expiry first.
 */
public final class ExpiryRules {
    private ExpiryRules() {}

    /** The lots of one product with {@code onShelf} set, for {@code onHand} on hand now (each lot at most its quantity). */
    public static List<ExpiryLot> onShelf(List<ExpiryLot> lotsOfOneProduct, long onHand) {
        List<ExpiryLot> newestFirst = new ArrayList<>(lotsOfOneProduct);
        newestFirst.sort(Comparator.comparing(ExpiryLot::receivedAt).thenComparing(ExpiryLot::lotId).reversed());
        List<ExpiryLot> out = new ArrayList<>();
        long left = Math.max(0, onHand);
        for (ExpiryLot l : newestFirst) {
            long here = Math.min(left, Math.max(0, l.quantity()));
            left -= here;
            out.add(l.withOnShelf(here));
        }
        return out;
    }

    /** Oldest expiry first; on one date by product, then by lot. */
    public static final Comparator<ExpiryLot> OLDEST_FIRST = Comparator.comparing(ExpiryLot::expiresOn)
            .thenComparing(ExpiryLot::gtin).thenComparing(ExpiryLot::lotId);
}
