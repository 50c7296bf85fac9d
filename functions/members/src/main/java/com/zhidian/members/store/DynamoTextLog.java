package com.zhidian.members.store;

import static com.zhidian.core.aws.Items.key;
import static com.zhidian.core.aws.Items.n;
import static com.zhidian.core.aws.Items.num;

import com.zhidian.core.Env;
import com.zhidian.members.domain.TextLog;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * One item per phone beside its phone claim ({@code T#<tenant>#PHONE#<phone>}, sk {@code TEXTS}): the times codes were
 * texted in the last day, a version for the conditional write, and a TTL of a day after the last send, so the phone
 * is not kept longer than the allowance needs it.
 */
public final class DynamoTextLog implements TextLog {
    static final String SK = "TEXTS";
    private final DynamoDbClient db;
    private final String table = Env.tableName();

    public DynamoTextLog(DynamoDbClient db) {
        this.db = db;
    }

    @Override
    public Sent read(String tenantId, String phone) {
        Map<String, AttributeValue> i = db.getItem(b -> b.tableName(table).key(key(Keys.phone(tenantId, phone), SK)).consistentRead(true)).item();
        if (i == null || i.isEmpty()) return new Sent(List.of(), 0);
        List<Instant> at = i.containsKey("sent") ? i.get("sent").l().stream().map(v -> Instant.ofEpochMilli(Long.parseLong(v.n()))).toList() : List.of();
        return new Sent(at, num(i, "version"));
    }

    @Override
    public boolean write(String tenantId, String phone, List<Instant> at, long version) {
        Map<String, AttributeValue> item = key(Keys.phone(tenantId, phone), SK);
        item.put("sent", AttributeValue.fromL(at.stream().map(t -> n(t.toEpochMilli())).toList()));
        item.put("version", n(version + 1));
        item.put("ttl", n(at.get(at.size() - 1).getEpochSecond() + 86_400));
        try {
            db.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression(version == 0 ? "attribute_not_exists(pk)" : "version = :v")
                    .expressionAttributeValues(version == 0 ? null : Map.of(":v", n(version))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }
}
