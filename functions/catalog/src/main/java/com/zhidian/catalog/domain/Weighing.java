package com.zhidian.catalog.domain;

/**
 * The one rounding rule of goods sold by weight (docs/decisions.md, "Weighed goods"): a line costs the price per
 * kilogram (fen) times the grams, divided by 1,000 and rounded half up to the fen. A price-bearing scale label gives the
 * grams that amount buys at the price in force, rounded half up to the gram.
 */
public final class Weighing {
    private Weighing() {}

    /** The heaviest line: what a 5-digit weight field holds (99.999 kg). */
    public static final long MAX_GRAMS = 99_999;

    public static long amountFen(long pricePerKg, long grams) {
        return Math.addExact(Math.multiplyExact(pricePerKg, grams), 500) / 1000;
    }

    public static long gramsFor(long pricePerKg, long amountFen) {
        return pricePerKg <= 0 ? 0 : (Math.multiplyExact(amountFen, 1000) + pricePerKg / 2) / pricePerKg;
    }

    /** The grams a scale label's value stands for: its weight, or on a price-bearing label the grams its amount buys. */
    public static long gramsOfLabel(boolean carriesWeight, long value, long pricePerKg) {
        return carriesWeight ? value : gramsFor(pricePerKg, value);
    }
}
