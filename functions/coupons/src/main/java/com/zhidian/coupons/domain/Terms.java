package com.zhidian.coupons.domain;

import java.util.List;
import java.util.Set;

/**
 * What a coupon gives and where: copied from its template onto every coupon, so a check or a redemption reads one
 * item. {@code value} is fen (amount_off) or a percentage 1..99 (percent_off, capped by {@code maxDiscount} fen);
 * {@code giftGtin} only for gifts. Empty {@code storeIds}: every store of the tenant. Empty {@code gtins} and
 * {@code categories}: the whole basket counts.
 */
public record Terms(Kind kind, long value, long maxDiscount, String giftGtin, long minSpend, List<String> storeIds,
                    Set<String> gtins, Set<String> categories, boolean stackable) {
    public Terms {
        storeIds = storeIds == null ? List.of() : List.copyOf(storeIds);
        gtins = gtins == null ? Set.of() : Set.copyOf(gtins);
        categories = categories == null ? Set.of() : Set.copyOf(categories);
    }

    public boolean scoped() { return !gtins.isEmpty() || !categories.isEmpty(); }

    public boolean validIn(String storeId) { return storeIds.isEmpty() || storeIds.contains(storeId); }
}
