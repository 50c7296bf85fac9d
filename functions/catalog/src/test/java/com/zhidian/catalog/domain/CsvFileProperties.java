package com.zhidian.catalog.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** What a spreadsheet writes, CsvFile reads back: cells, rows, both encodings. */
class CsvFileProperties {

    @Provide
    Arbitrary<List<List<String>>> sheets() {
        // whole code points only (a lone half of 𠮷 is no text in any encoding)
        Arbitrary<String> cell = Arbitraries.oneOf(Arbitraries.strings().withChars("ab 1,\"\n\r中文").ofMaxLength(8),
                Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(6), Arbitraries.of("𠮷", "统一 \"老坛\"", "a,\r\nb"));
        // a row of cells all blank would be skipped as a blank line: every row has a first cell that is not
        Arbitrary<List<String>> row = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(4)
                .flatMap(first -> cell.list().ofMaxSize(5).map(rest -> {
                    List<String> r = new ArrayList<>();
                    r.add(first);
                    r.addAll(rest);
                    return r;
                }));
        return row.list().ofMinSize(1).ofMaxSize(6);
    }

    static String write(List<List<String>> sheet, String eol) {
        StringBuilder b = new StringBuilder();
        for (List<String> row : sheet) {
            for (int i = 0; i < row.size(); i++) {
                String c = row.get(i);
                if (i > 0) b.append(',');
                boolean quote = c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r");
                b.append(quote ? "\"" + c.replace("\"", "\"\"") + "\"" : c);
            }
            b.append(eol);
        }
        return b.toString();
    }

    @Property
    void cellsRoundTrip_throughUtf8WithBom_andGb18030(@ForAll("sheets") List<List<String>> sheet) {
        String text = write(sheet, "\r\n");
        ByteArrayOutputStream bom = new ByteArrayOutputStream();
        bom.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bom.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        CsvFile.Text utf8 = CsvFile.decode(bom.toByteArray());
        assertEquals("UTF-8", utf8.encoding());
        assertEquals(esc(sheet), esc(CsvFile.parse(utf8.text()).stream().map(CsvFile.Record::cells).toList()));
        CsvFile.Text gb = CsvFile.decode(text.getBytes(CsvFile.GB18030));
        // ASCII-only text is valid UTF-8 too, and reads the same either way
        assertEquals(esc(sheet), esc(CsvFile.parse(gb.text()).stream().map(CsvFile.Record::cells).toList()));
    }

    static String esc(Object o) {
        return String.valueOf(o).replace("\r", "\\r").replace("\n", "\\n");
    }

    @Test
    void rowNumbersAreTheSpreadsheets_blankLinesCount_andAQuotedLineBreakStaysInItsCell() {
        List<CsvFile.Record> r = CsvFile.parse("gtin,name\n\n1,\"a\nb\"\n2,c");
        assertEquals(List.of(1, 3, 5), r.stream().map(CsvFile.Record::row).toList());
        assertEquals(List.of("1", "a\nb"), r.get(1).cells());
    }

    @Test
    void utf16_andBytesThatAreNeitherEncoding_areRefused() {
        assertThrows(ImportErrors.BadEncoding.class, () -> CsvFile.decode("gtin".getBytes(StandardCharsets.UTF_16)));
        assertThrows(ImportErrors.BadEncoding.class, () -> CsvFile.decode(new byte[] {'a', (byte) 0x81, (byte) 0x20, (byte) 0xFF}));
        assertEquals("GB18030", CsvFile.decode("品名".getBytes(CsvFile.GB18030)).encoding());
    }
}
