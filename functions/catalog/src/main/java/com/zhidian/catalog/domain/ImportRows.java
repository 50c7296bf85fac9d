package com.zhidian.catalog.domain;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rows of an import file as the catalog's rules read them, before any of them is written: the header (English
 * column names or the Chinese ones a spreadsheet would have), then each row's cells checked as the API checks the
 * same fields. A row that breaks a rule is refused with a {@link RowIssue}, the others become lines. A GTIN (for
 * prices: a GTIN in one store) named again further down the file is refused there, citing its first row.
 *
 * <p>Row codes: {@code import.row.columns} (more cells than the header), {@code import.row.required},
 * {@code import.row.too_long}, {@code import.row.text} (control characters or direction overrides),
 * {@code import.row.number}, {@code import.row.money} (yuan with at most two decimals), {@code import.row.time},
 * {@code import.row.status}, {@code import.row.duplicate}, the GTIN's own {@code gtin.not_digits},
 * {@code gtin.length}, {@code gtin.check_digit}, the promotion's {@code price.promo_incomplete},
 * {@code price.promo_window_backwards} and {@code price.promo_not_below}; and, once the tenant's data is read, {@code category.not_found},
 * {@code import.row.category_ambiguous}, {@code product.not_found}, {@code store.not_found}.
 */
public final class ImportRows {
    public static final long MAX_FEN = 100_000_000L;
    /** Local date-times (no zone) are read in the tenant's zone. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final Map<String, List<String>> PRODUCT_COLUMNS = columns(
            "gtin", "条码|商品条码|barcode", "name", "品名|商品名称|名称", "brand", "品牌", "category", "分类|类别",
            "unit", "单位", "spec", "规格", "shelfLifeDays", "保质期|保质期天数|shelf_life_days", "status", "状态");
    private static final Map<String, List<String>> PRICE_COLUMNS = columns(
            "gtin", "条码|商品条码|barcode", "store", "门店|storeid|门店编号", "price", "售价|价格|零售价",
            "promoPrice", "促销价", "promoFrom", "促销开始|促销开始时间", "promoTo", "促销结束|促销结束时间");
    private static final Pattern MONEY = Pattern.compile("[¥￥]?\\s*([0-9]{1,9})(?:\\.([0-9]{1,2}))?");
    private static final Pattern LOCAL_TIME = Pattern.compile("(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})(?:[ T](\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?");
    private static final Pattern UNSAFE = Pattern.compile("[\\x00-\\x08\\x0B-\\x1F\\x7F\\uFFFD\\u202A-\\u202E\\u2066-\\u2069]");

    public record ProductLine(int row, String gtin, String name, String brand, String category, String unit, String spec,
                              Integer shelfLifeDays, String status) {}

    public record PriceLine(int row, String gtin, String storeId, long price, Long promoPrice, Instant promoFrom, Instant promoTo) {}

    /** What the file says: the lines to apply, the rows refused, and how many data rows there were. */
    public record Parsed<T>(List<T> lines, List<RowIssue> issues, int total, java.util.Set<String> columns) {}

    private ImportRows() {}

    public static Parsed<ProductLine> products(List<CsvFile.Record> records) {
        Map<String, Integer> at = header(records, PRODUCT_COLUMNS, List.of("gtin", "name", "unit"));
        List<ProductLine> lines = new ArrayList<>();
        List<RowIssue> issues = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        int total = 0;
        for (CsvFile.Record r : records.subList(1, records.size())) {
            if (blank(r)) continue;
            total++;
            Row row = new Row(r, at);
            if (!row.fits()) {
                issues.add(row.issues.get(0));
                continue;
            }
            String gtin = row.gtin();
            String name = row.text("name", 1, 100, true);
            String brand = row.text("brand", 1, 64, false);
            String category = row.text("category", 1, 50, false);
            String unit = row.text("unit", 1, 16, true);
            String spec = row.text("spec", 1, 64, false);
            Long life = row.number("shelfLifeDays", 0, 3650);
            String status = row.status();
            if (!row.issues.isEmpty()) {
                issues.add(row.issues.get(0));
                continue;
            }
            Integer first = seen.putIfAbsent(gtin, r.row());
            if (first != null) {
                issues.add(new RowIssue(r.row(), "gtin", "import.row.duplicate", row.cell("gtin"), Map.of("firstRow", first.toString())));
                continue;
            }
            lines.add(new ProductLine(r.row(), gtin, name, brand, category, unit, spec, life == null ? null : life.intValue(), status));
        }
        return new Parsed<>(lines, issues, total, java.util.Set.copyOf(at.keySet()));
    }

    public static Parsed<PriceLine> prices(List<CsvFile.Record> records) {
        Map<String, Integer> at = header(records, PRICE_COLUMNS, List.of("gtin", "price"));
        List<PriceLine> lines = new ArrayList<>();
        List<RowIssue> issues = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        int total = 0;
        for (CsvFile.Record r : records.subList(1, records.size())) {
            if (blank(r)) continue;
            total++;
            Row row = new Row(r, at);
            if (!row.fits()) {
                issues.add(row.issues.get(0));
                continue;
            }
            String gtin = row.gtin();
            String store = row.text("store", 1, 64, false);
            Long price = row.money("price", true);
            Long promo = row.money("promoPrice", false);
            Instant from = row.time("promoFrom");
            Instant to = row.time("promoTo");
            if (row.issues.isEmpty()) {
                try {
                    PriceRules.checkPromo(price, promo, from, to);
                } catch (CatalogErrors.PromoIncomplete e) {
                    row.issues.add(new RowIssue(r.row(), promo == null ? "promoPrice" : from == null ? "promoFrom" : "promoTo", e.code(), null, null));
                } catch (CatalogErrors.PromoWindowBackwards e) {
                    row.issues.add(new RowIssue(r.row(), "promoTo", e.code(), row.cell("promoTo"), null));
                } catch (CatalogErrors.PromoNotBelowPrice e) {
                    row.issues.add(new RowIssue(r.row(), "promoPrice", e.code(), row.cell("promoPrice"), null));
                }
            }
            if (!row.issues.isEmpty()) {
                issues.add(row.issues.get(0));
                continue;
            }
            Integer first = seen.putIfAbsent(gtin + "@" + (store == null ? "" : store), r.row());
            if (first != null) {
                issues.add(new RowIssue(r.row(), "gtin", "import.row.duplicate", row.cell("gtin"), Map.of("firstRow", first.toString())));
                continue;
            }
            lines.add(new PriceLine(r.row(), gtin, store, price, promo, from, to));
        }
        return new Parsed<>(lines, issues, total, java.util.Set.copyOf(at.keySet()));
    }

    /** Column name → index, from the first record; throws {@link ImportErrors.BadHeader} or {@link ImportErrors.NoRows}. */
    private static Map<String, Integer> header(List<CsvFile.Record> records, Map<String, List<String>> known, List<String> required) {
        if (records.isEmpty()) throw new ImportErrors.NoRows();
        Map<String, Integer> at = new HashMap<>();
        List<String> cells = records.get(0).cells();
        for (int i = 0; i < cells.size(); i++) {
            String raw = cells.get(i).strip();
            String h = raw.toLowerCase(Locale.ROOT);
            if (h.isEmpty()) continue;
            String name = known.entrySet().stream().filter(e -> e.getValue().contains(h)).map(Map.Entry::getKey).findFirst()
                    .orElseThrow(() -> new ImportErrors.BadHeader(raw, "unknown"));
            if (at.put(name, i) != null) throw new ImportErrors.BadHeader(name, "twice");
        }
        for (String r : required) if (!at.containsKey(r)) throw new ImportErrors.BadHeader(r, "missing");
        if (records.stream().skip(1).allMatch(ImportRows::blank)) throw new ImportErrors.NoRows();
        if (records.size() - 1 > ImportErrors.MAX_ROWS) throw new ImportErrors.TooManyRows(records.size() - 1);
        return at;
    }

    private static boolean blank(CsvFile.Record r) {
        return r.cells().stream().allMatch(String::isBlank);
    }

    private static Map<String, List<String>> columns(String... pairs) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            List<String> names = new ArrayList<>();
            names.add(pairs[i].toLowerCase(Locale.ROOT));
            for (String a : pairs[i + 1].split("\\|")) names.add(a.toLowerCase(Locale.ROOT));
            out.put(pairs[i], names);
        }
        return out;
    }

    /** One record's cells by column name, collecting its issues in column order. */
    private static final class Row {
        final CsvFile.Record record;
        final Map<String, Integer> at;
        final List<RowIssue> issues = new ArrayList<>();

        Row(CsvFile.Record record, Map<String, Integer> at) {
            this.record = record;
            this.at = at;
        }

        boolean fits() {
            int max = at.values().stream().mapToInt(Integer::intValue).max().orElse(0);
            for (int i = max + 1; i < record.cells().size(); i++) {
                if (!record.cells().get(i).isBlank()) {
                    issues.add(new RowIssue(record.row(), null, "import.row.columns", record.cells().get(i),
                            Map.of("cells", Integer.toString(record.cells().size()), "columns", Integer.toString(at.size()))));
                    return false;
                }
            }
            return true;
        }

        String cell(String column) {
            Integer i = at.get(column);
            if (i == null || i >= record.cells().size()) return null;
            String v = record.cells().get(i).strip();
            return v.isEmpty() ? null : v;
        }

        private void refuse(String column, String code, String value, Map<String, String> facts) {
            issues.add(new RowIssue(record.row(), column, code, value, facts));
        }

        String gtin() {
            String v = cell("gtin");
            String problem = Gtin.problem(v);
            if (problem == null) return Gtin.parse(v).value();
            refuse("gtin", problem.equals("gtin.missing") ? "import.row.required" : problem, v, null);
            return null;
        }

        String text(String column, int min, int max, boolean required) {
            String v = cell(column);
            if (v == null) {
                if (required) refuse(column, "import.row.required", null, null);
                return null;
            }
            if (UNSAFE.matcher(v).find()) {
                refuse(column, "import.row.text", v, null);
                return null;
            }
            int n = v.codePointCount(0, v.length());
            if (n < min || n > max) {
                refuse(column, "import.row.too_long", v, Map.of("max", Integer.toString(max)));
                return null;
            }
            return v;
        }

        Long number(String column, long min, long max) {
            String v = cell(column);
            if (v == null) return null;
            try {
                long n = Long.parseLong(v);
                if (n >= min && n <= max) return n;
            } catch (NumberFormatException e) {
                // refused below
            }
            refuse(column, "import.row.number", v, Map.of("min", Long.toString(min), "max", Long.toString(max)));
            return null;
        }

        Long money(String column, boolean required) {
            String v = cell(column);
            if (v == null) {
                if (required) refuse(column, "import.row.required", null, null);
                return null;
            }
            Matcher m = MONEY.matcher(v);
            if (m.matches()) {
                String cents = m.group(2) == null ? "00" : (m.group(2) + "0").substring(0, 2);
                long fen = Long.parseLong(m.group(1)) * 100 + Long.parseLong(cents);
                if (fen <= MAX_FEN) return fen;
            }
            refuse(column, "import.row.money", v, null);
            return null;
        }

        Instant time(String column) {
            String v = cell(column);
            if (v == null) return null;
            try {
                return Instant.parse(v);
            } catch (DateTimeParseException e) {
                // a local date-time as a spreadsheet writes it
            }
            try {
                return java.time.OffsetDateTime.parse(v).toInstant();
            } catch (DateTimeParseException e) {
                // neither
            }
            Matcher m = LOCAL_TIME.matcher(v);
            if (m.matches()) {
                try {
                    LocalDateTime t = LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                            m.group(4) == null ? 0 : Integer.parseInt(m.group(4)), m.group(5) == null ? 0 : Integer.parseInt(m.group(5)),
                            m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
                    return t.atZone(ZONE).toInstant();
                } catch (java.time.DateTimeException e) {
                    // refused below
                }
            }
            refuse(column, "import.row.time", v, null);
            return null;
        }

        String status() {
            String v = cell("status");
            if (v == null) return null;
            String s = v.toLowerCase(Locale.ROOT);
            if (s.equals(Product.ACTIVE) || s.equals("在售") || s.equals("上架")) return Product.ACTIVE;
            if (s.equals(Product.DELISTED) || s.equals("下架") || s.equals("停售")) return Product.DELISTED;
            refuse("status", "import.row.status", v, null);
            return null;
        }
    }
}
