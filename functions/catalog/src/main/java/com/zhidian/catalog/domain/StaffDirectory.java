package com.zhidian.catalog.domain;

/** Read-only view of the stores context's logins: may this login be asked to count in this store? */
public interface StaffDirectory {
    /** An enabled owner, or enabled staff of the store. */
    boolean worksIn(String tenantId, String userId, String storeId);
}
