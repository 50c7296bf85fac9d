package com.zhidian.approvals.domain;

import com.zhidian.core.paging.Page;
import java.time.Instant;

/** Where the approvals context keeps its rules and requests (one partition per tenant). */
public interface ApprovalRepository {
    ApprovalRules rules(String tenantId);

    void saveRules(String tenantId, ApprovalRules rules);

    Approval find(String tenantId, String approvalId);

    /** The id of the open (pending or approved, unused) request of this exact ask, or null. */
    String openAsk(String tenantId, String askKey);

    /** Creates {@code a} as the open request of {@code askKey}; false when another open request holds the key. */
    boolean create(String tenantId, Approval a, String askKey);

    /** Saves the decision if {@code before} is still pending; false otherwise. A rejection closes the ask. */
    boolean decide(String tenantId, Approval after, String askKey);

    /**
     * Marks {@code a} used by {@code requestId} if it is approved (or already used by that same request, a rerun of
     * the request), closing its ask and writing an audit entry that names the approver; false otherwise.
     */
    boolean consume(String tenantId, Approval a, String askKey, String requestId, Instant at, String routeKey);

    /** Gives back an approval {@code requestId} used but whose action then failed: approved again, its ask reopened. */
    void release(String tenantId, Approval a, String askKey, String requestId);

    /** Requests newest first, of one status (null: all) and one requester (null: everyone's). */
    Page<Approval> list(String tenantId, String status, String requesterSub, int limit, String cursor);
}
