package com.zhidian.core.auth;

import java.util.Optional;

/** The roles a verified token can carry in {@code custom:role}. */
public enum Role {
    PROVIDER_ADMIN("provider_admin"), OWNER("owner"), STAFF("staff"), CUSTOMER("customer");

    private final String claim;

    Role(String claim) { this.claim = claim; }

    public String claim() { return claim; }

    public static Optional<Role> fromClaim(String value) {
        for (Role r : values()) if (r.claim.equals(value)) return Optional.of(r);
        return Optional.empty();
    }
}
