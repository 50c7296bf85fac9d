package com.zhidian.orders.domain;

import com.zhidian.core.errors.DomainException;
import java.util.Map;

/** The orders context's refusals: a stable code and the facts a message needs; the HTTP status is in OrdersProblems. */
public final class OrdersErrors {
    private OrdersErrors() {}

    public static final class OrderNotFound extends DomainException {
        public OrderNotFound(String orderId) { super("order.not_found", Map.of("orderId", orderId)); }
        public String orderId() { return (String) facts().get("orderId"); }
    }

    public static final class StoreNotFound extends DomainException {
        public StoreNotFound(String storeId) { super("order.store_not_found", Map.of("storeId", storeId)); }
        public String storeId() { return (String) facts().get("storeId"); }
    }

    public static final class IllegalTransition extends DomainException {
        public IllegalTransition(String from, String to) { super("order.illegal_transition", Map.of("from", from, "to", to)); }
        public String from() { return (String) facts().get("from"); }
        public String to() { return (String) facts().get("to"); }
    }

    public static final class NoPrice extends DomainException {
        public NoPrice(String gtin) { super("order.no_price", Map.of("gtin", gtin)); }
        public String gtin() { return (String) facts().get("gtin"); }
    }

    public static final class MemberRequired extends DomainException {
        public MemberRequired() { super("order.member_required"); }
    }

    public static final class CouponNotYours extends DomainException {
        public CouponNotYours() { super("order.coupon_not_members"); }
    }

    public static final class NothingToPay extends DomainException {
        public NothingToPay() { super("order.points_over_total"); }
    }

    public static final class TenderedShort extends DomainException {
        public TenderedShort(long total, long tendered) { super("order.tendered_short", Map.of("total", total, "tendered", tendered)); }
        public long total() { return (Long) facts().get("total"); }
        public long tendered() { return (Long) facts().get("tendered"); }
    }

    public static final class NotPayable extends DomainException {
        public NotPayable(String status) { super("order.not_payable", Map.of("status", status)); }
        public String status() { return (String) facts().get("status"); }
    }

    public static final class PaymentPending extends DomainException {
        public PaymentPending() { super("order.payment_pending"); }
    }

    public static final class NotRefundable extends DomainException {
        public NotRefundable(String status) { super("order.not_refundable", Map.of("status", status)); }
        public String status() { return (String) facts().get("status"); }
    }

    /** A refund of the whole rest of an order that has nothing left: refused rather than recorded as a refund of 0 fen. */
    public static final class NothingLeftToRefund extends DomainException {
        public NothingLeftToRefund() { super("order.nothing_left_to_refund"); }
    }

    public static final class RefundTooMuch extends DomainException {
        public RefundTooMuch(String gtin, long asked, long left) { super("order.refund_over_left", Map.of("gtin", gtin, "asked", asked, "left", left)); }
        public String gtin() { return (String) facts().get("gtin"); }
        public long asked() { return (Long) facts().get("asked"); }
        public long left() { return (Long) facts().get("left"); }
    }

    public static final class NotInOrder extends DomainException {
        public NotInOrder(String gtin) { super("order.line_not_in_order", Map.of("gtin", gtin)); }
        public String gtin() { return (String) facts().get("gtin"); }
    }

    public static final class PaymentFailed extends DomainException {
        public PaymentFailed(String reason) { super("order.payment_provider_failed", Map.of("reason", reason)); }
        public String reason() { return (String) facts().get("reason"); }
    }

    public static final class UnknownProduct extends DomainException {
        public UnknownProduct(String gtin) { super("order.unknown_product", Map.of("gtin", gtin)); }
        public String gtin() { return (String) facts().get("gtin"); }
    }

    public static final class RefundWindowClosed extends DomainException {
        public RefundWindowClosed(String closedAt, int days) { super("order.refund_window_closed", Map.of("closedAt", closedAt, "days", days)); }
        public String closedAt() { return (String) facts().get("closedAt"); }
        public int days() { return (Integer) facts().get("days"); }
    }

    public static final class RefundAlreadyRequested extends DomainException {
        public RefundAlreadyRequested() { super("order.refund_already_requested"); }
    }

    public static final class RefundRequestNotFound extends DomainException {
        public RefundRequestNotFound(String requestId) { super("refund_request.not_found", Map.of("requestId", requestId)); }
        public String requestId() { return (String) facts().get("requestId"); }
    }

    public static final class RefundRequestDecided extends DomainException {
        public RefundRequestDecided(String state) { super("refund_request.already_decided", Map.of("state", state)); }
        public String state() { return (String) facts().get("state"); }
    }

    /** A product sold by weight asked for by the piece: it needs its grams ({@code weightGrams}) or a scale's label. */
    public static final class WeightRequired extends DomainException {
        public WeightRequired(String gtin) { super("order.weight_required", Map.of("gtin", gtin)); }
        public String gtin() { return (String) facts().get("gtin"); }
    }

    /** A weight (or a scale's label) for a product sold by the piece. */
    public static final class NotSoldByWeight extends DomainException {
        public NotSoldByWeight(String gtin) { super("order.not_sold_by_weight", Map.of("gtin", gtin)); }
        public String gtin() { return (String) facts().get("gtin"); }
    }

    /** A scale's label that is not in the tenant's format, has a wrong check digit, or names a PLU no product has. */
    public static class BadScaleCode extends DomainException {
        BadScaleCode(String code, String label) { super(code, Map.of("label", label)); }
        public String label() { return (String) facts().get("label"); }
    }

    public static final class ScaleCodeCheckDigit extends BadScaleCode {
        public ScaleCodeCheckDigit(String label) { super("order.scale_code_check_digit", label); }
    }

    public static final class ScaleCodeNotInFormat extends BadScaleCode {
        public ScaleCodeNotInFormat(String label) { super("order.scale_code_not_scale_code", label); }
    }

    public static final class ScaleCodeUnknownPlu extends BadScaleCode {
        public ScaleCodeUnknownPlu(String label) { super("order.scale_code_unknown_plu", label); }
    }

    /** A weighed line that comes to no gram (a price-bearing label of 0.00, or a weight that rounds to nothing). */
    public static final class NoWeight extends DomainException {
        public NoWeight(String gtin) { super("order.weight_zero", Map.of("gtin", gtin)); }
        public String gtin() { return (String) facts().get("gtin"); }
    }
}
