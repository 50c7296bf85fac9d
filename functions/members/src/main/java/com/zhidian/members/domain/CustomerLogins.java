package com.zhidian.members.domain;

/** The customer's login (phone + one-time code) in the user pool. */
public interface CustomerLogins {
    /** Creates the login {@code <tenantId>#<phone>} carrying the member id; replaces an orphaned one. */
    void create(String tenantId, String phone, String memberId);

    /** Removes the login; a missing one is fine. */
    void delete(String tenantId, String phone);
}
