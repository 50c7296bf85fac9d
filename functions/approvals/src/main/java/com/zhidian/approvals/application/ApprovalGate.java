package com.zhidian.approvals.application;

import com.zhidian.approvals.domain.Ask;
import java.util.function.Supplier;

/**
 * What other contexts call, in process, before an action an owner may put behind a rule (a refund, a price, a stock
 * adjustment, a coupon template). They never read the approvals context's items.
 */
public interface ApprovalGate {
    /**
     * Runs {@code action} if the gate lets {@code ask} through: an owner, an action no rule catches, or an approved,
     * unused request of exactly this action by this requester named by the attempt's Approval-Id (then used, once).
     * Otherwise a pending request is created (or the identical open one named) and
     * {@link com.zhidian.approvals.domain.ApprovalsErrors.ApprovalRequired} is thrown. If the action fails after an
     * approval was used, the approval is given back.
     */
    <T> T guard(Attempt attempt, Ask ask, Supplier<T> action);
}
