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
    public record Entry(String routeKey, Set<Role> roles, Route route) {}

    private final Map<String, Entry> byKey = new HashMap<>();

    public Routes on(String routeKey, Set<Role> roles, Route route) {
        if (byKey.put(routeKey, new Entry(routeKey, roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles), route)) != null) {
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
