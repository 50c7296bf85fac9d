package com.zhidian.core.http;

import com.zhidian.core.auth.Role;
import com.zhidian.core.aws.ReadAhead;
import com.zhidian.core.errors.DomainException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A function's operations keyed by API Gateway route key ("POST /members/{memberId}"), the same
 * strings as the {@code Events} of the function in template.yaml.
 */
public final class Routes {
    /**
     * {@code claimed}: every success commits one transaction carrying the Idempotency-Key's claim (see
     * {@code Idempotency.runClaimed}); {@code readAhead}: the item the route reads first, read with the tenant's
     * standing (see {@link ReadAhead}), or null.
     */
    public record Entry(String routeKey, Set<Role> roles, Route route, boolean claimed, Function<Request, ReadAhead.Key> readAhead) {}

    private final Map<String, Entry> byKey = new HashMap<>();
    private final ProblemTable problems;
    private Entry last;

    public Routes() {
        this(new ProblemTable());
    }

    /** Routes whose domain exceptions become problem+json by {@code problems}. */
    public Routes(ProblemTable problems) {
        this.problems = problems;
    }

    public ProblemTable problems() { return problems; }

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
        last = new Entry(routeKey, roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles), translated(route), claimed, null);
        if (byKey.put(routeKey, last) != null) throw new IllegalArgumentException("route declared twice: " + routeKey);
        return this;
    }

    /** The route declared last reads this item first: the rails read it with the tenant's standing, in one call. */
    public Routes readAhead(Function<Request, ReadAhead.Key> key) {
        last = new Entry(last.routeKey(), last.roles(), last.route(), last.claimed(), key);
        byKey.put(last.routeKey(), last);
        return this;
    }

    /** Inside the route, so that the rails (Idempotency-Key replays among them) see an ApiException as always. */
    private Route translated(Route route) {
        return request -> {
            try {
                return route.handle(request);
            } catch (DomainException e) {
                throw problems.toProblem(e, request.language());
            }
        };
    }

    public Entry find(String routeKey) {
        return byKey.get(routeKey);
    }

    public Set<String> keys() {
        return byKey.keySet();
    }
}
