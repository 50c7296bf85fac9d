package com.zhidian.core.scope;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * What the rails know about the one API request a thread is serving, in one object: the caller's tenant, the items
 * read ahead with the tenant's standing, the transaction a claimed route hands over, and the Idempotency-Key claim a
 * lock-taking route's transaction carries. {@code ApiFunction} opens it when the request comes in ({@link #enter}),
 * hands it to the parts of the rails that need it, and ends it once the request is answered ({@link #exit}).
 *
 * <p>Why one ThreadLocal stays ({@link #current}): some readers cannot be handed an argument. The DynamoDB client
 * proxy that signs each call with the tenant's own credentials ({@code aws.TenantScopedDynamo}) is called by the
 * SDK, with the SDK's arguments; and the repositories that take a read-ahead item ({@code aws.ReadAhead}), hand over
 * their writes ({@code idempotency.ClaimedTransaction}) or add the key's claim ({@code idempotency.IdempotencyClaim})
 * sit behind the contexts' domain interfaces, whose methods speak the domain's language and must not carry the
 * rails' request state. Outside a request (a scheduled job, a test) there is no scope: calls run under the function
 * role, nothing was read ahead, and repositories send their writes themselves.
 */
public final class RequestScope {
    private static final ThreadLocal<RequestScope> CURRENT = new ThreadLocal<>();

    /** The writes a claimed route handed over, and how its repository reads a cancellation of them. */
    public record HandedOver(List<TransactWriteItem> writes, Function<TransactionCanceledException, RuntimeException> onCancelled) {}

    private record ItemKey(String pk, String sk) {}

    private final String tenantId;
    private final Map<ItemKey, Map<String, AttributeValue>> readAhead = new HashMap<>(2);
    private boolean claimedRoute;
    private HandedOver handedOver;
    private List<TransactWriteItem> claim;
    private boolean claimWritten;
    private boolean claimCommitted;

    private RequestScope(String tenantId) {
        this.tenantId = tenantId;
    }

    /** The scope of the request this thread now serves; {@code tenantId} is null for a caller with no tenant. */
    public static RequestScope enter(String tenantId) {
        RequestScope scope = new RequestScope(tenantId);
        CURRENT.set(scope);
        return scope;
    }

    /**
     * A scope that is not the thread's current one: for a test that drives the rails' parts by hand (the repositories
     * it calls then see no request, as in a job).
     */
    public static RequestScope detached(String tenantId) {
        return new RequestScope(tenantId);
    }

    /** The request has been answered: what was to run then has run ({@link #onExit}). */
    public void exit() {
        if (CURRENT.get() == this) CURRENT.remove();
        List<Runnable> hooks = onExit;
        onExit = null;
        if (hooks != null) for (Runnable h : hooks) h.run();
    }

    private List<Runnable> onExit;

    /**
     * Runs {@code hook} once the request is answered, after its claimed transaction (if any) was sent: an orders
     * container's lane of a store's numbers is held until then (OrdersService). Hooks must not throw.
     */
    public void onExit(Runnable hook) {
        if (onExit == null) onExit = new java.util.ArrayList<>(2);
        onExit.add(hook);
    }

    /**
     * Makes {@code scope} (null: none) this thread's current scope and answers the one it replaces; for
     * {@link ScopedPool}, whose workers serve a part of a request under a scope of its tenant and then put back what
     * the thread had.
     */
    static RequestScope swap(RequestScope scope) {
        RequestScope before = CURRENT.get();
        if (scope == null) CURRENT.remove();
        else CURRENT.set(scope);
        return before;
    }

    /** The scope of the request in progress on this thread, or null (no request: a job, a test). */
    public static RequestScope current() {
        return CURRENT.get();
    }

    /** The tenant of the request in progress, or null (no request, no caller, a provider). */
    public static String currentTenant() {
        RequestScope s = CURRENT.get();
        return s == null ? null : s.tenantId;
    }

    public String tenantId() { return tenantId; }

    // ---- items read ahead (aws.ReadAhead) ----

    /** Records what a read ahead found: the item, or an empty map for "no such item". */
    public void readAhead(String pk, String sk, Map<String, AttributeValue> item) {
        readAhead.put(new ItemKey(pk, sk), item == null ? Map.of() : item);
    }

    /** The item read ahead (empty map: none exists), taken so that a second read (a retry) goes to DynamoDB. */
    public Optional<Map<String, AttributeValue>> takeReadAhead(String pk, String sk) {
        return Optional.ofNullable(readAhead.remove(new ItemKey(pk, sk)));
    }

    // ---- the transaction of a claimed route (idempotency.ClaimedTransaction) ----

    /** A claimed route is about to run: its repository hands its writes over instead of sending them. */
    public void openClaimedTransaction() {
        claimedRoute = true;
        handedOver = null;
    }

    /** False when no claimed route is running (the caller sends its writes itself). */
    public boolean handOver(HandedOver writes) {
        if (!claimedRoute) return false;
        if (handedOver != null) throw new IllegalStateException("a claimed route writes one transaction");
        handedOver = writes;
        return true;
    }

    /** What the route handed over (null if nothing), and the end of the hand-over. */
    public HandedOver closeClaimedTransaction() {
        HandedOver h = handedOver;
        claimedRoute = false;
        handedOver = null;
        return h;
    }

    // ---- the Idempotency-Key's claim (idempotency.IdempotencyClaim) ----

    /** The claim the route's transaction should carry (null: none). */
    public void claim(List<TransactWriteItem> items) {
        claim = items == null ? null : List.copyOf(items);
        claimWritten = false;
    }

    public List<TransactWriteItem> claim() { return claim; }

    public void claimWritten() { claimWritten = true; }

    /** A transaction carrying the claim succeeded: later writes of the same request must not carry it again. */
    public void claimCommitted() { claimCommitted = true; }

    public boolean isClaimCommitted() { return claimCommitted; }

    /** True once a transaction of this request has carried the claim (it may still have been cancelled). */
    public boolean wasClaimWritten() { return claimWritten; }
}
