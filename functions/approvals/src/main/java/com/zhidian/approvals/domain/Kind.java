package com.zhidian.approvals.domain;

import java.util.Set;

/** What an approval is asked for: the four actions an owner may put behind a rule. */
public final class Kind {
    private Kind() {}

    /** A refund of an order above an amount (fen); the subject is the order id. */
    public static final String REFUND = "refund";
    /** A store price below the product's last receipt cost (fen); the subject is the GTIN. */
    public static final String PRICE = "price";
    /** A stock adjustment whose absolute delta is above a quantity; the subject is the GTIN. */
    public static final String STOCK_ADJUSTMENT = "stock_adjustment";
    /** A coupon template whose value per coupon is above an amount (fen); the subject is the template's name. */
    public static final String COUPON_TEMPLATE = "coupon_template";

    public static final Set<String> ALL = Set.of(REFUND, PRICE, STOCK_ADJUSTMENT, COUPON_TEMPLATE);
}
