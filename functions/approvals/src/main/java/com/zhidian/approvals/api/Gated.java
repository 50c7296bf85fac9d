package com.zhidian.approvals.api;

import com.zhidian.approvals.application.Attempt;
import com.zhidian.core.http.Request;

/** For a gated route of another context: the attempt the approval gate reads from the request. */
public final class Gated {
    private Gated() {}

    /** The request header that names an approved request. */
    public static final String HEADER = "Approval-Id";

    public static Attempt attempt(Request r) {
        return new Attempt(r.caller(), r.routeKey(), r.rawPath(), r.bodyText(), r.header(HEADER), r.requestId());
    }
}
