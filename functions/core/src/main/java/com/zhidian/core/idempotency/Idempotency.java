package com.zhidian.core.idempotency;

import static com.zhidian.core.aws.Items.n;
import static com.zhidian.core.aws.Items.num;
import static com.zhidian.core.aws.Items.s;
import static com.zhidian.core.aws.Items.str;

import com.zhidian.core.Env;
import com.zhidian.core.Json;
import com.zhidian.core.Retry;
import com.zhidian.core.auth.Caller;
import com.zhidian.core.aws.AfterWrites;
import com.zhidian.core.errors.ApiException;
import com.zhidian.core.errors.ConcurrentChange;
import com.zhidian.core.http.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Idempotency-Key handling after the Powertools design: a conditional put of an in-progress record
 * (key, payload hash, lock expiry), the first answer stored with it, expiry by TTL.
 * <ul>
 * <li>same key, same request, finished → the stored answer, and nothing changes;</li>
 * <li>same key, another body → 422;</li>
 * <li>same key while the first is still running → wait briefly for its answer, else 409;</li>
 * <li>a failed first attempt (4xx/5xx) is forgotten, so the client may retry with the same key.</li>
 * </ul>
 * A claimed route ({@link #runClaimed}) writes its whole effect, its stored answer and its audit entry in one
 * transaction; it takes no lock first, and the answer's put refusing a second run is what tells it to replay.
 */
public final class Idempotency {
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");
    private static final long LOCK_MILLIS = 30_000;
    private static final long KEEP_SECONDS = 24 * 3600;
    private static final long WAIT_MILLIS = 3_000;

    private final DynamoDbClient db;
    private final String table;
    private final Clock clock;

    public Idempotency(DynamoDbClient db, Clock clock) {
        this.db = db;
        this.table = Env.tableName();
        this.clock = clock;
    }

    /** The sort key of a key's record (lock, then stored answer). */
    public static final String RECORD_SK = "IDEM";

    /**
     * Whose keys these are: an Idempotency-Key belongs to the login that sent it (a replay skips the route, so another
     * login of the same tenant must not receive the stored answer). Tenant scopes start with {@code T#<tenantId>#}.
     */
    public static String scope(Caller caller) {
        return caller.tenantId() != null ? "T#" + caller.tenantId() + "#U#" + caller.sub() : "P#" + caller.sub();
    }

    /** The partition key of the record of one Idempotency-Key in a scope. */
    public static String recordPk(String scope, String key) {
        return scope + "#IDEM#" + key;
    }

    public Response run(String scope, String key, String fingerprint, Supplier<Response> work) {
        AfterWrites after = new AfterWrites(db, table);
        Response answer = run(scope, key, fingerprint, work, after);
        after.flush();
        return answer;
    }

    /**
     * As {@link #run(String, String, String, Supplier)}, but the stored answer joins {@code after}: the caller
     * flushes it (with its own writes) before answering.
     */
    public Response run(String scope, String key, String fingerprint, Supplier<Response> work, AfterWrites after) {
        requireValid(key);
        String hash = sha256(fingerprint);
        Map<String, AttributeValue> itemKey = Map.of("pk", s(recordPk(scope, key)), "sk", s(RECORD_SK));
        long deadline = clock.millis() + WAIT_MILLIS;
        while (true) {
            Map<String, AttributeValue> existing = tryLock(itemKey, hash);
            if (existing == null) break;
            if (!hash.equals(str(existing, "hash"))) {
                throw ApiException.unprocessable("this Idempotency-Key was used with a different request");
            }
            if ("COMPLETED".equals(str(existing, "state"))) return replay(existing);
            if (clock.millis() > deadline) {
                throw ApiException.conflict("a request with this Idempotency-Key is still in progress");
            }
            sleep();
        }
        Response answer;
        IdempotencyClaim.set(claim(scope, key, hash));
        try {
            answer = work.get();
        } catch (RuntimeException e) {
            forget(itemKey);
            throw e;
        } finally {
            IdempotencyClaim.clear();
        }
        if (answer.status() >= 300) forget(itemKey);
        else after.put(completed(itemKey, hash, answer));
        return answer;
    }

    /**
     * As {@link #run(String, String, String, Supplier, AfterWrites)} for a route whose every success writes one
     * transaction (points adjust and redeem): the route hands its writes over ({@link ClaimedTransaction#defer}),
     * and they are sent here together with the key's stored answer, put only if the key has no record, and the
     * audit entry ({@code audit}, null for none). No lock is taken and the answer cannot be lost apart from the
     * effect. A copy of a request that already ran is refused by that put and answers the stored answer; one that
     * a business rule refuses (the first spent the points it needed) finds it too. Another body with the same key,
     * or a key another route used, is 422. A concurrent change of what the route read runs it again.
     */
    public Response runClaimed(String scope, String key, String fingerprint, Supplier<Response> work,
                               Function<Response, Map<String, AttributeValue>> audit) {
        requireValid(key);
        String hash = sha256(fingerprint);
        Map<String, AttributeValue> itemKey = Map.of("pk", s(recordPk(scope, key)), "sk", s(RECORD_SK));
        for (int attempt = 1; ; attempt++) {
            Response answer;
            ClaimedTransaction.Deferred deferred;
            ClaimedTransaction.open();
            try {
                answer = work.get();
            } catch (ApiException refused) {
                Response first = storedAnswer(itemKey, hash, db.getItem(b -> b.tableName(table).key(itemKey).consistentRead(true)).item());
                if (first != null) return first;
                throw refused;
            } finally {
                deferred = ClaimedTransaction.close();
            }
            if (answer.status() >= 300) {
                Response first = storedAnswer(itemKey, hash, db.getItem(b -> b.tableName(table).key(itemKey).consistentRead(true)).item());
                return first != null ? first : answer;
            }
            if (deferred == null) throw new IllegalStateException("a claimed route answered without handing over its transaction");
            List<TransactWriteItem> items = new ArrayList<>(deferred.writes());
            int answerAt = items.size();
            items.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(completed(itemKey, hash, answer))
                    .conditionExpression("attribute_not_exists(pk)")
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build());
            Map<String, AttributeValue> auditItem = audit == null ? null : audit.apply(answer);
            if (auditItem != null) items.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(auditItem)).build());
            try {
                db.transactWriteItems(b -> b.transactItems(items));
                return answer;
            } catch (TransactionCanceledException e) {
                CancellationReason r = e.hasCancellationReasons() && e.cancellationReasons().size() > answerAt
                        ? e.cancellationReasons().get(answerAt) : null;
                if (r != null && "ConditionalCheckFailed".equals(r.code())) {
                    Map<String, AttributeValue> held = r.hasItem() && !r.item().isEmpty() ? r.item()
                            : db.getItem(b -> b.tableName(table).key(itemKey).consistentRead(true)).item();
                    Response first = storedAnswer(itemKey, hash, held);
                    if (first != null) return first;
                    throw ApiException.conflict("a request with this Idempotency-Key is still in progress");
                }
                RuntimeException failure = deferred.onCancelled().apply(e);
                if (!(failure instanceof ConcurrentChange)) throw failure;
                Retry.giveUpOrPause(attempt, "what this request changes is changing too fast; retry");
            }
        }
    }

    /**
     * The answer stored under the key, replayed; null when the key has no record or its request has not finished.
     * 422 when the record is another request's (another body, or another route's use of the key).
     */
    private Response storedAnswer(Map<String, AttributeValue> itemKey, String hash, Map<String, AttributeValue> stored) {
        if (stored == null || stored.isEmpty()) return null;
        if (!hash.equals(str(stored, "hash"))) {
            throw ApiException.unprocessable("this Idempotency-Key was used with a different request");
        }
        return "COMPLETED".equals(str(stored, "state")) ? replay(stored) : null;
    }

    /**
     * The claim an Idempotency-Key's lock-taking route ({@link #run}) adds to its own transaction (onboarding):
     * the put of a claim item, and a check that the key's record is this request's own lock, so a key that
     * another route used keeps its record.
     */
    private List<TransactWriteItem> claim(String scope, String key, String hash) {
        long now = clock.millis();
        TransactWriteItem put = TransactWriteItem.builder().put(p -> p.tableName(table)
                .item(Map.of("pk", s(recordPk(scope, key)), "sk", s(CLAIM_SK), "hash", s(hash), "at", n(now),
                        "ttl", n(now / 1000 + KEEP_SECONDS)))
                .conditionExpression("attribute_not_exists(pk)")).build();
        TransactWriteItem recordIsOurs = TransactWriteItem.builder().conditionCheck(c -> c.tableName(table)
                .key(Map.of("pk", s(recordPk(scope, key)), "sk", s(RECORD_SK)))
                .conditionExpression("attribute_not_exists(pk) OR #h = :hash")
                .expressionAttributeNames(Map.of("#h", "hash"))
                .expressionAttributeValues(Map.of(":hash", s(hash)))).build();
        return List.of(put, recordIsOurs);
    }

    private static final String CLAIM_SK = "APPLIED";

    private static void requireValid(String key) {
        if (!KEY.matcher(key).matches()) {
            throw ApiException.badRequest("Idempotency-Key", "must be 1 to 255 visible ASCII characters");
        }
    }

    /** Null when this call now holds the key; otherwise the record that holds it. */
    private Map<String, AttributeValue> tryLock(Map<String, AttributeValue> itemKey, String hash) {
        long now = clock.millis();
        Map<String, AttributeValue> item = new HashMap<>(itemKey);
        item.put("state", s("INPROGRESS"));
        item.put("hash", s(hash));
        item.put("lockUntil", n(now + LOCK_MILLIS));
        item.put("ttl", n(now / 1000 + KEEP_SECONDS));
        try {
            db.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(pk) OR (#st = :inprogress AND lockUntil < :now)")
                    .expressionAttributeNames(Map.of("#st", "state"))
                    .expressionAttributeValues(Map.of(":inprogress", s("INPROGRESS"), ":now", n(now)))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return null;
        } catch (ConditionalCheckFailedException e) {
            if (e.hasItem()) return e.item();
            return db.getItem(b -> b.tableName(table).key(itemKey).consistentRead(true)).item();
        }
    }

    private Map<String, AttributeValue> completed(Map<String, AttributeValue> itemKey, String hash, Response answer) {
        Map<String, AttributeValue> item = new HashMap<>(itemKey);
        item.put("state", s("COMPLETED"));
        item.put("hash", s(hash));
        item.put("status", n(answer.status()));
        item.put("body", s(answer.body() == null ? "" : Json.write(answer.body())));
        item.put("headers", s(Json.write(answer.headers())));
        item.put("ttl", n(clock.millis() / 1000 + KEEP_SECONDS));
        return item;
    }

    private void forget(Map<String, AttributeValue> itemKey) {
        try {
            db.deleteItem(b -> b.tableName(table).key(itemKey));
        } catch (RuntimeException ignored) {
            // the lock expires by itself; a retry after LOCK_MILLIS takes it over
        }
    }

    @SuppressWarnings("unchecked")
    private static Response replay(Map<String, AttributeValue> item) {
        try {
            String body = str(item, "body");
            Object parsed = body == null || body.isEmpty() ? null : Json.read(body);
            Response r = Response.of((int) num(item, "status"), parsed);
            Map<String, String> headers = Json.MAPPER.readValue(str(item, "headers"), Map.class);
            headers.forEach(r::header);
            return r.header("Idempotent-Replayed", "true");
        } catch (Exception e) {
            throw new IllegalStateException("stored idempotent answer unreadable", e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(15);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.conflict("interrupted while waiting for the first request");
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
