package com.zhidian.catalog.domain;

import java.util.List;
import java.util.Optional;

/** Stock counts of a store: the count's item and one item per line. */
public interface StockCountRepository {
    /** Writes the lines, then the count (the count is what makes them visible). */
    void create(String tenantId, StockCount c);

    /** The count with its lines ({@code withLines}) or its header alone. */
    Optional<StockCount> find(String tenantId, String storeId, String countId, boolean withLines);

    Optional<CountLine> line(String tenantId, String storeId, String countId, String gtin);

    /** Newest first; {@code status} null for all. */
    Listing<StockCount> list(String tenantId, String storeId, String status, int limit, String cursor);

    /**
     * Records a line's count if the count is still open, the line is as read ({@code again}: it was counted before) and
     * the product's stock level is still at {@code at.version()}. Returns -1 when written, else which of these refused:
     * {@link #REFUSED_COUNT}, {@link #REFUSED_LINE} or {@link #REFUSED_LEVEL}.
     */
    int count(String tenantId, StockCount c, CountLine line, boolean again, StockLevel at);

    int REFUSED_LEVEL = 0, REFUSED_COUNT = 1, REFUSED_LINE = 2;

    /**
     * Writes part {@code part} (0-based) of {@code parts} of a finish: the count moves on (open to finishing or finished,
     * or finishing with {@code part} parts posted to the next), and each movement's change of the level, in one
     * transaction. Returns -1 when written; 0 when the count was not where this part expects it (another finish went
     * first); else the index of the refused level change (1 + 2 × the movement's index): too little available.
     */
    int finishPart(String tenantId, StockCount c, int part, int parts, List<Movement> movements, String by, String at);

    /** Open to cancelled; false when it was not open. */
    boolean cancel(String tenantId, StockCount c, String by, String at);
}
