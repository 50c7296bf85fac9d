package com.zhidian.core.idempotency;

import com.zhidian.core.auth.Caller;
import com.zhidian.core.aws.AfterWrites;
import com.zhidian.core.scope.RequestScope;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Idempotency-Key handling after the Powertools design: the first answer to a key is stored and replayed.
 * <ul>
 * <li>same key, same request, finished → the stored answer, and nothing changes;</li>
 * <li>same key, another body → 422;</li>
 * <li>same key while the first is still running → wait briefly for its answer, else 409;</li>
 * <li>a failed first attempt (4xx/5xx) is forgotten, so the client may retry with the same key.</li>
 * </ul>
 * The rails call it for every POST that carries the header; the adapter is {@code dynamo.DynamoIdempotency}.
 */
public interface Idempotency {
    /** The sort key of a key's record (lock, then stored answer). */
    String RECORD_SK = "IDEM";

    /**
     * Whose keys these are: an Idempotency-Key belongs to the login that sent it (a replay skips the route, so another
     * login of the same tenant must not receive the stored answer). Tenant scopes start with {@code T#<tenantId>#}.
     */
    static String scope(Caller caller) {
        return caller.tenantId() != null ? "T#" + caller.tenantId() + "#U#" + caller.sub() : "P#" + caller.sub();
    }

    /** The partition key of the record of one Idempotency-Key in a scope. */
    static String recordPk(String scope, String key) {
        return scope + "#IDEM#" + key;
    }

    /** What can be stored and replayed: a route's answer ({@code http.Response} is one). */
    interface Answer {
        int status();
        Object body();
        Map<String, String> headers();
    }

    /** A stored answer, replayed: its headers carry {@code Idempotent-Replayed: true}. */
    record Replayed(int status, Object body, Map<String, String> headers) implements Answer {}

    /**
     * Runs {@code work} once per key: the lock is taken first, and {@code request} carries the key's claim for the
     * route's own transaction ({@link IdempotencyClaim}); the stored answer joins {@code after}, which the caller
     * flushes (with its own writes) before answering.
     */
    Answer run(RequestScope request, String scope, String key, String fingerprint, Supplier<? extends Answer> work,
               AfterWrites after);

    /**
     * For a route whose every success writes one transaction (points adjust and redeem): the route hands its writes
     * over ({@link ClaimedTransaction#defer}, kept in {@code request}), and they are sent together with the key's
     * stored answer, put only if the key has no record, and the audit entry ({@code audit}, null for none). No lock
     * is taken and the answer cannot be lost apart from the effect. A concurrent change of what the route read runs
     * it again.
     */
    Answer runClaimed(RequestScope request, String scope, String key, String fingerprint, Supplier<? extends Answer> work,
                      Function<Answer, Map<String, AttributeValue>> audit);
}
