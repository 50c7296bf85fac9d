package com.zhidian.stores.domain;

import java.util.List;

/** A login of an owner or a staff member; staff act only in their stores. */
public record StaffUser(String userId, String email, String name, String role, List<String> storeIds, String createdAt,
                        String status) {
    public static final String ENABLED = "enabled";
    public static final String DISABLED = "disabled";

    /** A new login: enabled. */
    public StaffUser(String userId, String email, String name, String role, List<String> storeIds, String createdAt) {
        this(userId, email, name, role, storeIds, createdAt, ENABLED);
    }
}
