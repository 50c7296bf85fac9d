package com.zhidian.catalog.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The words, English and Chinese, of each code an import's report or failure carries (see
 * {@link com.zhidian.catalog.domain.ImportRows} and {@link com.zhidian.catalog.domain.ImportErrors}). The portal
 * words the same codes itself; these are for any other client and for the report as downloaded.
 */
final class ImportWords {
    private ImportWords() {}

    static Map<String, String> of(String code, Map<String, String> f) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("en", en(code, f));
        m.put("zh-CN", zh(code, f));
        return m;
    }

    static String en(String code, Map<String, String> f) {
        return switch (code) {
            case "import.row.columns" -> "the row has more cells (" + f.get("cells") + ") than the header has columns";
            case "import.row.required" -> "is required";
            case "import.row.too_long" -> "is too long (at most " + f.get("max") + " characters)";
            case "import.row.text" -> "contains control characters or direction overrides";
            case "import.row.number" -> "must be a whole number from " + f.get("min") + " to " + f.get("max");
            case "import.row.money" -> "must be an amount in yuan with at most two decimals (e.g. 12.50)";
            case "import.row.time" -> "must be a date and time such as 2026-12-01 08:00 (Beijing time)";
            case "import.row.status" -> "must be active or delisted (在售 / 下架)";
            case "import.row.duplicate" -> "this GTIN is already in row " + f.get("firstRow") + " of the file; only the first is imported";
            case "import.row.category_ambiguous" -> "several categories have this name; use the category id";
            case "gtin.not_digits" -> "the GTIN must be digits only";
            case "gtin.length" -> "the GTIN must have 8, 12, 13 or 14 digits";
            case "gtin.check_digit" -> "the GTIN's check digit is wrong (GS1 mod 10)";
            case "category.not_found" -> "no category has this name";
            case "product.not_found" -> "no product has this GTIN; import the product first";
            case "product.duplicate" -> "a product with this GTIN was created meanwhile";
            case "store.not_found" -> "no store has this id";
            case "price.promo_incomplete" -> "a promotion needs promoPrice, promoFrom and promoTo together";
            case "price.promo_window_backwards" -> "promoTo must be after promoFrom";
            case "price.promo_not_below" -> "promoPrice must be below price";
            case "import.encoding" -> "the file is neither UTF-8 nor GB18030 text (save it as CSV UTF-8 or CSV)";
            case "import.header" -> "the header's column " + f.get("column") + " is " + switch (String.valueOf(f.get("why"))) {
                case "missing" -> "missing";
                case "twice" -> "named twice";
                default -> "unknown";
            };
            case "import.empty" -> "the file has no rows below its header";
            case "import.too_many_rows" -> "the file has " + f.get("rows") + " rows; at most " + f.get("max") + " are imported at once";
            case "import.file_missing" -> "the file was not uploaded";
            case "import.too_large" -> "the file is larger than 50 MB";
            case "import.interrupted" -> "the import stopped before its end; the rows shown were applied; import the file again";
            default -> code;
        };
    }

    static String zh(String code, Map<String, String> f) {
        return switch (code) {
            case "import.row.columns" -> "此行的单元格数（" + f.get("cells") + "）多于表头的列数";
            case "import.row.required" -> "必填";
            case "import.row.too_long" -> "过长（最多 " + f.get("max") + " 个字符）";
            case "import.row.text" -> "含有控制字符或文字方向控制符";
            case "import.row.number" -> "须为 " + f.get("min") + " 到 " + f.get("max") + " 的整数";
            case "import.row.money" -> "须为以元为单位、最多两位小数的金额（如 12.50）";
            case "import.row.time" -> "须为日期时间，如 2026-12-01 08:00（北京时间）";
            case "import.row.status" -> "须为 在售 或 下架（active / delisted）";
            case "import.row.duplicate" -> "此条码已出现在文件第 " + f.get("firstRow") + " 行，仅导入第一次出现的行";
            case "import.row.category_ambiguous" -> "有多个同名分类，请填写分类编号";
            case "gtin.not_digits" -> "商品条码只能包含数字";
            case "gtin.length" -> "商品条码须为 8、12、13 或 14 位";
            case "gtin.check_digit" -> "商品条码校验位错误（GS1 模 10）";
            case "category.not_found" -> "没有此名称的分类";
            case "product.not_found" -> "没有此条码的商品，请先导入商品";
            case "product.duplicate" -> "此条码的商品已被同时创建";
            case "store.not_found" -> "没有此编号的门店";
            case "price.promo_incomplete" -> "促销需同时填写促销价、开始时间和结束时间";
            case "price.promo_window_backwards" -> "促销结束时间必须晚于开始时间";
            case "price.promo_not_below" -> "促销价须低于原价";
            case "import.encoding" -> "文件既不是 UTF-8 也不是 GB18030 文本（请另存为 CSV UTF-8 或 CSV）";
            case "import.header" -> "表头的列 " + f.get("column") + " " + switch (String.valueOf(f.get("why"))) {
                case "missing" -> "缺失";
                case "twice" -> "重复";
                default -> "无法识别";
            };
            case "import.empty" -> "文件表头下没有数据行";
            case "import.too_many_rows" -> "文件有 " + f.get("rows") + " 行，一次最多导入 " + f.get("max") + " 行";
            case "import.file_missing" -> "文件未上传";
            case "import.too_large" -> "文件超过 50 MB";
            case "import.interrupted" -> "导入中途停止；已显示的行已生效，请重新导入该文件";
            default -> code;
        };
    }
}
