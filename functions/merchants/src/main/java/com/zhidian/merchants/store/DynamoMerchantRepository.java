package com.zhidian.merchants.store;

import static com.zhidian.core.aws.Items.n;
import static com.zhidian.core.aws.Items.s;
import static com.zhidian.core.aws.Items.str;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.zhidian.core.Env;
import com.zhidian.core.Json;
import com.zhidian.core.aws.Dynamo;
import com.zhidian.core.paging.Cursor;
import com.zhidian.core.paging.Page;
import com.zhidian.core.paging.Pages;
import com.zhidian.merchants.domain.Complaint;
import com.zhidian.merchants.domain.ComplaintRules;
import com.zhidian.merchants.domain.Counter;
import com.zhidian.merchants.domain.Merchant;
import com.zhidian.merchants.domain.MerchantRepository;
import com.zhidian.merchants.domain.MerchantsErrors;
import com.zhidian.merchants.domain.Photo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Merchants, counters and complaints in the single table. A merchant is written with its licence's item in one
 * transaction (one merchant per licence in a tenant); a complaint is one item holding its whole history as a JSON
 * document, replaced on a version condition, indexed by merchant (gsi1) and, while unanswered, by deadline (gsi2).
 */
public final class DynamoMerchantRepository implements MerchantRepository {
    /** How long a complaint's photo is kept after filing (DynamoDB TTL on its chunks); the complaint itself stays. */
    public static final java.time.Duration PHOTO_KEPT = java.time.Duration.ofDays(365);

    private final DynamoDbClient db;
    private final String table = Env.tableName();
    private final Dynamo dynamo;

    public DynamoMerchantRepository(DynamoDbClient db) {
        this.db = db;
        this.dynamo = new Dynamo(db, table);
    }

    @Override
    public void addMerchant(String tenantId, Merchant m) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(Keys.merchants(tenantId)));
        item.put("sk", s(m.merchantId()));
        item.put("name", s(m.name()));
        item.put("licenceNo", s(m.licenceNo()));
        item.put("category", s(m.category()));
        item.put("contactName", s(m.contactName()));
        item.put("contactPhone", s(m.contactPhone()));
        item.put("createdAt", s(m.createdAt()));
        Map<String, AttributeValue> licence = Map.of("pk", s(Keys.licences(tenantId)), "sk", s(m.licenceNo()), "merchantId", s(m.merchantId()));
        try {
            db.transactWriteItems(b -> b.transactItems(List.of(put(item), put(licence))));
        } catch (TransactionCanceledException e) {
            if (e.cancellationReasons().size() > 1 && "ConditionalCheckFailed".equals(e.cancellationReasons().get(1).code())) {
                throw new MerchantsErrors.LicenceTaken(m.licenceNo());
            }
            throw e;
        }
    }

    private TransactWriteItem put(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(pk)").build()).build();
    }

    @Override
    public Optional<Merchant> merchant(String tenantId, String merchantId) {
        return dynamo.get(Keys.merchants(tenantId), merchantId).map(DynamoMerchantRepository::toMerchant);
    }

    @Override
    public Page<Merchant> merchants(String tenantId, int limit, String cursor) {
        String pk = Keys.merchants(tenantId);
        QueryResponse r = db.query(b -> b.tableName(table).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(pk))).limit(Pages.fetch(limit)).exclusiveStartKey(Cursor.decode(pk, cursor)));
        return Pages.of(r, limit, pk, DynamoMerchantRepository::toMerchant, "pk", "sk");
    }

    @Override
    public Optional<Merchant> changeMerchant(String tenantId, String merchantId, Map<String, String> changes) {
        StringBuilder expr = new StringBuilder("SET ");
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        int i = 0;
        for (Map.Entry<String, String> c : changes.entrySet()) {
            if (i > 0) expr.append(", ");
            expr.append("#n").append(i).append(" = :v").append(i);
            names.put("#n" + i, c.getKey());
            values.put(":v" + i, s(c.getValue()));
            i++;
        }
        try {
            return Optional.of(toMerchant(db.updateItem(b -> b.tableName(table)
                    .key(Map.of("pk", s(Keys.merchants(tenantId)), "sk", s(merchantId)))
                    .updateExpression(expr.toString()).conditionExpression("attribute_exists(pk)")
                    .expressionAttributeNames(names).expressionAttributeValues(values).returnValues(ReturnValue.ALL_NEW)).attributes()));
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    @Override
    public void addCounter(String tenantId, Counter c) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(Keys.counters(tenantId)));
        item.put("sk", s(c.counterId()));
        item.put("storeId", s(c.storeId()));
        item.put("merchantId", s(c.merchantId()));
        item.put("floor", s(c.floor()));
        item.put("location", s(c.location()));
        item.put("createdAt", s(c.createdAt()));
        item.put("gsi1pk", s(Keys.storeCounters(tenantId, c.storeId())));
        item.put("gsi1sk", s(c.counterId()));
        db.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
    }

    @Override
    public Optional<Counter> counter(String tenantId, String counterId) {
        return dynamo.get(Keys.counters(tenantId), counterId).map(DynamoMerchantRepository::toCounter);
    }

    @Override
    public List<Counter> counters(String tenantId, String storeId) {
        return dynamo.all(q -> q.indexName("gsi1").keyConditionExpression("gsi1pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(Keys.storeCounters(tenantId, storeId)))))
                .stream().map(DynamoMerchantRepository::toCounter).toList();
    }

    @Override
    public void addComplaint(String tenantId, Complaint c) {
        Map<String, AttributeValue> item = complaintItem(tenantId, c);
        db.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
    }

    /**
     * The complaint and its photo's chunks in one transaction (never a complaint whose photo is half written): each
     * chunk an item of at most {@link Photo#CHUNK} bytes in the complaint's own photo partition, with a TTL
     * {@link #PHOTO_KEPT} after filing.
     */
    @Override
    public void addComplaint(String tenantId, Complaint c, byte[] photo) {
        if (photo == null || c.photo() == null) {
            addComplaint(tenantId, c);
            return;
        }
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(complaintItem(tenantId, c))
                .conditionExpression("attribute_not_exists(pk)").build()).build());
        long expires = java.time.Instant.parse(c.receivedAt()).plus(PHOTO_KEPT).getEpochSecond();
        for (int n = 0; n < c.photo().chunks(); n++) {
            int from = n * Photo.CHUNK;
            byte[] part = java.util.Arrays.copyOfRange(photo, from, Math.min(photo.length, from + Photo.CHUNK));
            Map<String, AttributeValue> chunk = new HashMap<>();
            chunk.put("pk", s(Keys.complaintPhoto(tenantId, c.complaintId())));
            chunk.put("sk", s(Keys.photoChunk(n)));
            chunk.put("bytes", AttributeValue.fromB(SdkBytes.fromByteArray(part)));
            chunk.put("ttl", n(expires));
            writes.add(put(chunk));
        }
        db.transactWriteItems(b -> b.transactItems(writes));
    }

    @Override
    public Optional<byte[]> photo(String tenantId, String complaintId, Photo photo, java.time.Instant now) {
        List<Map<String, AttributeValue>> items = dynamo.all(q -> q.consistentRead(true)
                .keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", s(Keys.complaintPhoto(tenantId, complaintId)))));
        if (items.size() != photo.chunks()) return Optional.empty();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(photo.size());
        for (Map<String, AttributeValue> i : items) {
            // DynamoDB deletes an expired item within days, not at once: past its TTL it is gone already
            if (i.containsKey("ttl") && Long.parseLong(i.get("ttl").n()) <= now.getEpochSecond()) return Optional.empty();
            out.writeBytes(i.get("bytes").b().asByteArray());
        }
        return out.size() == photo.size() ? Optional.of(out.toByteArray()) : Optional.empty();
    }

    @Override
    public Optional<Complaint> complaint(String tenantId, String complaintId) {
        return dynamo.get(Keys.complaints(tenantId), complaintId).map(DynamoMerchantRepository::toComplaint);
    }

    @Override
    public boolean replaceComplaint(String tenantId, Complaint c, long expectedVersion) {
        try {
            db.putItem(b -> b.tableName(table).item(complaintItem(tenantId, c)).conditionExpression("v = :v")
                    .expressionAttributeValues(Map.of(":v", n(expectedVersion))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public List<Complaint> complaintsOf(String tenantId, String merchantId) {
        return dynamo.all(q -> q.indexName("gsi1").keyConditionExpression("gsi1pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(Keys.merchantComplaints(tenantId, merchantId)))))
                .stream().map(DynamoMerchantRepository::toComplaint).toList();
    }

    @Override
    public Page<Complaint> complaints(String tenantId, String status, List<String> storeIds, int limit, String cursor) {
        String pk = Keys.complaints(tenantId);
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pk", s(pk));
        List<String> filters = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        if (status != null) {
            filters.add("#st = :st");
            names.put("#st", "status");
            values.put(":st", s(status));
        }
        if (storeIds != null) {
            List<String> in = new ArrayList<>();
            for (int i = 0; i < storeIds.size(); i++) {
                in.add(":s" + i);
                values.put(":s" + i, s(storeIds.get(i)));
            }
            filters.add("storeId IN (" + String.join(", ", in) + ")");
        }
        QueryRequest.Builder q = QueryRequest.builder().tableName(table).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(values).scanIndexForward(false).limit(Pages.fetch(limit))
                .exclusiveStartKey(Cursor.decode(pk, cursor));
        if (!filters.isEmpty()) q.filterExpression(String.join(" AND ", filters));
        if (!names.isEmpty()) q.expressionAttributeNames(names);
        return Pages.of(db.query(q.build()), limit, pk, DynamoMerchantRepository::toComplaint, "pk", "sk");
    }

    @Override
    public List<Map.Entry<String, String>> overdue(String nowIso, int max) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (int shard = 0; shard < Keys.DUE_SHARDS && out.size() < max; shard++) {
            String pk = Keys.dueShard(shard);
            int left = max - out.size();
            QueryResponse r = db.query(b -> b.tableName(table).indexName("gsi2").keyConditionExpression("gsi2pk = :pk AND gsi2sk <= :now")
                    .expressionAttributeValues(Map.of(":pk", s(pk), ":now", s(nowIso + "~"))).limit(left));
            for (Map<String, AttributeValue> i : r.items()) out.add(Map.entry(str(i, "tenantId"), str(i, "sk")));
        }
        return out;
    }

    private Map<String, AttributeValue> complaintItem(String tenantId, Complaint c) {
        Map<String, AttributeValue> i = new HashMap<>();
        i.put("pk", s(Keys.complaints(tenantId)));
        i.put("sk", s(c.complaintId()));
        i.put("tenantId", s(tenantId));
        i.put("storeId", s(c.storeId()));
        i.put("status", s(c.status()));
        i.put("v", n(c.version()));
        i.put("gsi1pk", s(Keys.merchantComplaints(tenantId, c.merchantId())));
        i.put("gsi1sk", s(c.complaintId()));
        // waiting for an answer and not yet flagged: the deadline job finds it by its deadline
        if (ComplaintRules.RECEIVED.equals(c.status()) && !c.late()) {
            i.put("gsi2pk", s(Keys.dueShard(c.complaintId())));
            i.put("gsi2sk", s(Keys.dueSort(c.answerBy(), tenantId, c.complaintId())));
        }
        try {
            i.put("doc", s(Json.MAPPER.writeValueAsString(c)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return i;
    }

    private static Merchant toMerchant(Map<String, AttributeValue> i) {
        return new Merchant(str(i, "sk"), str(i, "name"), str(i, "licenceNo"), str(i, "category"), str(i, "contactName"),
                str(i, "contactPhone"), str(i, "createdAt"));
    }

    private static Counter toCounter(Map<String, AttributeValue> i) {
        return new Counter(str(i, "sk"), str(i, "storeId"), str(i, "merchantId"), str(i, "floor"), str(i, "location"), str(i, "createdAt"));
    }

    private static Complaint toComplaint(Map<String, AttributeValue> i) {
        try {
            return Json.MAPPER.readValue(str(i, "doc"), Complaint.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
