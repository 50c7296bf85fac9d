package com.zhidian.purchasing.api;

import com.zhidian.catalog.api.CatalogProblems;
import com.zhidian.core.http.ProblemTable;
import com.zhidian.purchasing.domain.PurchasingErrors;

/** The purchasing context's one mapping of its refusals to status and words (and the catalog's, which it calls). */
public final class PurchasingProblems {
    private PurchasingProblems() {}

    public static final ProblemTable TABLE = new ProblemTable()
            .on(PurchasingErrors.SupplierNotFound.class, 404, "Not found",
                    e -> "supplier " + e.supplierId() + " was not found", e -> "没有找到供应商 " + e.supplierId())
            .on(PurchasingErrors.PurchaseOrderNotFound.class, 404, "Not found",
                    e -> "purchase order " + e.purchaseOrderId() + " was not found", e -> "没有找到采购单 " + e.purchaseOrderId())
            .on(PurchasingErrors.StoreNotFound.class, 404, "Not found",
                    e -> "store " + e.storeId() + " was not found", e -> "没有找到门店 " + e.storeId())
            .on(PurchasingErrors.ProductNotFound.class, 404, "Not found",
                    e -> "product " + e.gtin() + " was not found", e -> "没有找到商品 " + e.gtin())
            .on(PurchasingErrors.NotSupplied.class, 422, "Request refused",
                    e -> "supplier " + e.supplierId() + " has no terms for product " + e.gtin(),
                    e -> "供应商 " + e.supplierId() + " 未设置商品 " + e.gtin() + " 的供货条件")
            .on(PurchasingErrors.IllegalTransition.class, 409, "Conflict",
                    e -> "a purchase order that is " + e.from() + " cannot become " + e.to(),
                    e -> "采购单当前为 " + e.from() + "，不能变为 " + e.to())
            .on(PurchasingErrors.NotDraft.class, 409, "Conflict",
                    e -> "only a draft purchase order can be edited; this one is " + e.status(),
                    e -> "只有草稿采购单可以修改，此单当前为 " + e.status())
            .on(PurchasingErrors.NotOnOrder.class, 422, "Request refused",
                    e -> "product " + e.gtin() + " is not on this purchase order", e -> "商品 " + e.gtin() + " 不在此采购单上")
            .on(PurchasingErrors.OverReceipt.class, 422, "Request refused",
                    e -> e.quantity() + " of product " + e.gtin() + " received, but only " + e.outstanding() + " are outstanding",
                    e -> "商品 " + e.gtin() + " 收货 " + e.quantity() + "，但未到货仅 " + e.outstanding())
            .on(PurchasingErrors.Changed.class, 409, "Conflict",
                    e -> e.purchaseOrderId() + " changed meanwhile; read it again", e -> e.purchaseOrderId() + " 已被他人修改，请刷新后重试")
            .on(PurchasingErrors.NoEmail.class, 422, "Request refused",
                    e -> "supplier " + e.supplierId() + " has no e-mail address", e -> "供应商 " + e.supplierId() + " 没有电子邮箱")
            .including(CatalogProblems.table());
}
