package com.zhidian.coupons.api;

import com.zhidian.core.http.Language;
import com.zhidian.core.http.ProblemTable;
import com.zhidian.coupons.domain.CouponErrors;

/** The coupons context's one mapping of its refusals to status and words. */
public final class CouponProblems {
    private CouponProblems() {}

    public static final ProblemTable TABLE = new ProblemTable()
            .including(com.zhidian.approvals.api.ApprovalsProblems.GATE)
            .onInput(CouponErrors.CodeMalformed.class, "Invalid coupon code", CouponErrors.CodeMalformed::field,
                    e -> "this is not a coupon code: 14 letters and digits, without 0, O, 1 or I",
                    e -> "这不是券码：券码为14位字母和数字，不含 0、O、1、I")
            .onInput(CouponErrors.CodeMistyped.class, "Mistyped coupon code", CouponErrors.CodeMistyped::field,
                    e -> "the coupon code was mistyped (its check character does not match): read it again",
                    e -> "券码有误（校验位不符），请核对后重新输入")
            .on(CouponErrors.TemplateNotFound.class, 404, "Not found",
                    e -> "coupon template " + e.templateId() + " was not found", e -> "没有找到券模板 " + e.templateId())
            .on(CouponErrors.IssueJobNotFound.class, 404, "Not found",
                    e -> "issue " + e.facts().get("jobId") + " was not found", e -> "没有找到发券任务 " + e.facts().get("jobId"))
            .on(CouponErrors.CouponNotFound.class, 404, "Not found",
                    e -> "no coupon has this code", e -> "没有这张券")
            .on(CouponErrors.MemberNotFound.class, 404, "Not found",
                    e -> "member " + e.facts().get("memberId") + " was not found", e -> "没有找到会员 " + e.facts().get("memberId"))
            .on(CouponErrors.UnknownStore.class, 404, "Not found",
                    e -> "store " + e.facts().get("storeId") + " was not found", e -> "没有找到门店 " + e.facts().get("storeId"))
            .on(CouponErrors.TemplateClosed.class, 422, "Request refused",
                    e -> "stopped".equals(e.why()) ? "this coupon is no longer handed out" : "this coupon's validity is over",
                    e -> "stopped".equals(e.why()) ? "此券已停发" : "此券有效期已过，不再发放")
            .on(CouponErrors.StockOut.class, 422, "Request refused",
                    e -> "no coupons of this kind are left", e -> "券已发完")
            .on(CouponErrors.LimitReached.class, 422, "Request refused",
                    e -> "a member may have " + e.limit() + " of these, no more", e -> "每人限领 " + e.limit() + " 张")
            .on(CouponErrors.AlreadyUsed.class, 409, "Conflict",
                    e -> "this coupon was already used", e -> "此券已使用")
            .on(CouponErrors.Voided.class, 409, "Conflict",
                    e -> "this coupon was voided", e -> "此券已作废")
            .on(CouponErrors.Reserved.class, 409, "Conflict",
                    e -> "another order is holding this coupon", e -> "此券正被另一笔订单占用")
            .on(CouponErrors.NotStackable.class, 409, "Conflict",
                    e -> "this order already has a coupon, and one of them cannot be combined", e -> "此订单已用券，且券不可叠加")
            .on(CouponErrors.NotHeldByOrder.class, 409, "Conflict",
                    e -> "this order does not hold this coupon", e -> "此订单未占用这张券")
            .on(CouponErrors.Busy.class, 503, "Service unavailable",
                    e -> "this coupon is changing too fast right now; retry shortly", e -> "此券正忙，请稍后重试")
            .on(CouponErrors.NotApplicable.class, 422, "Request refused",
                    e -> Words.refusal(e.refusal(), Language.EN), e -> Words.refusal(e.refusal(), Language.ZH));
}
