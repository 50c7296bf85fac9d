package com.zhidian.coupons.domain;

import java.util.List;

/** What the customer is buying, as the POS sees it: lines with a GTIN, a category if known, a quantity and a unit price in fen. */
public record Basket(List<Line> lines) {
    public Basket {
        lines = List.copyOf(lines);
    }

    public record Line(String gtin, String category, long quantity, long unitPrice) {
        public long amount() { return quantity * unitPrice; }
    }

    /** The amount the coupon's terms count toward its minimum spend and its discount: the scoped lines, or all. */
    public long eligible(Terms t) {
        long sum = 0;
        for (Line l : lines) if (inScope(t, l)) sum += l.amount();
        return sum;
    }

    public boolean hasScopedLine(Terms t) {
        for (Line l : lines) if (inScope(t, l)) return true;
        return false;
    }

    private static boolean inScope(Terms t, Line l) {
        if (!t.scoped()) return true;
        return t.gtins().contains(l.gtin()) || (l.category() != null && t.categories().contains(l.category()));
    }
}
