package com.zhidian.catalog.api;

import com.zhidian.catalog.domain.CatalogErrors;
import com.zhidian.catalog.domain.CatalogErrors.AlreadyReserved;
import com.zhidian.catalog.domain.CatalogErrors.CategoryNotFound;
import com.zhidian.catalog.domain.CatalogErrors.CategoryTooDeep;
import com.zhidian.catalog.domain.CatalogErrors.CountBelowReserved;
import com.zhidian.catalog.domain.CatalogErrors.DuplicatePlu;
import com.zhidian.catalog.domain.CatalogErrors.DuplicateProduct;
import com.zhidian.catalog.domain.CatalogErrors.InsufficientStock;
import com.zhidian.catalog.domain.CatalogErrors.NoPrice;
import com.zhidian.catalog.domain.CatalogErrors.ProductDelisted;
import com.zhidian.catalog.domain.CatalogErrors.ProductNotFound;
import com.zhidian.catalog.domain.CatalogErrors.PromoIncomplete;
import com.zhidian.catalog.domain.CatalogErrors.PromoWindowBackwards;
import com.zhidian.catalog.domain.CatalogErrors.ReservationNotFound;
import com.zhidian.catalog.domain.CatalogErrors.SameStore;
import com.zhidian.catalog.domain.CatalogErrors.StockBusy;
import com.zhidian.catalog.domain.CatalogErrors.StoreNotFound;
import com.zhidian.catalog.domain.CatalogErrors.UnknownCode;
import com.zhidian.catalog.domain.ImportErrors;
import com.zhidian.catalog.domain.InvalidGtin;
import com.zhidian.core.http.ProblemTable;
import java.util.Map;

/** The catalog context's one mapping of its domain failures to status, title and words in English and Chinese. */
public final class CatalogProblems {
    private CatalogProblems() {}

    public static ProblemTable table() {
        return new ProblemTable()
                .including(com.zhidian.approvals.api.ApprovalsProblems.GATE)
                .on(InvalidGtin.class, 400, "Invalid request", e -> "gtin: " + e.english(), e -> "商品条码：" + e.chinese())
                .on(ProductNotFound.class, 404, "Not found", e -> "product " + e.facts().get("gtin") + " was not found",
                        e -> "未找到商品 " + e.facts().get("gtin"))
                .on(StoreNotFound.class, 404, "Not found", e -> "store " + e.facts().get("storeId") + " was not found",
                        e -> "未找到门店 " + e.facts().get("storeId"))
                .on(CategoryNotFound.class, 404, "Not found", e -> "category " + e.facts().get("categoryId") + " was not found",
                        e -> "未找到分类 " + e.facts().get("categoryId"))
                .on(NoPrice.class, 404, "Not found", e -> "product " + e.facts().get("gtin") + " has no price in force here",
                        e -> "商品 " + e.facts().get("gtin") + " 在此尚无生效价格")
                .on(UnknownCode.class, 404, "Not found", e -> "no product answers to code " + e.facts().get("code"),
                        e -> "条码 " + e.facts().get("code") + " 未对应任何商品")
                .on(ReservationNotFound.class, 409, "Conflict", e -> "order " + e.facts().get("orderId") + " holds no stock here",
                        e -> "订单 " + e.facts().get("orderId") + " 在此没有预留库存")
                .on(DuplicateProduct.class, 409, "Conflict", e -> "a product with GTIN " + e.facts().get("gtin") + " already exists",
                        e -> "条码为 " + e.facts().get("gtin") + " 的商品已存在")
                .on(DuplicatePlu.class, 409, "Conflict", e -> "item number " + e.facts().get("plu") + " is already another product's",
                        e -> "货号 " + e.facts().get("plu") + " 已被其他商品使用")
                .on(AlreadyReserved.class, 409, "Conflict", e -> "order " + e.facts().get("orderId") + " already holds stock here",
                        e -> "订单 " + e.facts().get("orderId") + " 已预留库存")
                .on(StockBusy.class, 409, "Conflict", e -> "the stock changed too often meanwhile; count again",
                        e -> "库存同时被频繁修改，请重新盘点")
                .on(CategoryTooDeep.class, 422, "Request refused", e -> "categories have two levels: " + e.facts().get("parentId")
                        + " is already a sub-category", e -> "分类只有两级：" + e.facts().get("parentId") + " 已是二级分类")
                .on(PromoWindowBackwards.class, 422, "Request refused", e -> "promoTo must be after promoFrom",
                        e -> "促销结束时间必须晚于开始时间")
                .on(com.zhidian.catalog.domain.CatalogErrors.PromoNotBelowPrice.class, 422, "Request refused",
                        e -> "promoPrice " + e.facts().get("promoPrice") + " must be below the price " + e.facts().get("price"),
                        e -> "促销价 " + e.facts().get("promoPrice") + " 分须低于原价 " + e.facts().get("price") + " 分")
                .on(PromoIncomplete.class, 422, "Request refused", e -> "a promotion needs promoPrice, promoFrom and promoTo together",
                        e -> "促销需同时填写促销价、开始时间和结束时间")
                .on(InsufficientStock.class, 422, "Request refused", e -> "product " + e.gtin() + ": " + e.available()
                        + " available, " + e.wanted() + " asked for", e -> "商品 " + e.gtin() + " 可用库存仅 " + e.available()
                        + "，需要 " + e.wanted())
                .on(CountBelowReserved.class, 422, "Request refused", e -> "unpaid orders hold " + e.facts().get("reserved")
                        + "; a count of " + e.facts().get("counted") + " cannot cover them: release those orders first",
                        e -> "未付款订单已预留 " + e.facts().get("reserved") + " 件，盘点数 " + e.facts().get("counted") + " 不足，请先释放这些订单")
                .on(SameStore.class, 422, "Request refused", e -> "a transfer needs two different stores", e -> "调拨的调出与调入门店不能相同")
                .on(ImportErrors.FileTooLarge.class, 413, "Content too large", e -> "size: the file is larger than 50 MB ("
                        + e.facts().get("max") + " bytes); split it into smaller files", e -> "文件超过 50 MB，请拆分为较小的文件")
                .on(ImportErrors.ImportNotFound.class, 404, "Not found", e -> "import " + e.facts().get("importId") + " was not found",
                        e -> "未找到导入 " + e.facts().get("importId"))
                // the rest end a run (its failure, with words from ImportWords); never an answer to a request
                .on(ImportErrors.BadEncoding.class, 422, "Request refused", e -> ImportWords.en(e.code(), Map.of()), e -> ImportWords.zh(e.code(), Map.of()))
                .on(ImportErrors.BadHeader.class, 422, "Request refused", e -> ImportWords.en(e.code(), Map.of("column", e.column(), "why", e.why())),
                        e -> ImportWords.zh(e.code(), Map.of("column", e.column(), "why", e.why())))
                .on(ImportErrors.NoRows.class, 422, "Request refused", e -> ImportWords.en(e.code(), Map.of()), e -> ImportWords.zh(e.code(), Map.of()))
                .on(ImportErrors.TooManyRows.class, 422, "Request refused", e -> ImportWords.en(e.code(), strings(e.facts())),
                        e -> ImportWords.zh(e.code(), strings(e.facts())))
                .on(ImportErrors.FileMissing.class, 422, "Request refused", e -> ImportWords.en(e.code(), Map.of()), e -> ImportWords.zh(e.code(), Map.of()))
                .on(ImportErrors.Interrupted.class, 503, "Service unavailable", e -> ImportWords.en(e.code(), Map.of()),
                        e -> ImportWords.zh(e.code(), Map.of()))
                .on(CatalogErrors.ScaleCheckDigit.class, 422, "Request refused", e -> "scale code " + e.facts().get("code")
                        + " has a wrong check digit: scan or type the label again", e -> "称重条码 " + e.facts().get("code") + " 校验位错误，请重新扫描或输入")
                .on(CatalogErrors.NotSoldByWeight.class, 422, "Request refused", e -> "product " + e.facts().get("gtin")
                        + " is sold by the piece, not by weight", e -> "商品 " + e.facts().get("gtin") + " 按件销售，不能称重")
                .on(CatalogErrors.PriceUnitMismatch.class, 422, "Request refused", e -> "product " + e.facts().get("gtin") + " is sold by "
                        + e.facts().get("soldBy") + ": its price is " + ("weight".equals(e.facts().get("soldBy")) ? "per kg" : "per piece"),
                        e -> "商品 " + e.facts().get("gtin") + ("weight".equals(e.facts().get("soldBy")) ? " 按重量销售，价格须为每千克价" : " 按件销售，价格须为每件价"))
                .on(CatalogErrors.CountNotFound.class, 404, "Not found", e -> "stock count " + e.facts().get("countId") + " was not found",
                        e -> "未找到盘点单 " + e.facts().get("countId"))
                .on(CatalogErrors.CountFinished.class, 409, "Conflict", e -> "stock count " + e.facts().get("countId") + " is already finished",
                        e -> "盘点单 " + e.facts().get("countId") + " 已完成")
                .on(CatalogErrors.CountCancelled.class, 409, "Conflict", e -> "stock count " + e.facts().get("countId") + " was cancelled",
                        e -> "盘点单 " + e.facts().get("countId") + " 已取消")
                .on(CatalogErrors.NotInCount.class, 422, "Request refused", e -> "product " + e.facts().get("gtin") + " is not in stock count "
                        + e.facts().get("countId"), e -> "商品 " + e.facts().get("gtin") + " 不在盘点单 " + e.facts().get("countId") + " 中")
                .on(CatalogErrors.CountEmpty.class, 422, "Request refused", e -> "no product is in this scope: nothing to count",
                        e -> "该范围内没有商品，无需盘点")
                .on(CatalogErrors.CountTooLarge.class, 422, "Request refused", e -> "the scope holds " + e.facts().get("lines")
                        + " products; a count holds at most " + e.facts().get("max") + ": count by category",
                        e -> "该范围有 " + e.facts().get("lines") + " 个商品，一张盘点单最多 " + e.facts().get("max") + " 个，请按分类盘点")
                .on(CatalogErrors.AssigneeNotInStore.class, 422, "Request refused", e -> "user " + e.facts().get("assigneeId")
                        + " does not work in this store", e -> "用户 " + e.facts().get("assigneeId") + " 不在本门店工作")
                .on(ProductDelisted.class, 422, "Request refused", e -> "product " + e.facts().get("gtin") + " is delisted",
                        e -> "商品 " + e.facts().get("gtin") + " 已下架");
    }

    private static Map<String, String> strings(Map<String, Object> facts) {
        Map<String, String> out = new java.util.HashMap<>();
        facts.forEach((k, v) -> out.put(k, String.valueOf(v)));
        return out;
    }
}
