package com.zhidian.purchasing.domain;

import com.zhidian.core.errors.DomainException;
import java.util.Map;

/** The purchasing context's refusals: a stable code and the facts the words need. */
public final class PurchasingErrors {
    private PurchasingErrors() {}

    public static final class SupplierNotFound extends DomainException {
        public SupplierNotFound(String supplierId) { super("supplier.not_found", Map.of("supplierId", supplierId)); }
        public String supplierId() { return (String) facts().get("supplierId"); }
    }

    public static final class PurchaseOrderNotFound extends DomainException {
        public PurchaseOrderNotFound(String id) { super("purchase_order.not_found", Map.of("purchaseOrderId", id)); }
        public String purchaseOrderId() { return (String) facts().get("purchaseOrderId"); }
    }

    public static final class StoreNotFound extends DomainException {
        public StoreNotFound(String storeId) { super("purchasing.store_not_found", Map.of("storeId", storeId)); }
        public String storeId() { return (String) facts().get("storeId"); }
    }

    public static final class ProductNotFound extends DomainException {
        public ProductNotFound(String gtin) { super("purchasing.product_not_found", Map.of("gtin", gtin)); }
        public String gtin() { return (String) facts().get("gtin"); }
    }

    /** A purchase order line for a product the supplier has no terms for. */
    public static final class NotSupplied extends DomainException {
        public NotSupplied(String supplierId, String gtin) {
            super("purchase_order.not_supplied", Map.of("supplierId", supplierId, "gtin", gtin));
        }
        public String supplierId() { return (String) facts().get("supplierId"); }
        public String gtin() { return (String) facts().get("gtin"); }
    }

    public static final class IllegalTransition extends DomainException {
        public IllegalTransition(String from, String to) {
            super("purchase_order.illegal_transition", Map.of("from", from, "to", to));
        }
        public String from() { return (String) facts().get("from"); }
        public String to() { return (String) facts().get("to"); }
    }

    /** Lines may be changed only while the order is a draft. */
    public static final class NotDraft extends DomainException {
        public NotDraft(String status) { super("purchase_order.not_draft", Map.of("status", status)); }
        public String status() { return (String) facts().get("status"); }
    }

    /** A receipt names a product that is not on the order. */
    public static final class NotOnOrder extends DomainException {
        public NotOnOrder(String gtin) { super("purchase_order.not_on_order", Map.of("gtin", gtin)); }
        public String gtin() { return (String) facts().get("gtin"); }
    }

    /** A receipt brings more of a line than is still outstanding. */
    public static final class OverReceipt extends DomainException {
        public OverReceipt(String gtin, long outstanding, long quantity) {
            super("purchase_order.over_receipt", Map.of("gtin", gtin, "outstanding", outstanding, "quantity", quantity));
        }
        public String gtin() { return (String) facts().get("gtin"); }
        public long outstanding() { return (Long) facts().get("outstanding"); }
        public long quantity() { return (Long) facts().get("quantity"); }
    }

    /** Someone else changed the order between our read and our write. */
    public static final class Changed extends DomainException {
        public Changed(String id) { super("purchase_order.changed", Map.of("purchaseOrderId", id)); }
        public String purchaseOrderId() { return (String) facts().get("purchaseOrderId"); }
    }

    /** An e-mail send needs the supplier's address. */
    public static final class NoEmail extends DomainException {
        public NoEmail(String supplierId) { super("purchase_order.supplier_has_no_email", Map.of("supplierId", supplierId)); }
        public String supplierId() { return (String) facts().get("supplierId"); }
    }
}
