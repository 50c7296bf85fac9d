package com.zhidian.samplestore.year;

/**
 * One product of the sample year. Prices and costs in fen; a weighed product (sold by weight) is priced per kg and its
 * quantities are grams. {@code baseDaily} is the mean quantity a convenience store sells on an ordinary weekday.
 */
public record YearProduct(
        String gtin, String nameZh, String nameEn, String brand, String category, String categoryEn, String unit,
        String spec, boolean weighed, long price, long cost, int casePack, int shelfLifeDays,
        Pattern pattern, double baseDaily, double intermittency, double heat, double festival, double online) {

    /** How the item sells: every day, a little every few days, or in rare lumps. */
    public enum Pattern { REGULAR, SLOW, INTERMITTENT }

    /** Amount of a line in fen: price × quantity, per kg for weighed goods. */
    public long amount(long unitPrice, long quantity) {
        return weighed ? Math.round(unitPrice * quantity / 1000.0) : unitPrice * quantity;
    }
}
