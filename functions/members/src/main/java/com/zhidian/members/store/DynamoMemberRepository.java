package com.zhidian.members.store;

import static com.zhidian.core.aws.Items.bool;
import static com.zhidian.core.aws.Items.flag;
import static com.zhidian.core.aws.Items.key;
import static com.zhidian.core.aws.Items.n;
import static com.zhidian.core.aws.Items.s;
import static com.zhidian.core.aws.Items.str;

import com.zhidian.core.Env;
import com.zhidian.core.errors.ApiException;
import com.zhidian.core.idempotency.Idempotency;
import com.zhidian.core.paging.Cursor;
import com.zhidian.core.paging.Page;
import com.zhidian.core.paging.Pages;
import com.zhidian.core.tenancy.Usage;
import com.zhidian.members.domain.Consent;
import com.zhidian.members.domain.Member;
import com.zhidian.members.domain.MemberRepository;
import com.zhidian.members.domain.MembersErrors;
import com.zhidian.members.domain.PointsAccount;
import com.zhidian.members.domain.PointsChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Members in the single table: profile, phone and card claims, consents and their history. */
public final class DynamoMemberRepository implements MemberRepository {
    private final DynamoDbClient db;
    private final Usage usage;
    private final String table = Env.tableName();

    /** {@code usage} counts each join in the tenant's monthly members figure, in the join's own transaction. */
    public DynamoMemberRepository(DynamoDbClient db, Usage usage) {
        this.db = db;
        this.usage = usage;
    }

    @Override
    public void create(Member m, PointsAccount account, PointsChange welcome, List<Consent.State> consents, List<Consent.Event> events) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(put(claim(Keys.phone(m.tenantId(), m.phone()), Keys.PHONE_SK, m.memberId()), true));
        writes.add(put(claim(Keys.card(m.tenantId(), m.cardNo()), Keys.CARD_SK, m.memberId()), true));
        writes.add(put(profileItem(m), true));
        writes.add(put(DynamoPointsRepository.accountItem(welcome == null ? account : welcome.after()), true));
        if (welcome != null) {
            String pk = Keys.member(m.tenantId(), m.memberId());
            writes.add(put(DynamoPointsRepository.ledgerItem(pk, welcome.entry()), true));
            writes.add(put(DynamoPointsRepository.lotItem(welcome.after(), welcome.lot()), true));
        }
        for (Consent.State c : consents) if (c.at() != null) writes.add(put(consentItem(m.tenantId(), m.memberId(), c), false));
        for (Consent.Event e : events) writes.add(put(eventItem(m.tenantId(), m.memberId(), e), true));
        writes.add(usage.count(m.tenantId(), "members", 1));
        try {
            db.transactWriteItems(b -> b.transactItems(writes));
        } catch (TransactionCanceledException e) {
            List<CancellationReason> r = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
            if (!r.isEmpty() && "ConditionalCheckFailed".equals(r.get(0).code())) throw new MembersErrors.PhoneTaken();
            if (r.stream().anyMatch(x -> "ConditionalCheckFailed".equals(x.code()) || "TransactionConflict".equals(x.code()))) {
                throw ApiException.conflict("the member could not be created this time; retry");
            }
            throw e;
        }
    }

    @Override
    public void undoCreate(Member m) {
        String pk = Keys.member(m.tenantId(), m.memberId());
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(deleteClaim(Keys.phone(m.tenantId(), m.phone()), Keys.PHONE_SK, m.memberId()));
        writes.add(deleteClaim(Keys.card(m.tenantId(), m.cardNo()), Keys.CARD_SK, m.memberId()));
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse r = db.query(b -> b.tableName(table).keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", s(pk))).projectionExpression("pk, sk")
                    .consistentRead(true).exclusiveStartKey(from));
            for (Map<String, AttributeValue> i : r.items()) {
                writes.add(TransactWriteItem.builder().delete(d -> d.tableName(table).key(key(pk, str(i, "sk")))).build());
            }
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        writes.add(usage.count(m.tenantId(), "members", -1));
        db.transactWriteItems(b -> b.transactItems(writes));
    }

    @Override
    public Optional<Member> get(String tenantId, String memberId) {
        Map<String, AttributeValue> i = db.getItem(b -> b.tableName(table)
                .key(key(Keys.member(tenantId, memberId), Keys.PROFILE)).consistentRead(true)).item();
        return i == null || i.isEmpty() ? Optional.empty() : Optional.of(member(i));
    }

    @Override
    public Optional<String> idByPhone(String tenantId, String phone) {
        Map<String, AttributeValue> i = db.getItem(b -> b.tableName(table)
                .key(key(Keys.phone(tenantId, phone), Keys.PHONE_SK)).consistentRead(true)).item();
        return i == null || i.isEmpty() ? Optional.empty() : Optional.ofNullable(str(i, "memberId"));
    }

    @Override
    public Optional<String> idByCard(String tenantId, String cardNo) {
        Map<String, AttributeValue> i = db.getItem(b -> b.tableName(table)
                .key(key(Keys.card(tenantId, cardNo), Keys.CARD_SK)).consistentRead(true)).item();
        return i == null || i.isEmpty() ? Optional.empty() : Optional.ofNullable(str(i, "memberId"));
    }

    @Override
    public Page<Member> list(String tenantId, int limit, String cursor) {
        String gpk = Keys.memberList(tenantId);
        QueryResponse r = db.query(b -> b.tableName(table).indexName("gsi1")
                .keyConditionExpression("gsi1pk = :pk").expressionAttributeValues(Map.of(":pk", s(gpk)))
                .scanIndexForward(false).limit(Pages.fetch(limit)).exclusiveStartKey(Cursor.decode(gpk, cursor)));
        return Pages.of(r, limit, gpk, DynamoMemberRepository::member, "pk", "sk", "gsi1pk", "gsi1sk");
    }

    @Override
    public Optional<Member> update(String tenantId, String memberId, Map<String, String> changes, Instant at) {
        List<String> set = new ArrayList<>(List.of("updatedAt = :at"));
        List<String> remove = new ArrayList<>();
        Map<String, String> names = new HashMap<>(Map.of("#st", "status"));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":at", s(at.toString()), ":active", s(Member.ACTIVE)));
        for (String field : List.of("name", "birthday")) {
            if (!changes.containsKey(field)) continue;
            names.put("#" + field, field);
            if (changes.get(field) == null) {
                remove.add("#" + field);
            } else {
                set.add("#" + field + " = :" + field);
                values.put(":" + field, s(changes.get(field)));
            }
        }
        String expr = "SET " + String.join(", ", set) + (remove.isEmpty() ? "" : " REMOVE " + String.join(", ", remove));
        try {
            return Optional.of(member(db.updateItem(b -> b.tableName(table).key(key(Keys.member(tenantId, memberId), Keys.PROFILE))
                    .updateExpression(expr).conditionExpression("#st = :active")
                    .expressionAttributeNames(names).expressionAttributeValues(values)
                    .returnValues(software.amazon.awssdk.services.dynamodb.model.ReturnValue.ALL_NEW)).attributes()));
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    @Override
    public void erase(Member anonymised, String formerPhone, List<Consent.State> withdrawn, List<Consent.Event> events) {
        String t = anonymised.tenantId();
        String id = anonymised.memberId();
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(profileItem(anonymised))
                .conditionExpression("#st = :active")
                .expressionAttributeNames(Map.of("#st", "status"))
                .expressionAttributeValues(Map.of(":active", s(Member.ACTIVE)))).build());
        writes.add(deleteClaim(Keys.phone(t, formerPhone), Keys.PHONE_SK, id));
        writes.add(TransactWriteItem.builder().update(u -> u.tableName(table).key(key(Keys.member(t, id), Keys.POINTS))
                .updateExpression("SET #a = :false").expressionAttributeNames(Map.of("#a", "active"))
                .expressionAttributeValues(Map.of(":false", bool(false)))
                .conditionExpression("attribute_exists(pk)")).build());
        for (Consent.State c : withdrawn) writes.add(put(consentItem(t, id, c), false));
        for (Consent.Event e : events) writes.add(put(eventItem(t, id, e), true));
        try {
            db.transactWriteItems(b -> b.transactItems(writes));
        } catch (TransactionCanceledException e) {
            throw ApiException.conflict("the member changed during erasure; retry");
        }
    }

    @Override
    public void rememberAnswer(String tenantId, String memberId, String answerKey, Instant keepUntil) {
        Map<String, AttributeValue> item = key(Keys.member(tenantId, memberId), Keys.answerSk(answerKey));
        item.put("answerKey", s(answerKey));
        item.put("ttl", n(keepUntil.getEpochSecond()));
        db.putItem(b -> b.tableName(table).item(item));
    }

    @Override
    public List<String> answerKeys(String tenantId, String memberId) {
        return PrefixQuery.all(db, table, Keys.member(tenantId, memberId), Keys.ANSWER_PREFIX).stream()
                .map(i -> str(i, "answerKey")).toList();
    }

    /**
     * A separate UpdateItem after the erasure's transaction, not part of it: the record may have expired or been
     * forgotten (a failed first attempt), and a ConditionCheck failing inside TransactWriteItems would cancel
     * the whole erasure. Here a missing record is simply nothing to overwrite; any other failure reaches the
     * caller (503) and repeating the erasure overwrites again.
     */
    @Override
    public void overwriteAnswer(String answerKey, String body) {
        try {
            db.updateItem(b -> b.tableName(table).key(key(answerKey, Idempotency.RECORD_SK))
                    .updateExpression("SET #b = :b").conditionExpression("attribute_exists(pk)")
                    .expressionAttributeNames(Map.of("#b", "body"))
                    .expressionAttributeValues(Map.of(":b", s(body))));
        } catch (ConditionalCheckFailedException e) {
            // no stored answer (any more): nothing holds the personal data
        }
    }

    @Override
    public List<Consent.State> consents(String tenantId, String memberId) {
        QueryResponse r = db.query(b -> b.tableName(table)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :p)")
                .expressionAttributeValues(Map.of(":pk", s(Keys.member(tenantId, memberId)), ":p", s(Keys.CONSENT_PREFIX)))
                .consistentRead(true));
        Map<Consent.Purpose, Consent.State> byPurpose = new HashMap<>();
        for (Map<String, AttributeValue> i : r.items()) {
            Consent.Purpose.of(str(i, "purpose")).ifPresent(p -> byPurpose.put(p, new Consent.State(p, flag(i, "granted"),
                    Instant.parse(str(i, "at")), Consent.Channel.of(str(i, "channel")).orElse(null), str(i, "textVersion"))));
        }
        List<Consent.State> out = new ArrayList<>();
        for (Consent.Purpose p : Consent.Purpose.values()) out.add(byPurpose.getOrDefault(p, Consent.State.never(p)));
        return out;
    }

    @Override
    public void recordConsent(String tenantId, String memberId, Consent.State state, Consent.Event event) {
        db.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().put(p -> p.tableName(table).item(consentItem(tenantId, memberId, state))).build(),
                put(eventItem(tenantId, memberId, event), true)));
    }

    @Override
    public Page<Consent.Event> consentHistory(String tenantId, String memberId, int limit, String cursor) {
        String pk = Keys.member(tenantId, memberId);
        QueryResponse r = db.query(b -> b.tableName(table)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :p)")
                .expressionAttributeValues(Map.of(":pk", s(pk), ":p", s(Keys.CONSENT_HISTORY_PREFIX)))
                .scanIndexForward(false).limit(Pages.fetch(limit)).consistentRead(true)
                .exclusiveStartKey(Cursor.decode(pk + "#CH", cursor)));
        return Pages.of(r, limit, pk + "#CH", i -> new Consent.Event(str(i, "eventId"),
                Consent.Purpose.of(str(i, "purpose")).orElseThrow(), flag(i, "granted"), Instant.parse(str(i, "at")),
                Consent.Channel.of(str(i, "channel")).orElse(null), str(i, "textVersion"), str(i, "actorRole")), "pk", "sk");
    }

    // ---- items ----

    private TransactWriteItem put(Map<String, AttributeValue> item, boolean mustBeNew) {
        return TransactWriteItem.builder().put(p -> {
            p.tableName(table).item(item);
            if (mustBeNew) p.conditionExpression("attribute_not_exists(pk)");
        }).build();
    }

    private TransactWriteItem deleteClaim(String pk, String sk, String memberId) {
        return TransactWriteItem.builder().delete(d -> d.tableName(table).key(key(pk, sk))
                .conditionExpression("attribute_not_exists(pk) OR memberId = :m")
                .expressionAttributeValues(Map.of(":m", s(memberId)))).build();
    }

    private static Map<String, AttributeValue> claim(String pk, String sk, String memberId) {
        Map<String, AttributeValue> item = key(pk, sk);
        item.put("memberId", s(memberId));
        return item;
    }

    private static Map<String, AttributeValue> profileItem(Member m) {
        Map<String, AttributeValue> item = key(Keys.member(m.tenantId(), m.memberId()), Keys.PROFILE);
        item.put("gsi1pk", s(Keys.memberList(m.tenantId())));
        item.put("gsi1sk", s(Keys.memberListSk(m.createdAt(), m.memberId())));
        item.put("tenantId", s(m.tenantId()));
        item.put("memberId", s(m.memberId()));
        putIf(item, "phone", m.phone());
        putIf(item, "name", m.name());
        putIf(item, "birthday", m.birthday());
        item.put("cardNo", s(m.cardNo()));
        putIf(item, "storeId", m.storeId());
        item.put("status", s(m.status()));
        item.put("createdAt", s(m.createdAt().toString()));
        item.put("updatedAt", s(m.updatedAt().toString()));
        if (m.erasedAt() != null) item.put("erasedAt", s(m.erasedAt().toString()));
        return item;
    }

    private static Member member(Map<String, AttributeValue> i) {
        return new Member(str(i, "tenantId"), str(i, "memberId"), str(i, "phone"), str(i, "name"), str(i, "birthday"),
                str(i, "cardNo"), str(i, "storeId"), str(i, "status"), Instant.parse(str(i, "createdAt")),
                Instant.parse(str(i, "updatedAt")), str(i, "erasedAt") == null ? null : Instant.parse(str(i, "erasedAt")));
    }

    private static Map<String, AttributeValue> consentItem(String tenantId, String memberId, Consent.State c) {
        Map<String, AttributeValue> item = key(Keys.member(tenantId, memberId), Keys.consentSk(c.purpose().code()));
        item.put("purpose", s(c.purpose().code()));
        item.put("granted", bool(c.granted()));
        item.put("at", s(c.at().toString()));
        putIf(item, "channel", c.channel() == null ? null : c.channel().code());
        putIf(item, "textVersion", c.textVersion());
        return item;
    }

    private static Map<String, AttributeValue> eventItem(String tenantId, String memberId, Consent.Event e) {
        Map<String, AttributeValue> item = key(Keys.member(tenantId, memberId), Keys.consentHistorySk(e.at(), e.eventId()));
        item.put("eventId", s(e.eventId()));
        item.put("purpose", s(e.purpose().code()));
        item.put("granted", bool(e.granted()));
        item.put("at", s(e.at().toString()));
        putIf(item, "channel", e.channel() == null ? null : e.channel().code());
        putIf(item, "textVersion", e.textVersion());
        putIf(item, "actorRole", e.actorRole());
        return item;
    }

    private static void putIf(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) item.put(name, s(value));
    }

    // ---- campaigns' delivery: many members at once ----

    /** One BatchGetItem (strongly consistent) of the members' records and their consent items for the purpose. */
    @Override
    public Map<String, Reach> reach(String tenantId, java.util.Collection<String> memberIds, Consent.Purpose purpose) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (String id : new java.util.LinkedHashSet<>(memberIds)) {
            keys.add(key(Keys.member(tenantId, id), Keys.PROFILE));
            keys.add(key(Keys.member(tenantId, id), Keys.consentSk(purpose.code())));
        }
        Map<String, Member> found = new HashMap<>();
        Map<String, Consent.State> answers = new HashMap<>();
        for (int from = 0; from < keys.size(); from += 100) {
            List<Map<String, AttributeValue>> ask = keys.subList(from, Math.min(keys.size(), from + 100));
            while (!ask.isEmpty()) {
                List<Map<String, AttributeValue>> now = ask;
                var r = db.batchGetItem(b -> b.requestItems(Map.of(table,
                        software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes.builder().keys(now).consistentRead(true).build())));
                for (Map<String, AttributeValue> i : r.responses().getOrDefault(table, List.of())) {
                    if (Keys.PROFILE.equals(i.get("sk").s())) {
                        Member m = member(i);
                        found.put(m.memberId(), m);
                    } else {
                        String pk = i.get("pk").s();
                        answers.put(pk.substring(pk.lastIndexOf("#M#") + 3), new Consent.State(purpose, flag(i, "granted"),
                                Instant.parse(str(i, "at")), Consent.Channel.of(str(i, "channel")).orElse(null), str(i, "textVersion")));
                    }
                }
                var left = r.unprocessedKeys().get(table);
                ask = left == null ? List.of() : left.keys();
            }
        }
        Map<String, Reach> out = new HashMap<>();
        found.forEach((id, m) -> out.put(id, new Reach(m, answers.getOrDefault(id, Consent.State.never(purpose)))));
        return out;
    }
}
