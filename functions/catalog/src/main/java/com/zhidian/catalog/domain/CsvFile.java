package com.zhidian.catalog.domain;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV file as a spreadsheet saves it: its text, read as UTF-8 (with or without a byte-order mark) when its bytes
 * are valid UTF-8, otherwise as GB18030 (what Excel in Chinese saves "CSV" as); then its records by RFC 4180
 * (comma-separated, fields in double quotes may hold commas, line breaks and doubled quotes; CRLF or LF).
 * A file that is neither, or that starts with a UTF-16 byte-order mark, is refused: {@link ImportErrors.BadEncoding}.
 */
public final class CsvFile {
    public static final Charset GB18030 = Charset.forName("GB18030");

    /** One record: its row number as a spreadsheet shows it (the header is row 1) and its cells. */
    public record Record(int row, List<String> cells) {}

    /** The text and which encoding it was read as ({@code UTF-8} or {@code GB18030}). */
    public record Text(String text, String encoding) {}

    private CsvFile() {}

    public static Text decode(byte[] bytes) {
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE) || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
            throw new ImportErrors.BadEncoding("UTF-16");
        }
        int from = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF ? 3 : 0;
        String utf8 = strict(StandardCharsets.UTF_8, bytes, from);
        if (utf8 != null) return new Text(utf8, "UTF-8");
        String gb = strict(GB18030, bytes, 0);
        if (gb != null && gb.indexOf('\0') < 0) return new Text(gb, "GB18030");
        throw new ImportErrors.BadEncoding("unknown");
    }

    private static String strict(Charset cs, byte[] bytes, int from) {
        try {
            return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, from, bytes.length - from)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** The records of the text; blank lines are skipped (their row numbers still count). */
    public static List<Record> parse(String text) {
        List<Record> out = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int row = 1, startRow = 1;
        boolean quoted = false, wasQuoted = false, any = false;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') row++;
                    cell.append(c);
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    if (cell.length() == 0 && !wasQuoted) {
                        quoted = true;
                        wasQuoted = true;
                    } else {
                        cell.append(c); // a quote inside an unquoted field is kept as it is, as spreadsheets do
                    }
                    any = true;
                }
                case ',' -> {
                    cells.add(cell.toString());
                    cell.setLength(0);
                    wasQuoted = false;
                    any = true;
                }
                case '\r' -> {
                    if (i + 1 < n && text.charAt(i + 1) == '\n') continue;
                    any = end(out, cells, cell, startRow, any);
                    wasQuoted = false;
                    startRow = ++row;
                }
                case '\n' -> {
                    any = end(out, cells, cell, startRow, any);
                    wasQuoted = false;
                    startRow = ++row;
                }
                default -> {
                    cell.append(c);
                    any = true;
                }
            }
        }
        end(out, cells, cell, startRow, any || cell.length() > 0);
        return out;
    }

    private static boolean end(List<Record> out, List<String> cells, StringBuilder cell, int row, boolean any) {
        if (any) {
            cells.add(cell.toString());
            out.add(new Record(row, List.copyOf(cells)));
        }
        cells.clear();
        cell.setLength(0);
        return false;
    }
}
