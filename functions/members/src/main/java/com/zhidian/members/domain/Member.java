package com.zhidian.members.domain;

import java.time.Instant;

/**
 * A member of one tenant: one card and one points balance valid in every store of that tenant. After
 * erasure the personal fields (phone, name, birthday) are gone and {@code status} is {@code erased};
 * the record stays so that the ledger and orders that point at it still add up.
 */
public record Member(String tenantId, String memberId, String phone, String name, String birthday, String cardNo,
                     String storeId, String status, Instant createdAt, Instant updatedAt, Instant erasedAt) {
    public static final String ACTIVE = "active";
    public static final String ERASED = "erased";

    public boolean active() { return ACTIVE.equals(status); }

    /**
     * The Cognito username of this member's login, {@code <tenantId>#<phone>}: one pool serves every tenant,
     * so the tenant prefixes it. The separator is the one Zhidian Local's {@code /local/auth/login} uses for
     * {@code {tenantId, phone, otp}} (LocalConfig.customerUsername); Cognito allows '#' in usernames.
     */
    public static String username(String tenantId, String phone) {
        return tenantId + "#" + phone;
    }

    public Member withProfile(String newName, String newBirthday, Instant at) {
        return new Member(tenantId, memberId, phone, newName, newBirthday, cardNo, storeId, status, createdAt, at, erasedAt);
    }

    public Member anonymised(Instant at) {
        return new Member(tenantId, memberId, null, null, null, cardNo, storeId, ERASED, createdAt, at, at);
    }
}
