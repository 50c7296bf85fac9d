package com.zhidian.catalog.domain;

import java.util.List;

/**
 * An open stock count (盘点单) of a store: its scope, who should count and by when, how many of its lines are counted,
 * and (when read whole) its lines. {@code posted} counts the finish's written parts (a large count posts in several
 * transactions, see {@link CountRules#CHUNK}); {@code lines} is empty when only the header was read.
 */
public record StockCount(String countId, String storeId, String status, String scope, String categoryId, String assigneeId,
                         String dueOn, int lineCount, int countedLines, String openedBy, String openedAt, String closedBy,
                         String closedAt, int posted, List<CountLine> lines) {
    public static final String OPEN = "open", FINISHING = "finishing", FINISHED = "finished", CANCELLED = "cancelled";
    public static final String SCOPE_STORE = "store", SCOPE_CATEGORY = "category", SCOPE_GTINS = "gtins";
    public static final java.util.Set<String> SCOPES = java.util.Set.of(SCOPE_STORE, SCOPE_CATEGORY, SCOPE_GTINS);

    public int linesLeft() { return lineCount - countedLines; }

    /** Open to counting (a finish under way is neither open nor closed: it is resumed by finishing again). */
    public boolean open() { return OPEN.equals(status); }

    public StockCount withLines(List<CountLine> ls) {
        return new StockCount(countId, storeId, status, scope, categoryId, assigneeId, dueOn, lineCount, countedLines, openedBy, openedAt,
                closedBy, closedAt, posted, List.copyOf(ls));
    }
}
