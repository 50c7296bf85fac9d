package com.zhidian.reports.domain;

/**
 * What a bucket counts: orders paid, units (net of units refunded), gross (list price × quantity), discounts (coupon and
 * points), refunds (money back) and net (gross − discounts − refunds), all money in fen.
 */
public record Measures(long orders, long units, long gross, long discounts, long refunds, long net) {
    public static final Measures ZERO = new Measures(0, 0, 0, 0, 0, 0);

    public Measures plus(Measures o) {
        return new Measures(Math.addExact(orders, o.orders), Math.addExact(units, o.units), Math.addExact(gross, o.gross),
                Math.addExact(discounts, o.discounts), Math.addExact(refunds, o.refunds), Math.addExact(net, o.net));
    }

    public boolean isZero() { return equals(ZERO); }
}
