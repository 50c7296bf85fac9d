package com.zhidian.parking.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zhidian.core.Env;
import com.zhidian.core.aws.Dynamo;
import com.zhidian.core.paging.Cursor;
import com.zhidian.core.paging.Page;
import com.zhidian.core.paging.Pages;
import com.zhidian.parking.domain.CarPark;
import com.zhidian.parking.domain.FreeHours;
import com.zhidian.parking.domain.MemberParking;
import com.zhidian.parking.domain.ParkingRepository;
import com.zhidian.parking.domain.Session;
import com.zhidian.parking.domain.Tariff;
import com.zhidian.parking.domain.Zone;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Car parks (one item each), stays (one item each, versioned) with an open-stay marker per plate inside, members'
 * parking accounts (plates and card) with one item per bound plate; a completed stay carries a {@code ttl}.
 */
public final class DynamoParkingRepository implements ParkingRepository {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final DynamoDbClient db;
    private final String table = Env.tableName();
    private final Dynamo dynamo;

    public DynamoParkingRepository(DynamoDbClient db) {
        this.db = db;
        this.dynamo = new Dynamo(db, table);
    }

    private static AttributeValue s(String v) { return AttributeValue.fromS(v); }

    private static AttributeValue n(long v) { return AttributeValue.fromN(Long.toString(v)); }

    private static Map<String, AttributeValue> key(String pk, String sk) { return Map.of("pk", s(pk), "sk", s(sk)); }

    private Map<String, AttributeValue> get(String pk, String sk) {
        return dynamo.getConsistent(pk, sk).orElse(null);
    }

    // ---- car parks ----

    @Override
    public CarPark carPark(String tenantId, String storeId) {
        Map<String, AttributeValue> i = get(Keys.carParks(tenantId), storeId);
        if (i == null) return null;
        Map<String, Object> c = read(i.get("config").s());
        List<Zone> zones = new ArrayList<>();
        for (Map<String, Object> z : list(c.get("zones"))) zones.add(new Zone((String) z.get("zone"), ((Number) z.get("spaces")).intValue()));
        List<FreeHours> free = new ArrayList<>();
        for (Map<String, Object> f : list(c.get("memberFreeHours"))) {
            free.add(new FreeHours(((Number) f.get("spendFen")).longValue(), ((Number) f.get("hours")).intValue()));
        }
        @SuppressWarnings("unchecked") Map<String, Object> t = (Map<String, Object>) c.get("tariff");
        return new CarPark(storeId, (String) c.get("name"), zones, new Tariff(((Number) t.get("perHourFen")).longValue(),
                ((Number) t.get("freeMinutes")).intValue(), ((Number) t.get("dailyCapFen")).longValue()), free,
                ((Number) c.get("graceMinutes")).intValue(), Instant.parse((String) c.get("updatedAt")));
    }

    @Override
    public void saveCarPark(String tenantId, CarPark p) {
        Map<String, Object> c = new HashMap<>();
        c.put("name", p.name());
        c.put("zones", p.zones().stream().map(z -> Map.of("zone", z.zone(), "spaces", z.spaces())).toList());
        c.put("tariff", Map.of("perHourFen", p.tariff().perHourFen(), "freeMinutes", p.tariff().freeMinutes(), "dailyCapFen", p.tariff().dailyCapFen()));
        c.put("memberFreeHours", p.memberFreeHours().stream().map(f -> Map.of("spendFen", f.spendFen(), "hours", f.hours())).toList());
        c.put("graceMinutes", p.graceMinutes());
        c.put("updatedAt", p.updatedAt().toString());
        Map<String, AttributeValue> item = new HashMap<>(key(Keys.carParks(tenantId), p.storeId()));
        item.put("config", s(write(c)));
        db.putItem(b -> b.tableName(table).item(item));
    }

    // ---- stays ----

    @Override
    public boolean enter(String tenantId, Session s) {
        try {
            db.transactWriteItems(b -> b.transactItems(
                    TransactWriteItem.builder().put(p -> p.tableName(table).item(openItem(tenantId, s))
                            .conditionExpression("attribute_not_exists(pk)")).build(),
                    TransactWriteItem.builder().put(p -> p.tableName(table).item(sessionItem(tenantId, s, s.version()))
                            .conditionExpression("attribute_not_exists(pk)")).build()));
            return true;
        } catch (TransactionCanceledException taken) {
            return false;
        }
    }

    @Override
    public Session session(String tenantId, String storeId, String sessionId) {
        Map<String, AttributeValue> i = get(Keys.sessions(tenantId, storeId), sessionId);
        return i == null ? null : session(i);
    }

    @Override
    public Session openByPlate(String tenantId, String storeId, String plate) {
        Map<String, AttributeValue> marker = get(Keys.open(tenantId, storeId), plate);
        return marker == null ? null : session(tenantId, storeId, marker.get("sessionId").s());
    }

    @Override
    public boolean save(String tenantId, Session before, Session after) {
        List<TransactWriteItem> parts = new ArrayList<>();
        parts.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(sessionItem(tenantId, after, before.version() + 1))
                .conditionExpression("version = :v").expressionAttributeValues(Map.of(":v", n(before.version())))).build());
        if (after.open()) {
            parts.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(openItem(tenantId, after))).build());
        } else if (before.open()) {
            parts.add(TransactWriteItem.builder().delete(d -> d.tableName(table).key(key(Keys.open(tenantId, after.storeId()), before.plate()))
                    .conditionExpression("sessionId = :s").expressionAttributeValues(Map.of(":s", s(before.sessionId())))).build());
        }
        try {
            db.transactWriteItems(b -> b.transactItems(parts));
            return true;
        } catch (TransactionCanceledException moved) {
            return false;
        }
    }

    @Override
    public Page<Session> sessions(String tenantId, String storeId, String status, int limit, String cursor) {
        String pk = Keys.sessions(tenantId, storeId);
        QueryRequest.Builder q = QueryRequest.builder().tableName(table).keyConditionExpression("pk = :pk").scanIndexForward(false)
                .limit(Pages.fetch(limit)).exclusiveStartKey(Cursor.decode(pk, cursor));
        if (status == null) {
            q.expressionAttributeValues(Map.of(":pk", s(pk)));
        } else {
            q.filterExpression("#st = :st").expressionAttributeNames(Map.of("#st", "status"))
                    .expressionAttributeValues(Map.of(":pk", s(pk), ":st", s(status)));
        }
        QueryResponse r = db.query(q.build());
        return Pages.of(r, limit, pk, DynamoParkingRepository::session, "pk", "sk");
    }

    /** Stays of the last 7 days before {@code to} (longer stays are not counted) that had not left by {@code from}. */
    @Override
    public List<Session> overlapping(String tenantId, String storeId, Instant from, Instant to) {
        String lo = "ps_" + Long.toString(from.minusSeconds(7 * 86400).toEpochMilli(), 36);
        String hi = "ps_" + Long.toString(to.toEpochMilli() + 1, 36) + "~";
        List<Session> out = new ArrayList<>();
        for (Map<String, AttributeValue> i : dynamo.all(q -> q.keyConditionExpression("pk = :pk AND sk BETWEEN :lo AND :hi")
                .expressionAttributeValues(Map.of(":pk", s(Keys.sessions(tenantId, storeId)), ":lo", s(lo), ":hi", s(hi))))) {
            Session x = session(i);
            if (!x.enteredAt().isAfter(to) && (x.exitedAt() == null || !x.exitedAt().isBefore(from))) out.add(x);
        }
        return out;
    }

    @Override
    public List<Session> ofMember(String tenantId, String memberId, int limit) {
        QueryResponse r = db.query(b -> b.tableName(table).indexName("gsi1").keyConditionExpression("gsi1pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(Keys.memberStays(tenantId, memberId)))).scanIndexForward(false).limit(limit));
        return r.items().stream().map(DynamoParkingRepository::session).toList();
    }

    private Map<String, AttributeValue> openItem(String tenantId, Session s) {
        Map<String, AttributeValue> i = new HashMap<>(key(Keys.open(tenantId, s.storeId()), s.plate()));
        i.put("sessionId", s(s.sessionId()));
        if (s.zone() != null) i.put("zone", s(s.zone()));
        return i;
    }

    private Map<String, AttributeValue> sessionItem(String tenantId, Session x, long version) {
        Map<String, AttributeValue> i = new HashMap<>(key(Keys.sessions(tenantId, x.storeId()), x.sessionId()));
        i.put("storeId", s(x.storeId()));
        i.put("plate", s(x.plate()));
        if (x.memberId() != null) {
            i.put("memberId", s(x.memberId()));
            i.put("gsi1pk", s(Keys.memberStays(tenantId, x.memberId())));
            i.put("gsi1sk", s(x.sessionId()));
        }
        i.put("enteredAt", s(x.enteredAt().toString()));
        if (x.zone() != null) i.put("zone", s(x.zone()));
        if (x.space() != null) i.put("space", s(x.space()));
        i.put("status", s(x.status()));
        i.put("fee", n(x.fee()));
        i.put("paid", n(x.paid()));
        i.put("freeMinutes", n(x.freeMinutes()));
        if (x.paidAt() != null) i.put("paidAt", s(x.paidAt().toString()));
        if (x.exitedAt() != null) i.put("exitedAt", s(x.exitedAt().toString()));
        if (x.payment() != null) i.put("payment", s(x.payment()));
        if (x.failure() != null) i.put("failure", s(x.failure()));
        if (x.barrierAt() != null) i.put("barrierAt", s(x.barrierAt().toString()));
        if (x.exitThing() != null) i.put("exitThing", s(x.exitThing()));
        if (Session.COMPLETED.equals(x.status()) && x.exitedAt() != null) {
            i.put("ttl", n(x.exitedAt().plus(Session.RETENTION).getEpochSecond()));
        }
        i.put("version", n(version));
        return i;
    }

    private static Session session(Map<String, AttributeValue> i) {
        return new Session(i.get("sk").s(), str(i, "storeId"), str(i, "plate"), str(i, "memberId"), Instant.parse(str(i, "enteredAt")),
                str(i, "zone"), str(i, "space"), str(i, "status"), num(i, "fee"), num(i, "paid"), num(i, "freeMinutes"), time(i, "paidAt"),
                time(i, "exitedAt"), str(i, "payment"), str(i, "failure"), time(i, "barrierAt"), str(i, "exitThing"), num(i, "version"));
    }

    // ---- members' plates and cards ----

    @Override
    public MemberParking member(String tenantId, String memberId) {
        Map<String, AttributeValue> i = get(Keys.accounts(tenantId), memberId);
        if (i == null) return null;
        List<String> plates = i.containsKey("plates") ? i.get("plates").ss() : List.of();
        return new MemberParking(memberId, plates.stream().sorted().toList(), str(i, "customer"), str(i, "paymentMethod"), str(i, "cardLabel"));
    }

    @Override
    public boolean bind(String tenantId, String memberId, String plate) {
        try {
            db.transactWriteItems(b -> b.transactItems(
                    TransactWriteItem.builder().put(p -> p.tableName(table).item(Map.of("pk", s(Keys.plates(tenantId)), "sk", s(plate),
                            "memberId", s(memberId))).conditionExpression("attribute_not_exists(pk)")).build(),
                    TransactWriteItem.builder().update(u -> u.tableName(table).key(key(Keys.accounts(tenantId), memberId))
                            .updateExpression("ADD plates :p SET gsi1pk = :g, gsi1sk = :gs")
                            .expressionAttributeValues(Map.of(":p", AttributeValue.fromSs(List.of(plate)), ":g", s(Keys.ALL_ACCOUNTS),
                                    ":gs", s(Keys.accountSk(tenantId, memberId))))).build()));
            return true;
        } catch (TransactionCanceledException taken) {
            return false;
        }
    }

    @Override
    public void unbind(String tenantId, String memberId, String plate) {
        db.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().delete(d -> d.tableName(table).key(key(Keys.plates(tenantId), plate))
                        .conditionExpression("memberId = :m").expressionAttributeValues(Map.of(":m", s(memberId)))).build(),
                TransactWriteItem.builder().update(u -> u.tableName(table).key(key(Keys.accounts(tenantId), memberId))
                        .updateExpression("DELETE plates :p").expressionAttributeValues(Map.of(":p", AttributeValue.fromSs(List.of(plate))))).build()));
    }

    @Override
    public String memberOfPlate(String tenantId, String plate) {
        Map<String, AttributeValue> i = get(Keys.plates(tenantId), plate);
        return i == null ? null : i.get("memberId").s();
    }

    @Override
    public void saveCard(String tenantId, String memberId, String customer, String paymentMethod, String label) {
        db.updateItem(u -> u.tableName(table).key(key(Keys.accounts(tenantId), memberId))
                .updateExpression("SET customer = :c, paymentMethod = :pm, cardLabel = :l, gsi1pk = :g, gsi1sk = :gs")
                .expressionAttributeValues(Map.of(":c", s(customer), ":pm", s(paymentMethod), ":l", s(label), ":g", s(Keys.ALL_ACCOUNTS),
                        ":gs", s(Keys.accountSk(tenantId, memberId)))));
    }

    @Override
    public void eraseMember(String tenantId, String memberId) {
        MemberParking m = member(tenantId, memberId);
        if (m != null) {
            for (String plate : m.plates()) {
                db.deleteItem(d -> d.tableName(table).key(key(Keys.plates(tenantId), plate)));
            }
        }
        for (Session x : ofMember(tenantId, memberId, 1000)) {
            if (x.open()) continue; // a car still inside keeps its plate until it leaves; the next sweep erases it
            for (int attempt = 0; attempt < 3 && !save(tenantId, x, x.erased()); attempt++) x = session(tenantId, x.storeId(), x.sessionId());
        }
        boolean inside = ofMember(tenantId, memberId, 1000).stream().anyMatch(Session::open);
        if (!inside) db.deleteItem(d -> d.tableName(table).key(key(Keys.accounts(tenantId), memberId)));
    }

    @Override
    public List<String[]> membersWithPlates() {
        List<String[]> out = new ArrayList<>();
        for (Map<String, AttributeValue> i : dynamo.all(q -> q.indexName("gsi1").keyConditionExpression("gsi1pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(Keys.ALL_ACCOUNTS))))) {
            String sk = i.get("gsi1sk").s();
            int hash = sk.indexOf('#');
            out.add(new String[] {sk.substring(0, hash), sk.substring(hash + 1)});
        }
        return out;
    }

    // ---- space readings ahead of their stay ----

    @Override
    public void holdSpace(String tenantId, String storeId, String plate, HeldSpace reading) {
        Map<String, AttributeValue> item = new HashMap<>(key(Keys.heldSpaces(tenantId, storeId), plate));
        if (reading.zone() != null) item.put("zone", s(reading.zone()));
        item.put("space", s(reading.space()));
        item.put("at", s(reading.at().toString()));
        // DynamoDB's TTL removes it some time later; the service judges the window by "at" itself
        item.put("ttl", n(reading.at().getEpochSecond() + 3600));
        db.putItem(b -> b.tableName(table).item(item));
    }

    @Override
    public HeldSpace takeSpace(String tenantId, String storeId, String plate) {
        Map<String, AttributeValue> old = db.deleteItem(d -> d.tableName(table).key(key(Keys.heldSpaces(tenantId, storeId), plate))
                .returnValues(ReturnValue.ALL_OLD)).attributes();
        if (old == null || old.isEmpty()) return null;
        return new HeldSpace(str(old, "zone"), str(old, "space"), time(old, "at"));
    }

    // ---- codec ----

    private static String str(Map<String, AttributeValue> i, String k) {
        AttributeValue v = i.get(k);
        return v == null ? null : v.s();
    }

    private static long num(Map<String, AttributeValue> i, String k) {
        AttributeValue v = i.get(k);
        return v == null ? 0 : Long.parseLong(v.n());
    }

    private static Instant time(Map<String, AttributeValue> i, String k) {
        String v = str(i, k);
        return v == null ? null : Instant.parse(v);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return o == null ? List.of() : (List<Map<String, Object>>) o;
    }

    private static String write(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> read(String json) {
        try {
            return JSON.readValue(json, new TypeReference<>() {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
