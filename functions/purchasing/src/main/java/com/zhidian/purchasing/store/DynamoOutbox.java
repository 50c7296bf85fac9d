package com.zhidian.purchasing.store;

import static com.zhidian.core.aws.Items.key;
import static com.zhidian.core.aws.Items.n;
import static com.zhidian.core.aws.Items.s;

import com.zhidian.core.Env;
import com.zhidian.core.Ids;
import com.zhidian.purchasing.domain.Outbox;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The local e-mail adapter: a message is stored in the tenant's outbox partition, where a mail relay (SES in a
 * deployment) picks it up. Nothing leaves the machine locally.
 */
public final class DynamoOutbox implements Outbox {
    private final DynamoDbClient db;
    private final Clock clock;
    private final String table = Env.tableName();

    public DynamoOutbox(DynamoDbClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public String send(String tenantId, String to, String subject, String body, Attachment attachment) {
        String id = Ids.next("msg");
        Map<String, AttributeValue> item = key(Keys.outbox(tenantId), id);
        item.put("to", s(to));
        item.put("subject", s(subject));
        item.put("body", s(body));
        item.put("at", n(clock.millis()));
        if (attachment != null) {
            item.put("attachmentName", s(attachment.filename()));
            item.put("attachmentType", s(attachment.contentType()));
            item.put("attachment", s(Base64.getEncoder().encodeToString(attachment.content())));
        }
        db.putItem(b -> b.tableName(table).item(item));
        return id;
    }
}
