package com.zhidian.approvals.api;

import com.zhidian.approvals.domain.ApprovalsErrors.AlreadyDecided;
import com.zhidian.approvals.domain.ApprovalsErrors.ApprovalNotFound;
import com.zhidian.approvals.domain.ApprovalsErrors.ApprovalRequired;
import com.zhidian.approvals.domain.Kind;
import com.zhidian.core.http.ProblemTable;
import java.util.List;
import java.util.Map;

/** The approvals context's one mapping of its refusals to status, title and words in English and Chinese. */
public final class ApprovalsProblems {
    private ApprovalsProblems() {}

    private static final Map<String, String> KIND_EN = Map.of(Kind.REFUND, "refund", Kind.PRICE, "price below cost",
            Kind.STOCK_ADJUSTMENT, "stock adjustment", Kind.COUPON_TEMPLATE, "coupon template");
    private static final Map<String, String> KIND_ZH = Map.of(Kind.REFUND, "退款", Kind.PRICE, "低于成本的售价",
            Kind.STOCK_ADJUSTMENT, "库存调整", Kind.COUPON_TEMPLATE, "优惠券模板");

    /**
     * The gate's refusal, for the contexts whose routes it guards ({@code including(ApprovalsProblems.GATE)}): a 403
     * that carries {@code approvalId} and {@code approvalStatus} as members of the problem.
     */
    public static final ProblemTable GATE = new ProblemTable()
            .onExposing(ApprovalRequired.class, 403, "Forbidden", List.of("approvalId", "approvalStatus"),
                    e -> "this " + KIND_EN.get(e.facts().get("kind")) + " needs the owner's approval (rule: "
                            + e.facts().get("threshold") + "); sent as " + e.approvalId() + " (" + e.facts().get("approvalStatus")
                            + "): once approved, send the same request again with the header Approval-Id: " + e.approvalId(),
                    e -> "此" + KIND_ZH.get(e.facts().get("kind")) + "需店主审批（规则：" + e.facts().get("threshold") + "），已提交审批单 "
                            + e.approvalId() + "（" + e.facts().get("approvalStatus") + "）；批准后请带请求头 Approval-Id: "
                            + e.approvalId() + " 重新提交同一请求");

    static final ProblemTable TABLE = new ProblemTable()
            .including(GATE)
            .on(ApprovalNotFound.class, 404, "Not found", e -> "approval " + e.facts().get("approvalId") + " was not found",
                    e -> "未找到审批单 " + e.facts().get("approvalId"))
            .on(AlreadyDecided.class, 409, "Conflict", e -> "approval " + e.facts().get("approvalId") + " is already "
                    + e.facts().get("status") + ": a request is decided once",
                    e -> "审批单 " + e.facts().get("approvalId") + " 已是 " + e.facts().get("status") + "，每个审批只能决定一次");
}
