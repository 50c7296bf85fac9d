package com.zhidian.campaigns.store;

import static com.zhidian.core.aws.Items.key;
import static com.zhidian.core.aws.Items.n;
import static com.zhidian.core.aws.Items.num;
import static com.zhidian.core.aws.Items.s;
import static com.zhidian.core.aws.Items.str;

import com.fasterxml.jackson.core.type.TypeReference;
import com.zhidian.campaigns.domain.Campaign;
import com.zhidian.campaigns.domain.CampaignRepository;
import com.zhidian.campaigns.domain.Delivery;
import com.zhidian.campaigns.domain.Message;
import com.zhidian.campaigns.domain.Outcome;
import com.zhidian.core.Env;
import com.zhidian.core.Json;
import com.zhidian.core.paging.Cursor;
import com.zhidian.core.paging.Page;
import com.zhidian.core.paging.Pages;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Campaigns with their deliveries in one partition each; the member's contacts (for the cap); messages in the
 * member's centre (in-app) or the channel's outbox (SMS, WeChat). A delivery is one TransactWriteItems over the
 * delivery, the message and the contacts: a second delivery of the same member fails its condition.
 */
public final class DynamoCampaignRepository implements CampaignRepository {
    private static final String NOT_FINISHED = "attribute_not_exists(pk) OR #st = :deferred";
    private final DynamoDbClient db;
    private final String table = Env.tableName();

    /** The wall clock of the summaries' change stamps (the contacts live on the summary item). */
    private final java.util.function.LongSupplier stamps;

    public DynamoCampaignRepository(DynamoDbClient db) {
        this(db, System::currentTimeMillis);
    }

    public DynamoCampaignRepository(DynamoDbClient db, java.util.function.LongSupplier stamps) {
        this.db = db;
        this.stamps = stamps;
    }

    @Override
    public void create(Campaign c) {
        db.putItem(b -> b.tableName(table).item(campaignItem(c)).conditionExpression("attribute_not_exists(pk)"));
    }

    @Override
    public Optional<Campaign> get(String tenantId, String campaignId) {
        Map<String, AttributeValue> item = db.getItem(b -> b.tableName(table)
                .key(key(Keys.campaign(tenantId, campaignId), Keys.META)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(campaign(item));
    }

    @Override
    public Page<Campaign> list(String tenantId, int limit, String cursor) {
        String pk = Keys.campaignList(tenantId);
        return Pages.of(index(pk, limit, cursor), limit, pk, DynamoCampaignRepository::campaign, "pk", "sk", "gsi1pk", "gsi1sk");
    }

    @Override
    public boolean replace(Campaign next, String expectedStatus) {
        try {
            db.putItem(b -> b.tableName(table).item(campaignItem(next)).conditionExpression("#st = :expected")
                    .expressionAttributeNames(Map.of("#st", "status"))
                    .expressionAttributeValues(Map.of(":expected", s(expectedStatus))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public List<Campaign> dueScheduled(Instant now, int limit) {
        QueryResponse r = db.query(b -> b.tableName(table).indexName("gsi2").keyConditionExpression("gsi2pk = :pk AND gsi2sk <= :until")
                .expressionAttributeValues(Map.of(":pk", s(Keys.DUE), ":until", s(Keys.dueUntil(now)))).limit(limit));
        return r.items().stream().map(DynamoCampaignRepository::campaign).toList();
    }

    private QueryResponse index(String pk, int limit, String cursor) {
        return db.query(b -> b.tableName(table).indexName("gsi1").keyConditionExpression("gsi1pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(pk))).scanIndexForward(false).limit(Pages.fetch(limit))
                .exclusiveStartKey(Cursor.decode(pk, cursor)));
    }

    private static Map<String, AttributeValue> campaignItem(Campaign c) {
        Map<String, AttributeValue> item = key(Keys.campaign(c.tenantId(), c.campaignId()), Keys.META);
        item.put("gsi1pk", s(Keys.campaignList(c.tenantId())));
        item.put("gsi1sk", s(Keys.listSk(c.createdAt(), c.campaignId())));
        item.put("tenantId", s(c.tenantId()));
        item.put("campaignId", s(c.campaignId()));
        item.put("title", s(c.title()));
        item.put("body", s(c.body()));
        item.put("channel", s(c.channel()));
        item.put("segmentId", s(c.segmentId()));
        if (c.couponTemplateId() != null) item.put("couponTemplateId", s(c.couponTemplateId()));
        if (c.sendAt() != null) item.put("sendAt", n(c.sendAt().toEpochMilli()));
        item.put("holdoutPercent", n(c.holdoutPercent()));
        item.put("status", s(c.status()));
        item.put("createdAt", n(c.createdAt().toEpochMilli()));
        if (c.sentAt() != null) item.put("sentAt", n(c.sentAt().toEpochMilli()));
        item.put("queued", n(c.queued()));
        if (Campaign.SCHEDULED.equals(c.status()) && c.sendAt() != null) {
            item.put("gsi2pk", s(Keys.DUE));
            item.put("gsi2sk", s(Keys.dueSk(c.sendAt(), c.tenantId(), c.campaignId())));
        }
        return item;
    }

    private static Campaign campaign(Map<String, AttributeValue> i) {
        return new Campaign(str(i, "tenantId"), str(i, "campaignId"), str(i, "title"), str(i, "body"), str(i, "channel"),
                str(i, "segmentId"), str(i, "couponTemplateId"), time(i, "sendAt"), (int) num(i, "holdoutPercent"),
                str(i, "status"), time(i, "createdAt"), time(i, "sentAt"), num(i, "queued"));
    }

    private static Instant time(Map<String, AttributeValue> i, String name) {
        return i.containsKey(name) ? Instant.ofEpochMilli(num(i, name)) : null;
    }

    // ---- deliveries ----

    @Override
    public Optional<Delivery> delivery(String tenantId, String campaignId, String memberId) {
        Map<String, AttributeValue> item = db.getItem(b -> b.tableName(table)
                .key(key(Keys.campaign(tenantId, campaignId), Keys.deliverySk(memberId))).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(delivery(item));
    }

    @Override
    public Page<Delivery> deliveries(String tenantId, String campaignId, int limit, String cursor) {
        String pk = Keys.campaign(tenantId, campaignId);
        QueryResponse r = db.query(b -> b.tableName(table).keyConditionExpression("pk = :pk AND begins_with(sk, :d)")
                .expressionAttributeValues(Map.of(":pk", s(pk), ":d", s(Keys.DELIVERY_PREFIX))).limit(Pages.fetch(limit))
                .exclusiveStartKey(Cursor.decode(pk + "#D", cursor)));
        return Pages.of(r, limit, pk + "#D", DynamoCampaignRepository::delivery, "pk", "sk");
    }

    @Override
    public Map<String, Long> counts(String tenantId, String campaignId) {
        Map<String, Long> out = new TreeMap<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse r = db.query(b -> b.tableName(table).keyConditionExpression("pk = :pk AND begins_with(sk, :d)")
                    .expressionAttributeValues(Map.of(":pk", s(Keys.campaign(tenantId, campaignId)), ":d", s(Keys.DELIVERY_PREFIX)))
                    .projectionExpression("#st, reason").expressionAttributeNames(Map.of("#st", "status")).exclusiveStartKey(from));
            for (Map<String, AttributeValue> i : r.items()) {
                String status = str(i, "status");
                out.merge(str(i, "reason") == null ? status : status + ":" + str(i, "reason"), 1L, Long::sum);
            }
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    @Override
    public List<Outcome> outcomes(String tenantId, String campaignId) {
        List<Outcome> out = new java.util.ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse r = db.query(b -> b.tableName(table).keyConditionExpression("pk = :pk AND begins_with(sk, :d)")
                    .expressionAttributeValues(Map.of(":pk", s(Keys.campaign(tenantId, campaignId)), ":d", s(Keys.DELIVERY_PREFIX)))
                    .exclusiveStartKey(from));
            for (Map<String, AttributeValue> i : r.items()) {
                String code = str(i, "couponCode");
                out.add(new Outcome(str(i, "memberId"), str(i, "status"), str(i, "reason"), time(i, "at"),
                        code == null || code.isEmpty() ? null : code, time(i, Outcome.READ), time(i, Outcome.UNSUBSCRIBED)));
            }
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    @Override
    public void mark(String tenantId, String campaignId, String memberId, String mark, Instant at) {
        try {
            db.updateItem(b -> b.tableName(table).key(key(Keys.campaign(tenantId, campaignId), Keys.deliverySk(memberId)))
                    .updateExpression("SET #m = :at").conditionExpression("attribute_exists(pk) AND attribute_not_exists(#m)")
                    .expressionAttributeNames(Map.of("#m", mark)).expressionAttributeValues(Map.of(":at", n(at.toEpochMilli()))));
        } catch (ConditionalCheckFailedException e) {
            // marked already, or no delivery (a message of a campaign deleted meanwhile): nothing to change
        }
    }

    @Override
    public boolean record(Delivery d) {
        try {
            db.putItem(b -> b.tableName(table).item(deliveryItem(d)).conditionExpression(NOT_FINISHED)
                    .expressionAttributeNames(Map.of("#st", "status"))
                    .expressionAttributeValues(Map.of(":deferred", s(Delivery.DEFERRED))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private static final TypeReference<List<Long>> TIMES = new TypeReference<>() {};

    /** The contacts live on the member's summary item (Keys.profiles), beside the openid and what the streams keep. */
    @Override
    public Contacts contacts(String tenantId, String memberId) {
        Map<String, AttributeValue> item = db.getItem(b -> b.tableName(table)
                .key(key(Keys.profiles(tenantId), memberId)).consistentRead(true)).item();
        return contacts(item);
    }

    private static Contacts contacts(Map<String, AttributeValue> item) {
        if (item == null || item.isEmpty()) return new Contacts(List.of(), 0);
        return new Contacts(times(item), item.containsKey("cver") ? num(item, "cver") : 0, str(item, "openid"));
    }

    static List<Instant> times(Map<String, AttributeValue> item) {
        if (!item.containsKey("times")) return List.of();
        try {
            return Json.MAPPER.readValue(str(item, "times"), TIMES).stream().map(Instant::ofEpochMilli).toList();
        } catch (Exception e) {
            throw new IllegalStateException("unreadable contacts of " + item.get("sk"), e);
        }
    }

    @Override
    public Map<String, Delivery> deliveries(String tenantId, String campaignId, java.util.Collection<String> memberIds) {
        Map<String, Delivery> out = new HashMap<>();
        List<Map<String, AttributeValue>> keys = memberIds.stream().distinct()
                .map(m -> key(Keys.campaign(tenantId, campaignId), Keys.deliverySk(m))).toList();
        for (Map<String, AttributeValue> i : batchGet(keys)) out.put(str(i, "memberId"), delivery(i));
        return out;
    }

    @Override
    public Map<String, Contacts> contacts(String tenantId, java.util.Collection<String> memberIds) {
        Map<String, Contacts> out = new HashMap<>();
        List<Map<String, AttributeValue>> keys = memberIds.stream().distinct().map(m -> key(Keys.profiles(tenantId), m)).toList();
        for (Map<String, AttributeValue> i : batchGet(keys)) out.put(i.get("sk").s(), contacts(i));
        for (String m : memberIds) out.putIfAbsent(m, new Contacts(List.of(), 0));
        return out;
    }

    /** The campaign, the tenant's push settings, the deliveries and the contacts in one BatchGetItem (strongly consistent; 2 + 2 × 33 keys at most). */
    @Override
    public BatchState batchState(String tenantId, String campaignId, java.util.Collection<String> memberIds) {
        String pk = Keys.campaign(tenantId, campaignId);
        List<String> ids = memberIds.stream().distinct().toList();
        List<Map<String, AttributeValue>> keys = new java.util.ArrayList<>();
        keys.add(key(pk, Keys.META));
        keys.add(key(Keys.settings(tenantId), Keys.PUSH_SETTINGS));
        for (String m : ids) keys.add(key(pk, Keys.deliverySk(m)));
        for (String m : ids) keys.add(key(Keys.profiles(tenantId), m));
        Optional<Campaign> campaign = Optional.empty();
        Map<String, Delivery> deliveries = new HashMap<>();
        Map<String, Contacts> contacts = new HashMap<>();
        com.zhidian.campaigns.domain.PushSettings settings = com.zhidian.campaigns.domain.PushSettings.DEFAULT;
        for (Map<String, AttributeValue> i : batchGet(keys)) {
            String sk = i.get("sk").s();
            if (Keys.settings(tenantId).equals(i.get("pk").s())) settings = DynamoSegmentRepository.settings(i);
            else if (!pk.equals(i.get("pk").s())) contacts.put(sk, contacts(i));
            else if (Keys.META.equals(sk)) campaign = Optional.of(campaign(i));
            else deliveries.put(str(i, "memberId"), delivery(i));
        }
        for (String m : ids) contacts.putIfAbsent(m, new Contacts(List.of(), 0));
        return new BatchState(campaign, deliveries, contacts, Optional.of(settings));
    }

    /** BatchGetItem, strongly consistent, with its unprocessed keys asked again (at most 100 keys a call). */
    private List<Map<String, AttributeValue>> batchGet(List<Map<String, AttributeValue>> keys) {
        List<Map<String, AttributeValue>> out = new java.util.ArrayList<>();
        for (int from = 0; from < keys.size(); from += 100) {
            List<Map<String, AttributeValue>> ask = keys.subList(from, Math.min(keys.size(), from + 100));
            while (!ask.isEmpty()) {
                List<Map<String, AttributeValue>> now = ask;
                var r = db.batchGetItem(b -> b.requestItems(Map.of(table,
                        software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes.builder().keys(now).consistentRead(true).build())));
                out.addAll(r.responses().getOrDefault(table, List.of()));
                var left = r.unprocessedKeys().get(table);
                ask = left == null ? List.of() : left.keys();
            }
        }
        return out;
    }

    @Override
    public boolean deliver(Delivery d, Message m, Contacts before, List<Instant> after) {
        try {
            db.transactWriteItems(b -> b.transactItems(deliverWrites(new Write(d, m, before, after))));
            return true;
        } catch (TransactionCanceledException e) {
            return false;
        }
    }

    @Override
    public boolean commit(List<Write> writes) {
        if (writes.isEmpty()) return true;
        List<TransactWriteItem> all = new java.util.ArrayList<>();
        for (Write w : writes) {
            if (w.message() == null) {
                all.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(deliveryItem(w.delivery()))
                        .conditionExpression(NOT_FINISHED).expressionAttributeNames(Map.of("#st", "status"))
                        .expressionAttributeValues(Map.of(":deferred", s(Delivery.DEFERRED)))).build());
            } else {
                all.addAll(deliverWrites(w));
            }
        }
        if (all.size() > 100) throw new IllegalArgumentException("a transaction holds at most 100 writes: " + all.size());
        try {
            db.transactWriteItems(b -> b.transactItems(all));
            return true;
        } catch (TransactionCanceledException e) {
            return false;
        }
    }

    /** The delivery (unless finished), the message (new) and the contacts on the summary item (at the version read). */
    private List<TransactWriteItem> deliverWrites(Write w) {
        Delivery d = w.delivery();
        TransactWriteItem delivery = TransactWriteItem.builder().put(p -> p.tableName(table).item(deliveryItem(d))
                .conditionExpression(NOT_FINISHED).expressionAttributeNames(Map.of("#st", "status"))
                .expressionAttributeValues(Map.of(":deferred", s(Delivery.DEFERRED)))).build();
        TransactWriteItem message = TransactWriteItem.builder().put(p -> p.tableName(table).item(messageItem(w.message()))
                .conditionExpression("attribute_not_exists(pk)")).build();
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":t", s(Json.write(w.after().stream().map(Instant::toEpochMilli).toList())));
        values.put(":nv", n(w.before().version() + 1));
        if (w.before().version() != 0) values.put(":v", n(w.before().version()));
        TransactWriteItem contact = TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(key(Keys.profiles(d.tenantId()), d.memberId()))
                .updateExpression("SET times = :t, cver = :nv" + DynamoSegmentRepository.changed(values, d.tenantId(), d.memberId(), stamps.getAsLong()))
                .conditionExpression(w.before().version() == 0 ? "attribute_not_exists(cver)" : "cver = :v")
                .expressionAttributeValues(values)).build();
        return List.of(delivery, message, contact);
    }

    @Override
    public void attachCoupon(Delivery d, String channel, String couponCode) {
        db.updateItem(b -> b.tableName(table).key(key(Keys.campaign(d.tenantId(), d.campaignId()), Keys.deliverySk(d.memberId())))
                .updateExpression("SET couponCode = :c").expressionAttributeValues(Map.of(":c", s(couponCode))));
        if (couponCode.isEmpty()) return;
        db.updateItem(b -> b.tableName(table).key(messageKey(d.tenantId(), d.memberId(), channel, d.messageId()))
                .updateExpression("SET couponCode = :c").expressionAttributeValues(Map.of(":c", s(couponCode))));
    }

    private static Map<String, AttributeValue> deliveryItem(Delivery d) {
        Map<String, AttributeValue> item = key(Keys.campaign(d.tenantId(), d.campaignId()), Keys.deliverySk(d.memberId()));
        item.put("tenantId", s(d.tenantId()));
        item.put("campaignId", s(d.campaignId()));
        item.put("memberId", s(d.memberId()));
        item.put("status", s(d.status()));
        if (d.reason() != null) item.put("reason", s(d.reason()));
        item.put("at", n(d.at().toEpochMilli()));
        if (d.until() != null) item.put("until", n(d.until().toEpochMilli()));
        if (d.messageId() != null) item.put("messageId", s(d.messageId()));
        if (d.couponCode() != null) item.put("couponCode", s(d.couponCode()));
        return item;
    }

    private static Delivery delivery(Map<String, AttributeValue> i) {
        return new Delivery(str(i, "tenantId"), str(i, "campaignId"), str(i, "memberId"), str(i, "status"), str(i, "reason"),
                time(i, "at"), time(i, "until"), str(i, "messageId"), str(i, "couponCode"));
    }

    // ---- messages ----

    private static Map<String, AttributeValue> messageKey(String tenantId, String memberId, String channel, String messageId) {
        String pk = Campaign.IN_APP.equals(channel) ? Keys.inbox(tenantId, memberId) : Keys.outbox(tenantId, channel);
        return key(pk, Keys.MESSAGE_PREFIX + messageId);
    }

    private static String listPk(Message m) {
        return Campaign.IN_APP.equals(m.channel()) ? Keys.inbox(m.tenantId(), m.memberId()) + "#L" : Keys.outbox(m.tenantId(), m.channel()) + "#L";
    }

    private static Map<String, AttributeValue> messageItem(Message m) {
        Map<String, AttributeValue> item = new HashMap<>(messageKey(m.tenantId(), m.memberId(), m.channel(), m.messageId()));
        item.put("gsi1pk", s(listPk(m)));
        item.put("gsi1sk", s(Keys.listSk(m.sentAt(), m.messageId())));
        item.put("tenantId", s(m.tenantId()));
        item.put("memberId", s(m.memberId()));
        item.put("messageId", s(m.messageId()));
        item.put("campaignId", s(m.campaignId()));
        item.put("channel", s(m.channel()));
        item.put("title", s(m.title()));
        item.put("body", s(m.body()));
        item.put("unsubscribeToken", s(m.unsubscribeToken()));
        item.put("sentAt", n(m.sentAt().toEpochMilli()));
        return item;
    }

    private static Message message(Map<String, AttributeValue> i) {
        String code = str(i, "couponCode");
        return new Message(str(i, "tenantId"), str(i, "memberId"), str(i, "messageId"), str(i, "campaignId"), str(i, "channel"),
                str(i, "title"), str(i, "body"), code == null || code.isEmpty() ? null : code, str(i, "unsubscribeToken"),
                time(i, "sentAt"), time(i, "readAt"));
    }

    @Override
    public Page<Message> messages(String tenantId, String memberId, int limit, String cursor) {
        String pk = Keys.inbox(tenantId, memberId) + "#L";
        return Pages.of(index(pk, limit, cursor), limit, pk, DynamoCampaignRepository::message, "pk", "sk", "gsi1pk", "gsi1sk");
    }

    @Override
    public long unread(String tenantId, String memberId) {
        long count = 0;
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse r = db.query(b -> b.tableName(table).indexName("gsi1").keyConditionExpression("gsi1pk = :pk")
                    .filterExpression("attribute_not_exists(readAt)").select(Select.COUNT)
                    .expressionAttributeValues(Map.of(":pk", s(Keys.inbox(tenantId, memberId) + "#L"))).exclusiveStartKey(from));
            count += r.count();
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        return count;
    }

    @Override
    public Optional<Message> message(String tenantId, String memberId, String messageId) {
        Map<String, AttributeValue> item = db.getItem(b -> b.tableName(table)
                .key(messageKey(tenantId, memberId, Campaign.IN_APP, messageId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(message(item));
    }

    @Override
    public void markRead(String tenantId, String memberId, String messageId, Instant at) {
        try {
            db.updateItem(b -> b.tableName(table).key(messageKey(tenantId, memberId, Campaign.IN_APP, messageId))
                    .updateExpression("SET readAt = :at").conditionExpression("attribute_exists(pk) AND attribute_not_exists(readAt)")
                    .expressionAttributeValues(Map.of(":at", n(at.toEpochMilli()))));
        } catch (ConditionalCheckFailedException e) {
            // read already (or gone): nothing to change
        }
    }

    @Override
    public Page<Message> outbox(String tenantId, String channel, int limit, String cursor) {
        String pk = Keys.outbox(tenantId, channel) + "#L";
        return Pages.of(index(pk, limit, cursor), limit, pk, DynamoCampaignRepository::message, "pk", "sk", "gsi1pk", "gsi1sk");
    }

    @Override
    public Page<OutboxEntry> outboxEntries(String tenantId, String channel, int limit, String cursor) {
        String pk = Keys.outbox(tenantId, channel) + "#L";
        return Pages.of(index(pk, limit, cursor), limit, pk, i -> new OutboxEntry(message(i), str(i, "toMasked"), str(i, "dispatchedVia")),
                "pk", "sk", "gsi1pk", "gsi1sk");
    }

    @Override
    public void markDispatched(String tenantId, String channel, String messageId, String via, String providerId, Instant at) {
        markDispatched(tenantId, channel, messageId, via, providerId, at, null);
    }

    @Override
    public boolean dispatched(String tenantId, String channel, String messageId) {
        Map<String, AttributeValue> item = db.getItem(b -> b.tableName(table).key(messageKey(tenantId, null, channel, messageId))
                .consistentRead(true).projectionExpression("dispatchedAt")).item();
        return item != null && item.containsKey("dispatchedAt");
    }

    @Override
    public void markDispatched(String tenantId, String channel, String messageId, String via, String providerId, Instant at,
                               String toMasked) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":at", n(at.toEpochMilli()), ":via", s(via)));
        String set = "SET dispatchedAt = :at, dispatchedVia = :via" + (providerId == null ? "" : ", providerMessageId = :pid")
                + (toMasked == null ? "" : ", toMasked = :to");
        if (providerId != null) values.put(":pid", s(providerId));
        if (toMasked != null) values.put(":to", s(toMasked));
        try {
            db.updateItem(b -> b.tableName(table).key(messageKey(tenantId, null, channel, messageId)).updateExpression(set)
                    .conditionExpression("attribute_exists(pk) AND attribute_not_exists(dispatchedAt)").expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException e) {
            // marked by an earlier run of the same job
        }
    }
}
