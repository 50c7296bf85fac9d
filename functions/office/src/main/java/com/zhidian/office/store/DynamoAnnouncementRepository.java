package com.zhidian.office.store;

import static com.zhidian.core.aws.Items.s;
import static com.zhidian.core.aws.Items.str;

import com.zhidian.core.Env;
import com.zhidian.core.aws.Dynamo;
import com.zhidian.core.paging.Cursor;
import com.zhidian.core.paging.Page;
import com.zhidian.core.paging.Pages;
import com.zhidian.office.domain.Announcement;
import com.zhidian.office.domain.AnnouncementRepository;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Announcements (one item each, ids sorting by time) and read receipts: a read is two items written together, one
 * under the announcement (who read it) and one under the login (what they read), each only if new.
 */
public final class DynamoAnnouncementRepository implements AnnouncementRepository {
    private final DynamoDbClient db;
    private final String table = Env.tableName();

    public DynamoAnnouncementRepository(DynamoDbClient db) {
        this.db = db;
    }

    @Override
    public void add(String tenantId, Announcement a) {
        db.putItem(b -> b.tableName(table).conditionExpression("attribute_not_exists(pk)")
                .item(Map.of("pk", s(Keys.announcements(tenantId)), "sk", s(a.announcementId()), "doc", s(DynamoPatrolRepository.json(a)))));
    }

    @Override
    public Optional<Announcement> find(String tenantId, String announcementId) {
        Map<String, AttributeValue> i = db.getItem(b -> b.tableName(table)
                .key(Map.of("pk", s(Keys.announcements(tenantId)), "sk", s(announcementId)))).item();
        return i == null || i.isEmpty() ? Optional.empty() : Optional.of(DynamoPatrolRepository.read(i, Announcement.class));
    }

    @Override
    public Page<Announcement> list(String tenantId, int limit, String cursor) {
        String pk = Keys.announcements(tenantId);
        QueryResponse r = db.query(b -> b.tableName(table).keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", s(pk)))
                .scanIndexForward(false).limit(Pages.fetch(limit)).exclusiveStartKey(Cursor.decode(pk, cursor)));
        return Pages.of(r, limit, pk, i -> DynamoPatrolRepository.read(i, Announcement.class), "pk", "sk");
    }

    @Override
    public boolean markRead(String tenantId, String announcementId, Announcement.Receipt receipt) {
        Map<String, AttributeValue> byAnnouncement = Map.of("pk", s(Keys.receipts(tenantId, announcementId)), "sk", s(receipt.userId()),
                "name", s(receipt.name()), "readAt", s(receipt.readAt()));
        Map<String, AttributeValue> byLogin = Map.of("pk", s(Keys.reads(tenantId, receipt.userId())), "sk", s(announcementId),
                "readAt", s(receipt.readAt()));
        try {
            db.transactWriteItems(b -> b.transactItems(List.of(putNew(byAnnouncement), putNew(byLogin))));
            return true;
        } catch (TransactionCanceledException e) {
            if (e.cancellationReasons().stream().anyMatch(r -> "ConditionalCheckFailed".equals(r.code()))) return false;
            throw e;
        }
    }

    private TransactWriteItem putNew(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item).conditionExpression("attribute_not_exists(pk)").build()).build();
    }

    @Override
    public List<Announcement.Receipt> receipts(String tenantId, String announcementId) {
        List<Announcement.Receipt> out = new ArrayList<>();
        for (Map<String, AttributeValue> i : all(Keys.receipts(tenantId, announcementId))) {
            out.add(new Announcement.Receipt(str(i, "sk"), str(i, "name"), str(i, "readAt")));
        }
        return out;
    }

    @Override
    public Set<String> readBy(String tenantId, String userId, List<String> announcementIds) {
        Set<String> out = new HashSet<>();
        if (announcementIds.isEmpty()) return out;
        // only the reads between the oldest and the newest of these (ids sort by time): a login's reads grow for ever
        Set<String> wanted = new HashSet<>(announcementIds);
        String from = announcementIds.stream().min(String::compareTo).orElseThrow();
        String to = announcementIds.stream().max(String::compareTo).orElseThrow();
        for (Map<String, AttributeValue> i : Dynamo.all(db, QueryRequest.builder().tableName(table).keyConditionExpression("pk = :pk AND sk BETWEEN :a AND :b")
                .expressionAttributeValues(Map.of(":pk", s(Keys.reads(tenantId, userId)), ":a", s(from), ":b", s(to))))) {
            if (wanted.contains(str(i, "sk"))) out.add(str(i, "sk"));
        }
        return out;
    }

    private List<Map<String, AttributeValue>> all(String pk) {
        return Dynamo.all(db, QueryRequest.builder().tableName(table).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(pk))));
    }
}
