package com.zhidian.catalog.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * The one function that decides a price (同标同质同价): the POS, the mini-program and the shelf labels all ask it,
 * so they cannot disagree. Pure: no clock, no storage.
 */
public final class PriceRules {
    /**
     * Which of two versions is the later: by start, then by when it was set. A store keeps one version per scope and
     * start, so the rest only makes the answer independent of reading order should two ever tie.
     */
    static final Comparator<PriceVersion> LATER = Comparator.comparing(PriceVersion::effectiveAt)
            .thenComparing(PriceVersion::setAt)
            .thenComparingLong(PriceVersion::price)
            .thenComparing(PriceVersion::promoPrice, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(PriceVersion::promoFrom, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(PriceVersion::promoTo, Comparator.nullsFirst(Comparator.naturalOrder()));

    private PriceRules() {}

    /**
     * The price in force for {@code storeId} at {@code at}, from every version of one product. A store's own latest
     * version already in effect wins; otherwise the tenant-wide one; within it the promotion when {@code at} is in
     * its window. Empty when no version is in effect yet. Versions of other stores are ignored, so the caller may
     * pass everything it read for the product.
     */
    public static Optional<PriceInForce> inForce(Collection<PriceVersion> versions, String storeId, Instant at) {
        PriceVersion own = storeId == null ? null : latest(versions, storeId, at);
        PriceVersion chosen = own != null ? own : latest(versions, null, at);
        if (chosen == null) return Optional.empty();
        boolean promo = chosen.promoAt(at);
        return Optional.of(new PriceInForce(chosen.gtin(), promo ? chosen.promoPrice() : chosen.price(), chosen.price(), promo,
                promo ? chosen.promoTo() : null, own != null ? PriceInForce.STORE : PriceInForce.TENANT, chosen.effectiveAt(),
                next(versions, storeId, at)));
    }

    /** The next version scheduled after {@code at} that will be the one in force for this store when it starts. */
    static PriceVersion next(Collection<PriceVersion> versions, String storeId, Instant at) {
        return versions.stream()
                .filter(v -> v.tenantWide() || v.storeId().equals(storeId))
                .filter(v -> v.effectiveAt().isAfter(at))
                .sorted(LATER)
                .filter(v -> chosen(versions, storeId, v.effectiveAt()) == v)
                .findFirst().orElse(null);
    }

    private static PriceVersion chosen(Collection<PriceVersion> versions, String storeId, Instant at) {
        PriceVersion own = storeId == null ? null : latest(versions, storeId, at);
        return own != null ? own : latest(versions, null, at);
    }

    private static PriceVersion latest(Collection<PriceVersion> versions, String storeId, Instant at) {
        PriceVersion best = null;
        for (PriceVersion v : versions) {
            boolean mine = storeId == null ? v.tenantWide() : storeId.equals(v.storeId());
            if (!mine || v.effectiveAt().isAfter(at)) continue;
            if (best == null || LATER.compare(v, best) > 0) best = v;
        }
        return best;
    }

    /**
     * The first instant after {@code at} at which {@link #inForce} for this store may answer differently: a version of
     * the store or tenant-wide starts, or a promotion of one starts or ends. Null when nothing is scheduled. A shelf
     * label is pushed again then (docs/decisions.md, "ESL price push").
     */
    public static Instant nextChange(Collection<PriceVersion> versions, String storeId, Instant at) {
        Instant best = null;
        for (PriceVersion v : versions) {
            if (!v.tenantWide() && !v.storeId().equals(storeId)) continue;
            for (Instant t : new Instant[] {v.effectiveAt(), v.promoPrice() == null ? null : v.promoFrom(), v.promoPrice() == null ? null : v.promoTo()}) {
                if (t != null && t.isAfter(at) && (best == null || t.isBefore(best))) best = t;
            }
        }
        return best;
    }

    /** A promotion needs a price and both ends of its window, the end after the start. */
    public static void checkPromo(long price, Long promoPrice, Instant from, Instant to) {
        if (promoPrice == null && from == null && to == null) return;
        if (promoPrice == null || from == null || to == null) throw new CatalogErrors.PromoIncomplete();
        if (!to.isAfter(from)) throw new CatalogErrors.PromoWindowBackwards();
        if (promoPrice >= price) throw new CatalogErrors.PromoNotBelowPrice(promoPrice, price);   // a promotion lowers the price
    }

    /** A price below the unit cost of the last goods received is allowed, and flagged. */
    public static boolean belowCost(long price, Long promoPrice, Long lastCost) {
        if (lastCost == null) return false;
        return price < lastCost || (promoPrice != null && promoPrice < lastCost);
    }
}
