package com.zhidian.approvals.store;

/**
 * The approvals context's keys: one partition per tenant ({@code T#<tenant>#APPROVAL}) holding the rules
 * ({@link #RULES}), the requests ({@code REQ#<approvalId>}, ids sort by time) and one open-ask item per requester and
 * exact action ({@code ASK#<hash>} → the id of its pending or approved, unused request).
 */
public final class Keys {
    private Keys() {}

    public static String approvals(String tenantId) { return "T#" + tenantId + "#APPROVAL"; }

    public static final String RULES = "RULES";

    public static final String REQUEST_PREFIX = "REQ#";

    public static String request(String approvalId) { return REQUEST_PREFIX + approvalId; }

    public static String ask(String askKey) { return "ASK#" + askKey; }
}
