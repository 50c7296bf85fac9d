package com.zhidian.office.domain;

import java.util.List;
import java.util.Set;

/** A notice from the owner to staff: to every store (storeIds empty) or some, to staff, owners or both. */
public record Announcement(String announcementId, String title, String body, List<String> storeIds, List<String> roles,
                           String postedBy, String postedAt) {
    public static final Set<String> ROLES = Set.of("staff", "owner");

    public Announcement {
        storeIds = List.copyOf(storeIds);
        roles = List.copyOf(roles);
    }

    /** Whether a login of this role and these stores is one the announcement speaks to. */
    public boolean reaches(String role, java.util.Collection<String> theirStores) {
        if (!roles.contains(role)) return false;
        if (storeIds.isEmpty() || "owner".equals(role)) return true;
        for (String s : theirStores) if (storeIds.contains(s)) return true;
        return false;
    }

    /** One login's read of an announcement. */
    public record Receipt(String userId, String name, String readAt) {}
}
