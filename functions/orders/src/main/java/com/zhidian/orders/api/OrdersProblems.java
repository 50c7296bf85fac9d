package com.zhidian.orders.api;

import com.zhidian.catalog.api.CatalogProblems;
import com.zhidian.core.http.ProblemTable;
import com.zhidian.coupons.api.CouponProblems;
import com.zhidian.members.api.MembersProblems;
import com.zhidian.orders.domain.OrdersErrors.CouponNotYours;
import com.zhidian.orders.domain.OrdersErrors.IllegalTransition;
import com.zhidian.orders.domain.OrdersErrors.MemberRequired;
import com.zhidian.orders.domain.OrdersErrors.NoPrice;
import com.zhidian.orders.domain.OrdersErrors.NotInOrder;
import com.zhidian.orders.domain.OrdersErrors.NotPayable;
import com.zhidian.orders.domain.OrdersErrors.NotRefundable;
import com.zhidian.orders.domain.OrdersErrors.NothingToPay;
import com.zhidian.orders.domain.OrdersErrors.OrderNotFound;
import com.zhidian.orders.domain.OrdersErrors.PaymentFailed;
import com.zhidian.orders.domain.OrdersErrors.PaymentPending;
import com.zhidian.orders.domain.OrdersErrors.RefundTooMuch;
import com.zhidian.orders.domain.OrdersErrors.StoreNotFound;
import com.zhidian.orders.domain.OrdersErrors.TenderedShort;
import com.zhidian.orders.domain.OrdersErrors.UnknownProduct;

/**
 * How each refusal of the orders context reads, in English and Chinese; the stock, coupon and points refusals of the
 * contexts an order calls come through with their own rows (insufficient stock names the line's GTIN).
 */
public final class OrdersProblems {
    private OrdersProblems() {}

    public static final ProblemTable TABLE = new ProblemTable()
            .on(OrderNotFound.class, 404, "Not found", e -> "order " + e.orderId() + " was not found", e -> "未找到订单 " + e.orderId())
            .onField(StoreNotFound.class, "storeId", e -> "store " + e.storeId() + " is not a store this login can order in",
                    e -> "门店 " + e.storeId() + " 不是当前账号可以下单的门店")
            .on(IllegalTransition.class, 409, "Conflict", e -> "an order that is " + e.from() + " cannot become " + e.to(),
                    e -> "订单当前为 " + e.from() + "，不能变为 " + e.to())
            .on(NotPayable.class, 409, "Conflict", e -> "an order that is " + e.status() + " cannot be paid",
                    e -> "订单当前为 " + e.status() + "，不能付款")
            .on(PaymentPending.class, 409, "Conflict", e -> "a payment of this order is still pending", e -> "该订单有一笔支付尚在处理中")
            .on(NotRefundable.class, 409, "Conflict", e -> "an order that is " + e.status() + " cannot be refunded",
                    e -> "订单当前为 " + e.status() + "，不能退款")
            .on(UnknownProduct.class, 422, "Request refused", e -> "line " + e.gtin() + ": no such product",
                    e -> "商品行 " + e.gtin() + "：没有该商品")
            .on(NoPrice.class, 422, "Request refused", e -> "line " + e.gtin() + ": the product has no price in this store",
                    e -> "商品行 " + e.gtin() + "：该商品在本店没有售价")
            .on(com.zhidian.orders.domain.OrdersErrors.WeightRequired.class, 422, "Request refused", e -> "line " + e.gtin()
                    + ": the product is sold by weight; give weightGrams or scan its scale label", e -> "商品行 " + e.gtin() + "：该商品按重量销售，请填写重量（克）或扫描称重条码")
            .on(com.zhidian.orders.domain.OrdersErrors.NotSoldByWeight.class, 422, "Request refused", e -> "line " + e.gtin()
                    + ": the product is sold by the piece, not by weight; give qty", e -> "商品行 " + e.gtin() + "：该商品按件销售，不能称重，请填写数量")
            .on(com.zhidian.orders.domain.OrdersErrors.NoWeight.class, 422, "Request refused", e -> "line " + e.gtin()
                    + ": the weight comes to 0 g", e -> "商品行 " + e.gtin() + "：重量为 0 克")
            .on(com.zhidian.orders.domain.OrdersErrors.BadScaleCode.class, 422, "Request refused", e -> switch (e.code()) {
                case "order.scale_code_unknown_plu" -> "scale code " + e.label() + ": its PLU is no product's";
                case "order.scale_code_check_digit" -> "scale code " + e.label() + ": wrong check digit";
                default -> "code " + e.label() + " is not a scale label in this tenant's format (catalog settings)";
            }, e -> switch (e.code()) {
                case "order.scale_code_unknown_plu" -> "称重条码 " + e.label() + "：PLU 未对应任何商品";
                case "order.scale_code_check_digit" -> "称重条码 " + e.label() + "：校验位错误";
                default -> "条码 " + e.label() + " 不是本商户设置的称重条码格式";
            })
            .on(MemberRequired.class, 422, "Request refused", e -> "points can only be used by a member: give memberId",
                    e -> "只有会员可以使用积分，请提供 memberId")
            .on(CouponNotYours.class, 422, "Request refused",
                    e -> "this coupon is a member's own: it is used on an order of that member (memberId)",
                    e -> "该优惠券属于指定会员，只能用于该会员（memberId）的订单")
            .on(NothingToPay.class, 422, "Request refused", e -> "the points are worth more than what is left to pay",
                    e -> "积分抵扣超过了应付金额")
            .on(TenderedShort.class, 422, "Request refused", e -> "tendered " + e.tendered() + " fen is less than the total " + e.total(),
                    e -> "实收 " + e.tendered() + " 分少于应付 " + e.total() + " 分")
            .on(NotInOrder.class, 422, "Request refused", e -> "line " + e.gtin() + " is not in this order",
                    e -> "商品 " + e.gtin() + " 不在该订单中")
            .on(com.zhidian.orders.domain.OrdersErrors.NothingLeftToRefund.class, 422, "Request refused",
                    e -> "nothing is left to refund in this order", e -> "该订单已没有可退的商品或金额")
            .on(RefundTooMuch.class, 422, "Request refused",
                    e -> "line " + e.gtin() + ": " + e.asked() + " asked, only " + e.left() + " left to refund",
                    e -> "商品行 " + e.gtin() + "：申请退 " + e.asked() + " 件，仅剩 " + e.left() + " 件可退")
            .on(PaymentFailed.class, 422, "Payment refused", e -> "the payment was refused: " + e.reason(),
                    e -> "支付被拒绝：" + e.reason())
            .on(com.zhidian.orders.domain.OrdersErrors.RefundWindowClosed.class, 422, "Request refused",
                    e -> "the return window of " + e.days() + " days closed at " + e.closedAt(),
                    e -> "退货期（" + e.days() + " 天）已于 " + e.closedAt() + " 结束")
            .on(com.zhidian.orders.domain.OrdersErrors.RefundAlreadyRequested.class, 409, "Conflict",
                    e -> "a refund request of this order is already waiting for the store", e -> "该订单已有一个退款申请在等待门店处理")
            .on(com.zhidian.orders.domain.OrdersErrors.RefundRequestNotFound.class, 404, "Not found",
                    e -> "refund request " + e.requestId() + " was not found", e -> "未找到退款申请 " + e.requestId())
            .on(com.zhidian.orders.domain.OrdersErrors.RefundRequestDecided.class, 409, "Conflict",
                    e -> "this refund request was already " + e.state(), e -> "该退款申请已处理（" + e.state() + "）")
            .including(CatalogProblems.table())
            .including(CouponProblems.TABLE)
            .including(MembersProblems.TABLE)
            .including(com.zhidian.approvals.api.ApprovalsProblems.GATE);
}
