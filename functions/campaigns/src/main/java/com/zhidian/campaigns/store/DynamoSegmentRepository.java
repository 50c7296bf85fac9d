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

/**
 * Segments (one item each, listed through gsi1) and the member summaries (one partition per tenant, one item per member):
 * each writer sets only its own attributes (UpdateItem), so the members' stream, the orders' events, the deliveries'
 * contacts and the WeChat binding never overwrite one another.
 */
public final class DynamoSegmentRepository implements SegmentRepository, com.zhidian.campaigns.domain.MemberSummaries {
    private final DynamoDbClient db;
    private final String table = Env.tableName();

    /** The wall clock of the change stamps (a test gives its own to play late writers). */
    private final java.util.function.LongSupplier stamps;

    public DynamoSegmentRepository(DynamoDbClient db) {
        this(db, System::currentTimeMillis);
    }

    public DynamoSegmentRepository(DynamoDbClient db, java.util.function.LongSupplier stamps) {
        this.db = db;
        this.stamps = stamps;
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
        return Optional.of(settings(item));
    }

    /** The settings item read (here, or in a delivery batch's read). */
    static PushSettings settings(Map<String, AttributeValue> item) {
        return new PushSettings(LocalTime.parse(str(item, "quietFrom")), LocalTime.parse(str(item, "quietUntil")),
                (int) num(item, "frequencyCap"));
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
        return item == null || item.isEmpty() || !item.containsKey("version") ? Optional.empty() : Optional.of(profile(tenantId, item));
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
                if (!item.containsKey("version")) continue;
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
            software.amazon.awssdk.services.dynamodb.model.Update u = profileUpdate(p).build();
            db.updateItem(b -> b.tableName(table).key(u.key()).updateExpression(u.updateExpression())
                    .conditionExpression(u.conditionExpression()).expressionAttributeValues(u.expressionAttributeValues()));
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
                    software.amazon.awssdk.services.dynamodb.model.TransactWriteItem.builder().update(profileUpdate(p).build()).build(),
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

    /** The purchase-history attributes of the member's summary item, with their version check (the rest left alone). */
    private software.amazon.awssdk.services.dynamodb.model.Update.Builder profileUpdate(Profile p) {
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
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":m", s(p.memberId()));
        values.put(":nv", n(p.version() + 1));
        values.put(":o", s(Json.write(orders)));
        String set = "SET memberId = :m, version = :nv, orders = :o";
        if (p.lastVisit() != null) {
            values.put(":lv", n(p.lastVisit().toEpochMilli()));
            set += ", lastVisit = :lv";
        }
        set += changed(values, p.tenantId(), p.memberId(), stamps.getAsLong());
        if (p.version() != 0) values.put(":v", n(p.version()));
        return software.amazon.awssdk.services.dynamodb.model.Update.builder().tableName(table)
                .key(key(Keys.profiles(p.tenantId()), p.memberId())).updateExpression(set)
                .conditionExpression(p.version() == 0 ? "attribute_not_exists(version)" : "version = :v")
                .expressionAttributeValues(values);
    }

    // ---- summaries ----

    /**
     * Member ids are random over one alphabet, so four sort-key ranges split a tenant's summaries about evenly; the
     * boundaries are never whole ids, so BETWEEN reads each item once.
     */
    private static final String[] SPLITS = {"mb_8", "mb_g", "mb_r"};
    private static final java.util.concurrent.ExecutorService READERS = java.util.concurrent.Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "campaigns-summaries");
        t.setDaemon(true);
        return t;
    });

    @Override
    public void forEach(String tenantId, java.util.function.Consumer<com.zhidian.campaigns.domain.MemberSummary> each) {
        forEach(tenantId, true, each);
    }

    /** What a summary is read from: the member's facts, consents, points, channels and contacts (summary() reads these). */
    private static final List<String> SUMMARY = List.of("sk", "active", "storeId", "createdAt", "bmonth", "points", "push",
            "pushAt", "personal", "hasPhone", "openid", "times");
    /** The purchase history besides (profile() reads these): the bulk of a buying member's item, and parsed as JSON. */
    private static final List<String> HISTORY = List.of("memberId", "version", "orders", "lastVisit");

    /** A projection of only the attributes summary() reads; their placeholders go into {@code names} (some are reserved words). */
    private static String projection(boolean purchaseHistory, Map<String, String> names) {
        List<String> projected = new ArrayList<>();
        for (String a : purchaseHistory ? concat(SUMMARY, HISTORY) : SUMMARY) {
            names.put("#" + a, a);
            projected.add("#" + a);
        }
        return String.join(", ", projected);
    }

    /** The four ranges are read in parallel (pages parsed on their readers); {@code each} is called on one thread at a time. */
    @Override
    public void forEach(String tenantId, boolean purchaseHistory,
                        java.util.function.Consumer<com.zhidian.campaigns.domain.MemberSummary> each) {
        Map<String, String> names = new HashMap<>();
        String projection = projection(purchaseHistory, names);
        names.put("#pk", "pk");
        String pk = Keys.profiles(tenantId);
        Object lock = new Object();
        List<java.util.concurrent.Future<?>> parts = new ArrayList<>();
        for (int i = 0; i <= SPLITS.length; i++) {
            String cond;
            Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", s(pk)));
            if (i == 0) { cond = "#pk = :pk AND #sk < :hi"; values.put(":hi", s(SPLITS[0])); }
            else if (i == SPLITS.length) { cond = "#pk = :pk AND #sk > :lo"; values.put(":lo", s(SPLITS[i - 1])); }
            else { cond = "#pk = :pk AND #sk BETWEEN :lo AND :hi"; values.put(":lo", s(SPLITS[i - 1])); values.put(":hi", s(SPLITS[i])); }
            parts.add(READERS.submit(() -> {
                Map<String, AttributeValue> start = null;
                do {
                    Map<String, AttributeValue> from = start;
                    QueryResponse r = db.query(b -> b.tableName(table).keyConditionExpression(cond)
                            .expressionAttributeNames(names).projectionExpression(projection)
                            .expressionAttributeValues(values).exclusiveStartKey(from));
                    List<com.zhidian.campaigns.domain.MemberSummary> page = new ArrayList<>(r.items().size());
                    for (Map<String, AttributeValue> item : r.items()) page.add(summary(tenantId, item));
                    synchronized (lock) {
                        page.forEach(each);
                    }
                    start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
                } while (start != null);
                return null;
            }));
        }
        for (java.util.concurrent.Future<?> f : parts) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading the member summaries", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
            }
        }
    }

    /** The summaries stamped as changed at or after {@code sinceMillis}, from gsi1 (paged, one thread: few a preview). */
    @Override
    public void changedSince(String tenantId, long sinceMillis, boolean purchaseHistory,
                             java.util.function.Consumer<com.zhidian.campaigns.domain.MemberSummary> each) {
        Map<String, String> names = new HashMap<>();
        String projection = projection(purchaseHistory, names);
        Map<String, AttributeValue> values = Map.of(":p", s(Keys.summaryChanges(tenantId)), ":from", s(Keys.changesFrom(sinceMillis)));
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse r = db.query(b -> b.tableName(table).indexName("gsi1").keyConditionExpression("gsi1pk = :p AND gsi1sk >= :from")
                    .expressionAttributeNames(names).projectionExpression(projection).expressionAttributeValues(values)
                    .exclusiveStartKey(from));
            for (Map<String, AttributeValue> item : r.items()) each.accept(summary(tenantId, item));
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    static com.zhidian.campaigns.domain.MemberSummary summary(String tenantId, Map<String, AttributeValue> item) {
        String memberId = item.get("sk").s();
        Profile p = item.containsKey("version") ? profile(tenantId, item) : Profile.empty(tenantId, memberId);
        com.zhidian.campaigns.domain.AudienceMember m = null;
        if (item.containsKey("active")) {
            m = new com.zhidian.campaigns.domain.AudienceMember(memberId, flag(item, "active"), str(item, "storeId"),
                    item.containsKey("createdAt") ? Instant.ofEpochMilli(num(item, "createdAt")) : Instant.EPOCH,
                    item.containsKey("bmonth") ? (int) num(item, "bmonth") : null, item.containsKey("points") ? num(item, "points") : 0,
                    flag(item, "push"), item.containsKey("pushAt"), flag(item, "personal"));
        }
        return new com.zhidian.campaigns.domain.MemberSummary(m, p, DynamoCampaignRepository.times(item), flag(item, "hasPhone"),
                str(item, "openid"));
    }

    private static boolean flag(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v != null && Boolean.TRUE.equals(v.bool());
    }

    private void set(String tenantId, String memberId, String setClause, Map<String, AttributeValue> values) {
        set(tenantId, memberId, setClause, List.of(), values);
    }

    /** One UpdateItem of the writer's own attributes, stamped as changed now (the preview's cache reads what changed). */
    private void set(String tenantId, String memberId, String setClause, List<String> remove, Map<String, AttributeValue> values) {
        Map<String, AttributeValue> v = new HashMap<>(values);
        String expression = setClause + changed(v, tenantId, memberId, stamps.getAsLong()) + (remove.isEmpty() ? "" : " REMOVE " + String.join(", ", remove));
        db.updateItem(b -> b.tableName(table).key(key(Keys.profiles(tenantId), memberId)).updateExpression(expression)
                .expressionAttributeValues(v));
    }

    /**
     * The change stamp every writer of a summary adds to its SET clause: the summary's place in the tenant's changes
     * (gsi1, by wall-clock time; not the injected clock, which tests fix). Returns the clause's tail, sets its values.
     */
    static String changed(Map<String, AttributeValue> values, String tenantId, String memberId, long atMillis) {
        values.put(":chgp", s(Keys.summaryChanges(tenantId)));
        values.put(":chgs", s(Keys.changeSk(atMillis, memberId)));
        return ", gsi1pk = :chgp, gsi1sk = :chgs";
    }

    @Override
    public void member(String tenantId, String memberId, boolean active, String storeId, Instant createdAt, Integer birthdayMonth,
                       boolean hasPhone) {
        Map<String, AttributeValue> v = new HashMap<>();
        v.put(":a", AttributeValue.fromBool(active));
        v.put(":p", AttributeValue.fromBool(active && hasPhone));
        StringBuilder set = new StringBuilder("SET active = :a, hasPhone = :p");
        List<String> remove = new ArrayList<>();
        if (createdAt != null) {
            v.put(":c", n(createdAt.toEpochMilli()));
            set.append(", createdAt = :c");
        }
        if (active && storeId != null) { v.put(":s", s(storeId)); set.append(", storeId = :s"); } else remove.add("storeId");
        if (active && birthdayMonth != null) { v.put(":b", n(birthdayMonth)); set.append(", bmonth = :b"); } else remove.add("bmonth");
        // erased: the personal data kept here goes with the member (the WeChat openid)
        if (!active) remove.add("openid");
        set(tenantId, memberId, set.toString(), remove, v);
    }

    @Override
    public void consent(String tenantId, String memberId, String purpose, boolean granted, Instant at) {
        String attr = "marketing_push".equals(purpose) ? "push" : "personalization".equals(purpose) ? "personal" : null;
        if (attr == null) return;
        Map<String, AttributeValue> v = new HashMap<>();
        v.put(":g", AttributeValue.fromBool(granted));
        String set = "SET " + attr + " = :g";
        if ("push".equals(attr) && at != null) {
            v.put(":at", n(at.toEpochMilli()));
            set += ", pushAt = :at";
        }
        set(tenantId, memberId, set, v);
    }

    @Override
    public void points(String tenantId, String memberId, long balance) {
        set(tenantId, memberId, "SET points = :b", Map.of(":b", n(balance)));
    }

    /** One UpdateItem of if_not_exists sets: what the stream already wrote stays as it is. */
    @Override
    public void fill(String tenantId, com.zhidian.campaigns.domain.AudienceMember m, boolean hasPhone) {
        Map<String, AttributeValue> v = new HashMap<>();
        v.put(":a", AttributeValue.fromBool(m.active()));
        v.put(":p", AttributeValue.fromBool(m.active() && hasPhone));
        v.put(":g", AttributeValue.fromBool(m.active() && m.marketingPush()));
        v.put(":x", AttributeValue.fromBool(m.active() && m.personalization()));
        v.put(":b", n(m.active() ? m.pointsBalance() : 0));
        StringBuilder set = new StringBuilder("SET active = if_not_exists(active, :a), hasPhone = if_not_exists(hasPhone, :p)"
                + ", push = if_not_exists(push, :g), personal = if_not_exists(personal, :x), points = if_not_exists(points, :b)");
        if (m.createdAt() != null) {
            v.put(":c", n(m.createdAt().toEpochMilli()));
            set.append(", createdAt = if_not_exists(createdAt, :c)");
        }
        if (m.active() && m.marketingPushAnswered()) {
            // only its presence is read (withdrawn rather than never asked); the answer's time is not in the use case's view
            v.put(":pa", n(m.createdAt() == null ? 0 : m.createdAt().toEpochMilli()));
            set.append(", pushAt = if_not_exists(pushAt, :pa)");
        }
        if (m.active() && m.storeId() != null) {
            v.put(":s", s(m.storeId()));
            set.append(", storeId = if_not_exists(storeId, :s)");
        }
        if (m.active() && m.birthdayMonth() != null) {
            v.put(":m", n(m.birthdayMonth()));
            set.append(", bmonth = if_not_exists(bmonth, :m)");
        }
        set(tenantId, m.memberId(), set.toString(), v);
    }

    @Override
    public void bindWeChat(String tenantId, String memberId, String openId) {
        set(tenantId, memberId, "SET openid = :o", Map.of(":o", s(openId)));
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
