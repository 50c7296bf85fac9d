package com.zhidian.catalog.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The pure rules of a stock count (docs/decisions.md, "Stock counts"): a line's variance is what was counted less the
 * on hand when it was counted, so goods sold or received between counting and finishing stay on the books; an
 * uncounted line changes nothing (its on hand is kept); the variance in fen is at the last receipt cost.
 */
public final class CountRules {
    /** Lines posted per transaction at finish: a level change and a movement each, within DynamoDB's 100 items. */
    public static final int CHUNK = 40;
    /** The most products one count holds (a larger store is counted by category). */
    public static final int MAX_LINES = 500;

    private CountRules() {}

    /** Counted minus on hand at the count; null while uncounted. */
    public static Long variance(CountLine l) {
        return l.isCounted() ? l.counted() - l.onHandAtCount() : null;
    }

    /** The variance at cost, half up to the fen away from zero (per kg for goods sold by weight); null without a cost. */
    public static Long varianceFen(CountLine l) {
        Long units = variance(l);
        if (units == null || l.lastCost() == null) return null;
        long size = Math.abs(units);
        long fen = l.weighed() ? Weighing.amountFen(l.lastCost(), size) : Math.multiplyExact(l.lastCost(), size);
        return units < 0 ? -fen : fen;
    }

    /** What finishing posts: one change per counted line whose variance is not zero, in the lines' order. */
    public static List<Posting> postings(List<CountLine> lines) {
        List<Posting> out = new ArrayList<>();
        for (CountLine l : lines) {
            Long v = variance(l);
            if (v != null && v != 0) out.add(new Posting(l.gtin(), v, l.counted()));
        }
        return out;
    }

    /**
     * The change of the largest size a finish would post, with its sign (what an approval rule on stock adjustments
     * compares, by size); 0 when nothing would change.
     */
    public static long largestChange(List<CountLine> lines) {
        long largest = 0;
        for (Posting p : postings(lines)) if (Math.abs(p.delta()) > Math.abs(largest)) largest = p.delta();
        return largest;
    }

    /** How many transactions the finish of these postings writes (at least one: the count's own change). */
    public static int parts(int postings) {
        return Math.max(1, (postings + CHUNK - 1) / CHUNK);
    }

    /** Refuses a change of a count that is no longer open. */
    public static void requireOpen(StockCount c) {
        if (StockCount.FINISHED.equals(c.status()) || StockCount.FINISHING.equals(c.status())) throw new CatalogErrors.CountFinished(c.countId());
        if (StockCount.CANCELLED.equals(c.status())) throw new CatalogErrors.CountCancelled(c.countId());
    }

    public static Totals totals(List<CountLine> lines) {
        int counted = 0, over = 0, shortLines = 0;
        long overFen = 0, shortFen = 0;
        for (CountLine l : lines) {
            if (!l.isCounted()) continue;
            counted++;
            long v = variance(l);
            Long fen = varianceFen(l);
            if (v > 0) over++;
            if (v < 0) shortLines++;
            if (fen != null && fen > 0) overFen += fen;
            if (fen != null && fen < 0) shortFen += fen;
        }
        return new Totals(lines.size(), counted, lines.size() - counted, over, shortLines, overFen, shortFen, overFen + shortFen);
    }

    /** One line's change at finish. */
    public record Posting(String gtin, long delta, long counted) {}

    /** A count's summary: lines, counted, uncounted (kept), lines over and short, and the variance at cost in fen. */
    public record Totals(int lines, int counted, int uncounted, int overLines, int shortLines, long overFen, long shortFen, long netFen) {}
}
