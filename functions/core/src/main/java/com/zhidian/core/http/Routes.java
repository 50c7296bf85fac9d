package com.zhidian.core.http;

import com.zhidian.core.auth.Role;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A function's operations keyed by API Gateway route key ("POST /members/{memberId}"), the same
 * strings as the {@code Events} of the function in template.yaml.
 */
public final class Routes {
    /** {@code claimed}: every success commits one transaction carrying the Idempotency-Key's claim (see {@code Idempotency.runClaimed}). */
    public record Entry(String routeKey, Set<Role> roles, Route route, boolean claimed) {}

    private final Map<String, Entry> byKey = new HashMap<>();

    public Routes on(String routeKey, Set<Role> roles, Route route) {
        return add(routeKey, roles, route, false);
    }

    /**
     * A route whose every success writes its whole effect in one TransactWriteItems that carries the
     * Idempotency-Key's claim: its keyed requests take no lock first (one DynamoDB call fewer).
     */
    public Routes onClaimed(String routeKey, Set<Role> roles, Route route) {
        return add(routeKey, roles, route, true);
    }

    private Routes add(String routeKey, Set<Role> roles, Route route, boolean claimed) {
        if (byKey.put(routeKey, new Entry(routeKey, roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles), route, claimed)) != null) {
            throw new IllegalArgumentException("route declared twice: " + routeKey);
        }
        return this;
    }

    public Entry find(String routeKey) {
        return byKey.get(routeKey);
    }

    public Set<String> keys() {
        return byKey.keySet();
    }
}
