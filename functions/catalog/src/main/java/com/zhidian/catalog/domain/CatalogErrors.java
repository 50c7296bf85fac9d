package com.zhidian.catalog.domain;

import com.zhidian.core.errors.DomainException;
import java.util.Map;

/** The failures of the catalog context a caller must tell apart; the api's ProblemTable gives each its status and words. */
public final class CatalogErrors {
    private CatalogErrors() {}

    public static final class ProductNotFound extends DomainException {
        public ProductNotFound(String gtin) { super("product.not_found", Map.of("gtin", gtin)); }
    }

    public static final class DuplicateProduct extends DomainException {
        public DuplicateProduct(String gtin) { super("product.duplicate", Map.of("gtin", gtin)); }
    }

    public static final class DuplicatePlu extends DomainException {
        public DuplicatePlu(String plu) { super("product.plu_taken", Map.of("plu", plu)); }
    }

    public static final class CategoryNotFound extends DomainException {
        public CategoryNotFound(String id) { super("category.not_found", Map.of("categoryId", id)); }
    }

    /** The tree has two levels: a category under a sub-category would be a third. */
    public static final class CategoryTooDeep extends DomainException {
        public CategoryTooDeep(String parentId) { super("category.too_deep", Map.of("parentId", parentId)); }
    }

    public static final class StoreNotFound extends DomainException {
        public StoreNotFound(String storeId) { super("store.not_found", Map.of("storeId", storeId)); }
    }

    public static final class PromoWindowBackwards extends DomainException {
        public PromoWindowBackwards() { super("price.promo_window_backwards"); }
    }

    public static final class PromoNotBelowPrice extends DomainException {
        public PromoNotBelowPrice(long promoPrice, long price) { super("price.promo_not_below", Map.of("promoPrice", promoPrice, "price", price)); }
    }

    public static final class PromoIncomplete extends DomainException {
        public PromoIncomplete() { super("price.promo_incomplete"); }
    }

    public static final class NoPrice extends DomainException {
        public NoPrice(String gtin) { super("price.none", Map.of("gtin", gtin)); }
    }

    /** Not enough available stock (on hand less reserved) for a decrease, a reservation or a transfer. */
    public static final class InsufficientStock extends DomainException {
        public InsufficientStock(String gtin, long available, long wanted) {
            super("stock.insufficient", Map.of("gtin", gtin, "available", available, "wanted", wanted));
        }
        public String gtin() { return (String) facts().get("gtin"); }
        public long available() { return (Long) facts().get("available"); }
        public long wanted() { return (Long) facts().get("wanted"); }
    }

    /** A count below what unpaid orders hold: release or cancel those orders first. */
    public static final class CountBelowReserved extends DomainException {
        public CountBelowReserved(long reserved, long counted) {
            super("stock.count_below_reserved", Map.of("reserved", reserved, "counted", counted));
        }
    }

    public static final class ReservationNotFound extends DomainException {
        public ReservationNotFound(String orderId) { super("stock.reservation_not_found", Map.of("orderId", orderId)); }
    }

    public static final class AlreadyReserved extends DomainException {
        public AlreadyReserved(String orderId) { super("stock.already_reserved", Map.of("orderId", orderId)); }
    }

    public static final class SameStore extends DomainException {
        public SameStore() { super("transfer.same_store"); }
    }

    /** Another writer changed the stock between our read and our write, more times than we retry. */
    public static final class StockBusy extends DomainException {
        public StockBusy() { super("stock.busy"); }
    }

    public static final class ProductDelisted extends DomainException {
        public ProductDelisted(String gtin) { super("product.delisted", Map.of("gtin", gtin)); }
    }

    public static final class UnknownCode extends DomainException {
        public UnknownCode(String code) { super("scan.unknown_code", Map.of("code", code)); }
    }

    /** A scale label shaped as the tenant's format whose EAN-13 check digit is wrong: misread or mistyped. */
    public static final class ScaleCheckDigit extends DomainException {
        public ScaleCheckDigit(String code) { super("scale_code.check_digit", Map.of("code", code)); }
    }

    /** A scale label (or a weight) for a product sold by the piece. */
    public static final class NotSoldByWeight extends DomainException {
        public NotSoldByWeight(String gtin) { super("product.not_sold_by_weight", Map.of("gtin", gtin)); }
    }

    /** A weighed product needs its price per kg, a piece product its price per piece: the price said the other. */
    public static final class PriceUnitMismatch extends DomainException {
        public PriceUnitMismatch(String gtin, String soldBy) { super("price.unit_mismatch", Map.of("gtin", gtin, "soldBy", soldBy)); }
    }

    /** A code an order gave as a scale's that is not shaped as the tenant's scale format (length or prefix). */
    public static final class NotAScaleCode extends DomainException {
        public NotAScaleCode(String code) { super("scale_code.not_scale_code", Map.of("code", code)); }
    }

    /** A scale label whose PLU is no product's. */
    public static final class UnknownPlu extends DomainException {
        public UnknownPlu(String code, String plu) { super("scale_code.unknown_plu", Map.of("code", code, "plu", plu)); }
    }

    // ---- stock counts (盘点单) ----

    public static final class CountNotFound extends DomainException {
        public CountNotFound(String countId) { super("stock_count.not_found", Map.of("countId", countId)); }
    }

    public static final class CountFinished extends DomainException {
        public CountFinished(String countId) { super("stock_count.finished", Map.of("countId", countId)); }
    }

    public static final class CountCancelled extends DomainException {
        public CountCancelled(String countId) { super("stock_count.cancelled", Map.of("countId", countId)); }
    }

    /** A GTIN that is a product, but not one of this count's lines. */
    public static final class NotInCount extends DomainException {
        public NotInCount(String countId, String gtin) { super("stock_count.not_in_count", Map.of("countId", countId, "gtin", gtin)); }
    }

    /** The scope holds no product (a store with no stock yet, an empty category). */
    public static final class CountEmpty extends DomainException {
        public CountEmpty() { super("stock_count.empty"); }
    }

    public static final class CountTooLarge extends DomainException {
        public CountTooLarge(int lines, int max) { super("stock_count.too_large", Map.of("lines", lines, "max", max)); }
    }

    /** The assignee is no enabled login that works in the store. */
    public static final class AssigneeNotInStore extends DomainException {
        public AssigneeNotInStore(String userId) { super("stock_count.assignee_not_in_store", Map.of("assigneeId", userId)); }
    }
}
