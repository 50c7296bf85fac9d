package com.zhidian.catalog.domain;

import java.util.Map;

/**
 * Why one row of an import was refused: its row number (the header is row 1), the column (its header name as the
 * file spells it; null for the whole row), a stable code ({@link ImportRows} lists them), the refused text (cut to
 * 64 characters) and the facts the words need (the first row of a duplicate, the limits of a number).
 */
public record RowIssue(int row, String column, String code, String value, Map<String, String> facts) {
    public RowIssue {
        if (value != null && value.length() > 64) value = value.substring(0, 64);
        facts = facts == null ? Map.of() : Map.copyOf(facts);
    }
}
