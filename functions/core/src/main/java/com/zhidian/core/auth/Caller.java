package com.zhidian.core.auth;

import com.zhidian.core.errors.ApiException;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is calling, read only from the claims the JWT authorizer verified. The tenant comes from here and
 * nowhere else: never from a path, a query or a body.
 */
public record Caller(String sub, String username, Role role, String tenantId, Set<String> storeIds, String memberId) {

    public static Caller fromClaims(Map<String, String> claims) {
        if (claims == null || claims.get("sub") == null) throw ApiException.unauthorized("no verified token");
        // The HTTP API authorizer cannot tell an access token from an ID token (both are signed by the pool and
        // match the app client); Zhidian's claims are only in ID tokens, so anything else is not a sign-in here.
        String use = claims.get("token_use");
        if (use != null && !"id".equals(use)) throw ApiException.unauthorized("an ID token is required, not an " + use + " token");
        Role role = Role.fromClaim(claims.get("custom:role"))
                .orElseThrow(() -> ApiException.forbidden("the token carries no known role"));
        String tenant = blankToNull(claims.get("custom:tenant_id"));
        if (role != Role.PROVIDER_ADMIN && tenant == null) throw ApiException.forbidden("the token carries no tenant");
        String stores = claims.getOrDefault("custom:store_ids", "");
        Set<String> storeIds = Arrays.stream(stores.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
        String username = claims.getOrDefault("cognito:username", claims.get("sub"));
        return new Caller(claims.get("sub"), username, role, tenant, storeIds, blankToNull(claims.get("custom:member_id")));
    }

    public boolean is(Role r) { return role == r; }

    /** Owners see every store of their tenant; staff only the stores in their token. Others: 404, not 403. */
    public void requireStore(String storeId) {
        if (role == Role.OWNER) return;
        if (role == Role.STAFF && storeIds.contains(storeId)) return;
        throw ApiException.notFound("store " + storeId);
    }

    public boolean canSeeStore(String storeId) {
        return role == Role.OWNER || (role == Role.STAFF && storeIds.contains(storeId));
    }

    /** A customer's own member id; any other role has none. */
    public String requireMember() {
        if (role != Role.CUSTOMER || memberId == null) throw ApiException.forbidden("only a signed-in member may do this");
        return memberId;
    }

    private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s; }
}
