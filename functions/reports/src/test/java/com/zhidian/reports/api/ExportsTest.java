package com.zhidian.reports.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** CSV cells: numbers as they are, text quoted per RFC 4180, and never read as a formula by Excel. */
class ExportsTest {
    @Test
    void cells() {
        assertEquals("-120", Exports.cell(-120L));
        assertEquals("饮料", Exports.cell("饮料"));
        assertEquals("\"零食, \"\"进口\"\"\"", Exports.cell("零食, \"进口\""));
        assertEquals("'=HYPERLINK(1)", Exports.cell("=HYPERLINK(1)"));
        assertEquals("'-", Exports.cell("-"));
        assertEquals("\"a\r\nb\"", Exports.cell("a\r\nb"));
    }
}
