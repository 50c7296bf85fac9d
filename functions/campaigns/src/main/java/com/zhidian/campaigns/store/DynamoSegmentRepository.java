package com.zhidian.campaigns.store;

import static com.zhidian.core.aws.Items.key;
import static com.zhidian.core.aws.Items.n;
import static com.zhidian.core.aws.Items.num;
import static com.zhidian.core.aws.Items.s;
import static com.zhidian.core.aws.Items.str;

import com.fasterxml.jackson.core.type.TypeReference;
import com.zhidian.campaigns.domain.Profile;
import com.zhidian.campaigns.domain.PushSettings;
import com.zhidian.campaigns.domain.Rule;
import com.zhidian.campaigns.domain.Segment;
import com.zhidian.campaigns.domain.SegmentRepository;
import com.zhidian.core.Env;
import com.zhidian.core.Json;
import com.zhidian.core.paging.Cursor;
import com.zhidian.core.paging.Page;
import com.zhidian.core.paging.Pages;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** Segments (one item each, listed through gsi1) and the member profiles (one partition per tenant). */
public final class DynamoSegmentRepository implements SegmentRepository {
    private final DynamoDbClient db;
    private final String table = Env.tableName();

    public DynamoSegmentRepository(DynamoDbClient db) {
        this.db = db;
    }

    @Override
    public void create(Segment sg) {
        Map<String, AttributeValue> item = key(Keys.segment(sg.tenantId(), sg.segmentId()), Keys.META);
        item.put("gsi1pk", s(Keys.segmentList(sg.tenantId())));
        item.put("gsi1sk", s(Keys.listSk(sg.createdAt(), sg.segmentId())));
        item.put("tenantId", s(sg.tenantId()));
        item.put("segmentId", s(sg.segmentId()));
        item.put("name", s(sg.name()));
        item.put("match", s(sg.match()));
        item.put("rules", s(Json.write(sg.rules())));
        item.put("createdAt", n(sg.createdAt().toEpochMilli()));
        db.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
    }

    @Override
    public Optional<Segment> get(String tenantId, String segmentId) {
        Map<String, AttributeValue> item = db.getItem(b -> b.tableName(table)
                .key(key(Keys.segment(tenantId, segmentId), Keys.META)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(segment(item));
    }

    @Override
    public Page<Segment> list(String tenantId, int limit, String cursor) {
        String pk = Keys.segmentList(tenantId);
        QueryResponse r = db.query(b -> b.tableName(table).indexName("gsi1").keyConditionExpression("gsi1pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(pk))).scanIndexForward(false).limit(Pages.fetch(limit))
                .exclusiveStartKey(Cursor.decode(pk, cursor)));
        return Pages.of(r, limit, pk, DynamoSegmentRepository::segment, "pk", "sk", "gsi1pk", "gsi1sk");
    }

    private static final TypeReference<List<Rule>> RULES = new TypeReference<>() {};

    static Segment segment(Map<String, AttributeValue> item) {
        try {
            return new Segment(str(item, "tenantId"), str(item, "segmentId"), str(item, "name"), str(item, "match"),
                    Json.MAPPER.readValue(str(item, "rules"), RULES), Instant.ofEpochMilli(num(item, "createdAt")));
        } catch (Exception e) {
            throw new IllegalStateException("unreadable segment " + item.get("pk"), e);
        }
    }

    // ---- settings ----

    @Override
    public Optional<PushSettings> settings(String tenantId) {
        Map<String, AttributeValue> item = db.getItem(b -> b.tableName(table).key(key(Keys.settings(tenantId), Keys.PUSH_SETTINGS))).item();
        if (item == null || item.isEmpty()) return Optional.empty();
        return Optional.of(new PushSettings(LocalTime.parse(str(item, "quietFrom")), LocalTime.parse(str(item, "quietUntil")),
                (int) num(item, "frequencyCap")));
    }

    @Override
    public void saveSettings(String tenantId, PushSettings ps) {
        Map<String, AttributeValue> item = key(Keys.settings(tenantId), Keys.PUSH_SETTINGS);
        item.put("quietFrom", s(ps.quietFrom().toString()));
        item.put("quietUntil", s(ps.quietUntil().toString()));
        item.put("frequencyCap", n(ps.frequencyCap()));
        db.putItem(b -> b.tableName(table).item(item));
    }

    // ---- profiles ----

    @Override
    public Optional<Profile> profile(String tenantId, String memberId) {
        Map<String, AttributeValue> item = db.getItem(b -> b.tableName(table)
                .key(key(Keys.profiles(tenantId), memberId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(profile(tenantId, item));
    }

    @Override
    public Map<String, Profile> profiles(String tenantId) {
        Map<String, Profile> out = new HashMap<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse r = db.query(b -> b.tableName(table).keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", s(Keys.profiles(tenantId)))).exclusiveStartKey(from));
            for (Map<String, AttributeValue> item : r.items()) {
                Profile p = profile(tenantId, item);
                out.put(p.memberId(), p);
            }
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    @Override
    public boolean saveProfile(Profile p) {
        try {
            software.amazon.awssdk.services.dynamodb.model.Put put = profilePut(p).build();
            db.putItem(b -> b.tableName(table).item(put.item()).conditionExpression(put.conditionExpression())
                    .expressionAttributeValues(put.hasExpressionAttributeValues() ? put.expressionAttributeValues() : null));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public boolean saveProfile(Profile p, String eventId) {
        Map<String, AttributeValue> marker = key(Keys.profileEvents(p.tenantId()), eventId);
        marker.put("ttl", n(java.time.Instant.now().plus(java.time.Duration.ofDays(30)).getEpochSecond()));
        try {
            db.transactWriteItems(b -> b.transactItems(
                    software.amazon.awssdk.services.dynamodb.model.TransactWriteItem.builder().put(profilePut(p).build()).build(),
                    software.amazon.awssdk.services.dynamodb.model.TransactWriteItem.builder().put(x -> x.tableName(table).item(marker)
                            .conditionExpression("attribute_not_exists(pk)")).build()));
            return true;
        } catch (software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException e) {
            return false;
        }
    }

    @Override
    public boolean applied(String tenantId, String eventId) {
        Map<String, AttributeValue> item = db.getItem(b -> b.tableName(table).key(key(Keys.profileEvents(tenantId), eventId))
                .consistentRead(true)).item();
        return item != null && !item.isEmpty();
    }

    private software.amazon.awssdk.services.dynamodb.model.Put.Builder profilePut(Profile p) {
        Map<String, AttributeValue> item = key(Keys.profiles(p.tenantId()), p.memberId());
        item.put("memberId", s(p.memberId()));
        item.put("version", n(p.version() + 1));
        if (p.lastVisit() != null) item.put("lastVisit", n(p.lastVisit().toEpochMilli()));
        List<Map<String, Object>> orders = new ArrayList<>();
        for (Profile.PaidOrder o : p.orders()) {
            Map<String, Object> m = new HashMap<>();
            m.put("id", o.orderId());
            m.put("at", o.paidAt().toEpochMilli());
            m.put("amount", o.amount());
            m.put("refunded", o.refunded());
            m.put("categories", o.categories());
            m.put("gtins", o.gtins());
            orders.add(m);
        }
        item.put("orders", s(Json.write(orders)));
        return software.amazon.awssdk.services.dynamodb.model.Put.builder().tableName(table).item(item)
                .conditionExpression(p.version() == 0 ? "attribute_not_exists(pk)" : "version = :v")
                .expressionAttributeValues(p.version() == 0 ? null : Map.of(":v", n(p.version())));
    }

    private static final TypeReference<List<Map<String, Object>>> ORDERS = new TypeReference<>() {};

    @SuppressWarnings("unchecked")
    private static Profile profile(String tenantId, Map<String, AttributeValue> item) {
        try {
            List<Profile.PaidOrder> orders = new ArrayList<>();
            for (Map<String, Object> m : Json.MAPPER.readValue(str(item, "orders"), ORDERS)) {
                orders.add(new Profile.PaidOrder((String) m.get("id"), Instant.ofEpochMilli(((Number) m.get("at")).longValue()),
                        ((Number) m.get("amount")).longValue(), ((Number) m.get("refunded")).longValue(),
                        (List<String>) m.get("categories"), (List<String>) m.get("gtins")));
            }
            Instant visit = item.containsKey("lastVisit") ? Instant.ofEpochMilli(num(item, "lastVisit")) : null;
            return new Profile(tenantId, str(item, "memberId"), orders, visit, num(item, "version"));
        } catch (Exception e) {
            throw new IllegalStateException("unreadable profile " + item.get("sk"), e);
        }
    }
}
