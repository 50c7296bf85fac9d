package com.zhidian.approvals.application;

import com.zhidian.core.auth.Caller;

/**
 * One call of a gated route as the gate needs it: who calls, the route and the exact request (kept so that the portal
 * can send it again once approved), the {@code Approval-Id} header (null without one) and the request's id (which
 * the action's audit entry carries too).
 */
public record Attempt(Caller caller, String routeKey, String path, String body, String approvalId, String requestId) {
    public String method() {
        int space = routeKey.indexOf(' ');
        return space < 0 ? routeKey : routeKey.substring(0, space);
    }
}
