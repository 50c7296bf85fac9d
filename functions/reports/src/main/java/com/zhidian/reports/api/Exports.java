package com.zhidian.reports.api;

import com.zhidian.reports.application.SalesReports;
import com.zhidian.reports.domain.SalesGrouping;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The sales rows as files: CSV (UTF-8 with a byte-order mark, so Excel opens Chinese text correctly; RFC 4180 quoting)
 * and XLSX written by POI's streaming SXSSF (a window of 100 rows in memory, the rest flushed to a temporary file).
 * Both have the JSON's columns in the same order, money in fen, and a last row of totals.
 */
public final class Exports {
    private Exports() {}

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static String csv(SalesReports.Report r) {
        StringBuilder b = new StringBuilder("\uFEFF");
        b.append(String.join(",", Views.SALES_COLUMNS)).append("\r\n");
        for (SalesGrouping.Row row : r.rows()) line(b, Views.cells(row, r.labels()));
        line(b, Views.cells(new SalesGrouping.Row("total", r.totals()), java.util.Map.of()));
        return b.toString();
    }

    private static void line(StringBuilder b, List<Object> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) b.append(',');
            b.append(cell(cells.get(i)));
        }
        b.append("\r\n");
    }

    /** A numbers as it is; text quoted when it holds a comma, quote or line break, and never read as a formula by Excel. */
    static String cell(Object o) {
        if (o instanceof Number n) return n.toString();
        String v = String.valueOf(o);
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) v = "'" + v;
        return v.matches("(?s).*[\",\r\n].*") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    public static byte[] xlsx(SalesReports.Report r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        xlsx(r.rows(), r.labels(), r.totals() == null ? null : new SalesGrouping.Row("total", r.totals()), out);
        return out.toByteArray();
    }

    /** Streams rows into an XLSX: memory holds a window of rows whatever their number. */
    public static void xlsx(Iterable<SalesGrouping.Row> rows, java.util.Map<String, String> labels, SalesGrouping.Row total, OutputStream out) {
        SXSSFWorkbook wb = new SXSSFWorkbook(100);
        try {
            Sheet sheet = wb.createSheet("sales");
            int n = 0;
            Row head = sheet.createRow(n++);
            for (int i = 0; i < Views.SALES_COLUMNS.size(); i++) head.createCell(i).setCellValue(Views.SALES_COLUMNS.get(i));
            for (SalesGrouping.Row row : rows) write(sheet.createRow(n++), Views.cells(row, labels));
            if (total != null) write(sheet.createRow(n), Views.cells(total, java.util.Map.of()));
            wb.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            wb.dispose();
            try { wb.close(); } catch (IOException ignored) { /* the temporary files are gone already */ }
        }
    }

    private static void write(Row x, List<Object> cells) {
        for (int i = 0; i < cells.size(); i++) {
            Object v = cells.get(i);
            if (v instanceof Number num) x.createCell(i).setCellValue(num.doubleValue());
            else x.createCell(i).setCellValue(String.valueOf(v));
        }
    }
}
