package com.zhidian.catalog.api;

import com.zhidian.catalog.application.PriceService;
import com.zhidian.catalog.application.StockService;
import com.zhidian.catalog.domain.Category;
import com.zhidian.catalog.domain.ExpiryLot;
import com.zhidian.catalog.domain.Gtin;
import com.zhidian.catalog.domain.Listing;
import com.zhidian.catalog.domain.Movement;
import com.zhidian.catalog.domain.PriceChange;
import com.zhidian.catalog.domain.PriceInForce;
import com.zhidian.catalog.domain.PriceVersion;
import com.zhidian.catalog.domain.Product;
import com.zhidian.catalog.domain.ScanResult;
import com.zhidian.catalog.domain.StockLevel;
import com.zhidian.catalog.domain.Transfer;
import com.zhidian.catalog.domain.VariableMeasure;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The JSON shapes of the catalog's answers. Money is fen with {@code "currency": "CNY"}. */
final class Views {
    private Views() {}

    static <T> Map<String, Object> page(Listing<T> l, Function<T, Object> view) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("items", l.items().stream().map(view).toList());
        m.put("nextCursor", l.nextCursor());
        return m;
    }

    static Map<String, Object> items(List<?> items) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("items", items);
        m.put("nextCursor", null);
        return m;
    }

    static Map<String, Object> product(Product p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("gtin", p.gtin());
        m.put("gtinShort", p.displayGtin());
        m.put("name", p.name());
        m.put("brand", p.brand());
        m.put("categoryId", p.categoryId());
        m.put("unit", p.unit());
        m.put("spec", p.spec());
        m.put("shelfLifeDays", p.shelfLifeDays());
        m.put("status", p.status());
        m.put("plu", p.plu());
        m.put("soldBy", p.soldBy());
        m.put("lastReceiptCost", p.lastReceiptCost());
        m.put("createdAt", p.createdAt());
        m.put("updatedAt", p.updatedAt());
        return m;
    }

    static Map<String, Object> category(Category c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("categoryId", c.categoryId());
        m.put("name", c.name());
        m.put("parentId", c.parentId());
        m.put("createdAt", c.createdAt());
        return m;
    }

    static Map<String, Object> settings(VariableMeasure vm) {
        Map<String, Object> vmv = new LinkedHashMap<>();
        vmv.put("prefixes", vm.prefixes());
        vmv.put("itemDigits", vm.itemDigits());
        vmv.put("value", vm.value());
        return Map.of("variableMeasure", vmv);
    }

    static Map<String, Object> price(PriceInForce p) {
        if (p == null) return null;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("gtin", p.gtin());
        m.put("price", p.price());
        m.put("regularPrice", p.regularPrice());
        m.put("currency", "CNY");
        m.put("promo", p.promo());
        m.put("promoTo", p.promoTo() == null ? null : p.promoTo().toString());
        m.put("source", p.source());
        m.put("effectiveAt", p.effectiveAt().toString());
        m.put("next", p.next() == null ? null : version(p.next()));
        return m;
    }

    static Map<String, Object> version(PriceVersion v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("gtin", v.gtin());
        m.put("storeId", v.storeId());
        m.put("effectiveAt", v.effectiveAt().toString());
        m.put("price", v.price());
        m.put("promoPrice", v.promoPrice());
        m.put("promoFrom", v.promoFrom() == null ? null : v.promoFrom().toString());
        m.put("promoTo", v.promoTo() == null ? null : v.promoTo().toString());
        m.put("currency", "CNY");
        m.put("setBy", v.setBy());
        m.put("setAt", v.setAt().toString());
        return m;
    }

    static Map<String, Object> priceSet(PriceService.Set s) {
        Map<String, Object> m = version(s.version());
        m.put("belowCost", s.belowCost());
        m.put("lastCost", s.lastCost());
        m.put("inForce", price(s.inForce()));
        return m;
    }

    static Map<String, Object> priceRow(PriceService.Row r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("product", product(r.product()));
        m.put("price", price(r.price()));
        return m;
    }

    static Map<String, Object> shelfRow(PriceService.ShelfRow r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("gtin", r.product().gtin());
        m.put("name", r.product().name());
        m.put("brand", r.product().brand());
        m.put("categoryId", r.product().categoryId());
        m.put("unit", r.product().unit());
        m.put("spec", r.product().spec());
        m.put("price", r.price().price());
        m.put("regularPrice", r.price().regularPrice());
        m.put("promo", r.price().promo());
        m.put("inStock", r.inStock());
        m.put("soldBy", r.product().soldBy()); // weight: price is per kg (the H5 shows it per 500 g in Chinese)
        return m;
    }

    static Map<String, Object> change(PriceChange c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("changeId", c.changeId());
        m.put("gtin", c.gtin());
        m.put("storeId", c.storeId());
        m.put("effectiveAt", c.effectiveAt());
        m.put("oldPrice", c.oldPrice());
        m.put("newPrice", c.newPrice());
        m.put("oldPromoPrice", c.oldPromoPrice());
        m.put("promoPrice", c.promoPrice());
        m.put("promoFrom", c.promoFrom());
        m.put("promoTo", c.promoTo());
        m.put("belowCost", c.belowCost());
        m.put("by", c.by());
        m.put("at", c.at());
        return m;
    }

    static Map<String, Object> level(StockLevel l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("storeId", l.storeId());
        m.put("gtin", l.gtin());
        m.put("onHand", l.onHand());
        m.put("reserved", l.reserved());
        m.put("available", l.available());
        m.put("lastCost", l.lastCost());
        m.put("updatedAt", l.updatedAt());
        return m;
    }

    static Map<String, Object> stockRow(StockService.Row r) {
        Map<String, Object> m = level(r.level());
        m.put("name", r.product() == null ? null : r.product().name());
        m.put("unit", r.product() == null ? null : r.product().unit());
        m.put("categoryId", r.product() == null ? null : r.product().categoryId());
        m.put("gtinShort", new Gtin(r.level().gtin()).display());
        return m;
    }

    static Map<String, Object> movement(Movement mv) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("movementId", mv.movementId());
        m.put("storeId", mv.storeId());
        m.put("gtin", mv.gtin());
        m.put("kind", mv.kind());
        m.put("delta", mv.delta());
        m.put("reservedDelta", mv.reservedDelta());
        m.put("reason", mv.reason());
        m.put("reference", mv.reference());
        m.put("cost", mv.cost());
        m.put("expiresOn", mv.expiresOn());
        m.put("counterpartStoreId", mv.counterpartStoreId());
        m.put("orderId", mv.orderId());
        m.put("counted", mv.counted());
        m.put("by", mv.by());
        m.put("at", mv.at());
        return m;
    }

    static Map<String, Object> transfer(Transfer t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("transferId", t.transferId());
        m.put("fromStoreId", t.fromStoreId());
        m.put("toStoreId", t.toStoreId());
        m.put("lines", t.lines().stream().map(l -> Map.of("gtin", l.gtin(), "quantity", l.quantity())).toList());
        m.put("note", t.note());
        m.put("by", t.by());
        m.put("at", t.at());
        return m;
    }

    static Map<String, Object> lot(ExpiryLot l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("storeId", l.storeId());
        m.put("gtin", l.gtin());
        m.put("expiresOn", l.expiresOn());
        m.put("quantity", l.quantity());
        m.put("onShelf", l.onShelf());
        m.put("reference", l.reference());
        m.put("receivedAt", l.receivedAt());
        return m;
    }

    static Map<String, Object> scan(ScanResult s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", s.code());
        m.put("kind", s.kind());
        m.put("product", product(s.product()));
        m.put("price", price(s.price()));
        m.put("quantity", s.quantity());
        m.put("quantityUnit", s.quantityUnit());
        m.put("amount", s.amount());
        m.put("currency", "CNY");
        m.put("stock", level(s.stock()));
        m.put("soldBy", s.product().soldBy());
        m.put("pricePerKg", s.product().weighed() && s.price() != null ? s.price().price() : null);
        return m;
    }
}
