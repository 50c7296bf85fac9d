package com.zhidian.core.dynamo;

import static com.zhidian.core.aws.Items.n;
import static com.zhidian.core.aws.Items.num;
import static com.zhidian.core.aws.Items.s;
import static com.zhidian.core.aws.Items.str;

import com.zhidian.core.Env;
import com.zhidian.core.Json;
import com.zhidian.core.Retry;
import com.zhidian.core.aws.AfterWrites;
import com.zhidian.core.errors.ApiException;
import com.zhidian.core.errors.ConcurrentChange;
import com.zhidian.core.idempotency.Idempotency;
import com.zhidian.core.scope.RequestScope;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
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
 * Idempotency-Keys in the single table: a conditional put of an in-progress record (key, payload hash, lock
 * expiry), the first answer stored with it, expiry by TTL. A claimed route ({@link #runClaimed}) writes its whole
 * effect, its stored answer and its audit entry in one transaction; it takes no lock first, and the answer's put
 * refusing a second run is what tells it to replay.
 */
public final class DynamoIdempotency implements Idempotency {
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");
    private static final long LOCK_MILLIS = 30_000;
    private static final long KEEP_SECONDS = 24 * 3600;
    private static final long WAIT_MILLIS = 3_000;

    private final DynamoDbClient db;
    private final String table;
    private final Clock clock;

    public DynamoIdempotency(DynamoDbClient db, Clock clock) {
        this.db = db;
        this.table = Env.tableName();
        this.clock = clock;
    }

    /** Outside the rails (a test): a request of its own, and the stored answer written at once. */
    public Answer run(String scope, String key, String fingerprint, Supplier<? extends Answer> work) {
        AfterWrites after = new AfterWrites(db, table);
        Answer answer = run(RequestScope.detached(null), scope, key, fingerprint, work, after);
        after.flush();
        return answer;
    }

    @Override
    public Answer run(RequestScope request, String scope, String key, String fingerprint, Supplier<? extends Answer> work,
                      AfterWrites after) {
        requireValid(key);
        String hash = sha256(fingerprint);
        Map<String, AttributeValue> itemKey = Map.of("pk", s(Idempotency.recordPk(scope, key)), "sk", s(RECORD_SK));
        long deadline = clock.millis() + WAIT_MILLIS;
        while (true) {
            Map<String, AttributeValue> existing = tryLock(itemKey, hash);
            if (existing == null) break;
            if (!hash.equals(str(existing, "hash"))) {
                throw differentRequest();
            }
            if ("COMPLETED".equals(str(existing, "state"))) return replay(existing);
            if (clock.millis() > deadline) {
                throw stillRunning();
            }
            sleep();
        }
        Answer answer;
        request.claim(claim(scope, key, hash));
        try {
            answer = work.get();
        } catch (RuntimeException e) {
            forget(itemKey);
            throw e;
        } finally {
            request.claim(null);
        }
        if (answer.status() >= 300) forget(itemKey);
        else after.put(completed(itemKey, hash, answer));
        return answer;
    }

    @Override
    public Answer runClaimed(RequestScope request, String scope, String key, String fingerprint, Supplier<? extends Answer> work,
                             Function<Answer, Map<String, AttributeValue>> audit) {
        requireValid(key);
        String hash = sha256(fingerprint);
        Map<String, AttributeValue> itemKey = Map.of("pk", s(Idempotency.recordPk(scope, key)), "sk", s(RECORD_SK));
        for (int attempt = 1; ; attempt++) {
            Answer answer;
            RequestScope.HandedOver deferred;
            request.openClaimedTransaction();
            try {
                answer = work.get();
            } catch (ApiException refused) {
                Answer first = storedAnswer(itemKey, hash, db.getItem(b -> b.tableName(table).key(itemKey).consistentRead(true)).item());
                if (first != null) return first;
                throw refused;
            } finally {
                deferred = request.closeClaimedTransaction();
            }
            if (answer.status() >= 300) {
                Answer first = storedAnswer(itemKey, hash, db.getItem(b -> b.tableName(table).key(itemKey).consistentRead(true)).item());
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
                    Answer first = storedAnswer(itemKey, hash, held);
                    if (first != null) return first;
                    throw stillRunning();
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
    private Answer storedAnswer(Map<String, AttributeValue> itemKey, String hash, Map<String, AttributeValue> stored) {
        if (stored == null || stored.isEmpty()) return null;
        if (!hash.equals(str(stored, "hash"))) {
            throw differentRequest();
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
                .item(Map.of("pk", s(Idempotency.recordPk(scope, key)), "sk", s(CLAIM_SK), "hash", s(hash), "at", n(now),
                        "ttl", n(now / 1000 + KEEP_SECONDS)))
                .conditionExpression("attribute_not_exists(pk)")).build();
        TransactWriteItem recordIsOurs = TransactWriteItem.builder().conditionCheck(c -> c.tableName(table)
                .key(Map.of("pk", s(Idempotency.recordPk(scope, key)), "sk", s(RECORD_SK)))
                .conditionExpression("attribute_not_exists(pk) OR #h = :hash")
                .expressionAttributeNames(Map.of("#h", "hash"))
                .expressionAttributeValues(Map.of(":hash", s(hash)))).build();
        return List.of(put, recordIsOurs);
    }

    private static final String CLAIM_SK = "APPLIED";

    private static ApiException differentRequest() {
        return ApiException.unprocessable("this Idempotency-Key was used with a different request")
                .inChinese("该 Idempotency-Key 已用于另一个请求");
    }

    private static ApiException stillRunning() {
        return ApiException.conflict("a request with this Idempotency-Key is still in progress")
                .inChinese("使用该 Idempotency-Key 的请求仍在处理中");
    }

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

    private Map<String, AttributeValue> completed(Map<String, AttributeValue> itemKey, String hash, Answer answer) {
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
    private static Answer replay(Map<String, AttributeValue> item) {
        try {
            String body = str(item, "body");
            Object parsed = body == null || body.isEmpty() ? null : Json.read(body);
            Map<String, String> headers = new LinkedHashMap<>(Json.MAPPER.readValue(str(item, "headers"), Map.class));
            headers.put("Idempotent-Replayed", "true");
            return new Replayed((int) num(item, "status"), parsed, headers);
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
