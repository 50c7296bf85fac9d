package com.zhidian.approvals.domain;

/**
 * One gated action as the gate sees it: its kind, its store (null for a tenant-wide one such as a coupon template), its
 * subject (order id, GTIN, template name), its amount (fen, or a quantity delta for stock; {@link #UNKNOWN} when the
 * action has no value in fen, a gift coupon), the cost a price is compared with (price only, else null), and the
 * hash of the exact request body.
 */
public record Ask(String kind, String storeId, String subject, long amount, Long cost, String bodyHash) {
    public static final long UNKNOWN = -1;

    public static Ask refund(String storeId, String orderId, long amountFen) {
        return new Ask(Kind.REFUND, storeId, orderId, amountFen, null, null);
    }

    public static Ask price(String storeId, String gtin, long priceFen, Long lastCost) {
        return new Ask(Kind.PRICE, storeId, gtin, priceFen, lastCost, null);
    }

    public static Ask stockAdjustment(String storeId, String gtin, long delta) {
        return new Ask(Kind.STOCK_ADJUSTMENT, storeId, gtin, delta, null, null);
    }

    public static Ask couponTemplate(String name, long valueFen) {
        return new Ask(Kind.COUPON_TEMPLATE, null, name, valueFen, null, null);
    }

    public Ask withBodyHash(String hash) {
        return new Ask(kind, storeId, subject, amount, cost, hash);
    }
}
