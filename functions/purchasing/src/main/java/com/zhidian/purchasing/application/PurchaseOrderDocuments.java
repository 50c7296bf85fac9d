package com.zhidian.purchasing.application;

import com.zhidian.purchasing.domain.Outbox;
import com.zhidian.purchasing.domain.PurchaseOrder;
import com.zhidian.purchasing.domain.Supplier;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A purchase order as the supplier receives it: CSV (UTF-8 with a byte-order mark, so Excel shows the Chinese
 * names) or XLSX (Apache POI), one row per line: GTIN, name, quantity, unit cost and line total in yuan.
 */
public final class PurchaseOrderDocuments {
    static final String[] HEADER = {"GTIN", "商品 Product", "数量 Quantity", "单价 Unit cost (CNY)", "金额 Amount (CNY)"};

    private PurchaseOrderDocuments() {}

    public static String csv(PurchaseOrder po, Supplier s, Map<String, String> names) {
        StringBuilder b = new StringBuilder();
        b.append(cell("采购单 Purchase order")).append(',').append(cell(po.purchaseOrderId())).append("\r\n");
        b.append(cell("供应商 Supplier")).append(',').append(cell(s.name())).append("\r\n");
        b.append(cell("门店 Store")).append(',').append(cell(po.storeId())).append("\r\n");
        b.append(String.join(",", HEADER)).append("\r\n");
        for (PurchaseOrder.Line l : po.lines()) {
            b.append(cell(l.gtin())).append(',').append(cell(names.getOrDefault(l.gtin(), ""))).append(',').append(l.quantity())
                    .append(',').append(yuan(l.cost())).append(',').append(yuan(l.quantity() * l.cost())).append("\r\n");
        }
        b.append(",,,").append(cell("合计 Total")).append(',').append(yuan(po.total())).append("\r\n");
        return b.toString();
    }

    public static Outbox.Attachment csvAttachment(PurchaseOrder po, Supplier s, Map<String, String> names) {
        byte[] body = ("\uFEFF" + csv(po, s, names)).getBytes(StandardCharsets.UTF_8);
        return new Outbox.Attachment(po.purchaseOrderId() + ".csv", "text/csv; charset=utf-8", body);
    }

    public static Outbox.Attachment xlsx(PurchaseOrder po, Supplier s, Map<String, String> names) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sh = wb.createSheet("PO");
            int r = 0;
            row(sh, r++, "采购单 Purchase order", po.purchaseOrderId());
            row(sh, r++, "供应商 Supplier", s.name());
            row(sh, r++, "门店 Store", po.storeId());
            row(sh, r++, (Object[]) HEADER);
            for (PurchaseOrder.Line l : po.lines()) {
                row(sh, r++, l.gtin(), names.getOrDefault(l.gtin(), ""), l.quantity(), l.cost() / 100.0, l.quantity() * l.cost() / 100.0);
            }
            row(sh, r, "", "", "", "合计 Total", po.total() / 100.0);
            for (int c = 0; c < HEADER.length; c++) sh.setColumnWidth(c, 20 * 256);
            wb.write(out);
            return new Outbox.Attachment(po.purchaseOrderId() + ".xlsx",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void row(Sheet sh, int i, Object... cells) {
        Row row = sh.createRow(i);
        for (int c = 0; c < cells.length; c++) {
            Object v = cells[c];
            if (v instanceof Number n) row.createCell(c).setCellValue(n.doubleValue());
            else row.createCell(c).setCellValue(String.valueOf(v));
        }
    }

    static String yuan(long fen) {
        return java.math.BigDecimal.valueOf(fen, 2).toPlainString();
    }

    /** A CSV cell, quoted when needed; a leading = + - @ is defused so a spreadsheet does not run it. */
    static String cell(String v) {
        String s = v == null ? "" : v;
        if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0) s = "'" + s;
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) s = "\"" + s.replace("\"", "\"\"") + "\"";
        return s;
    }
}
