package com.zhidian.catalog.domain;

/**
 * One product of a stock count: what staff counted ({@code counted}, grams for goods sold by weight, as stock is kept)
 * and the on hand at that very moment ({@code onHandAtCount}), so the variance ignores sales made after the count.
 * {@code lastCost} is the store's last receipt cost when counted (fen per piece, per kg when weighed). Null until counted.
 */
public record CountLine(String gtin, String name, String unit, boolean weighed, Long counted, Long onHandAtCount, Long lastCost,
                        String countedBy, String countedAt) {
    public boolean isCounted() { return counted != null; }

    public CountLine counted(long quantity, StockLevel at, String by, String when) {
        return new CountLine(gtin, name, unit, weighed, quantity, at.onHand(), at.lastCost(), by, when);
    }
}
