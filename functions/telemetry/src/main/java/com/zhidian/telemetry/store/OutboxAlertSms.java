package com.zhidian.telemetry.store;

import com.zhidian.core.Env;
import com.zhidian.core.Ids;
import com.zhidian.telemetry.domain.SmsSender;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Zhidian Local's SMS sender: the text stays in the tenant's SMS outbox ({@code T#<tenant>#SMSOUTBOX}, sk
 * {@code <at>#<id>}: phone, store, text), nothing leaves the machine; the alert records {@code via: local_outbox}.
 */
public final class OutboxAlertSms implements SmsSender {
    private final DynamoDbClient db;
    private final Clock clock;
    private final String table = Env.tableName();

    public OutboxAlertSms(DynamoDbClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public Sent send(String tenantId, String storeId, String phone, String text) {
        String id = Ids.next("sms");
        db.putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS(Keys.smsOutbox(tenantId)),
                "sk", AttributeValue.fromS(clock.instant() + "#" + id), "storeId", AttributeValue.fromS(storeId),
                "phone", AttributeValue.fromS(phone), "text", AttributeValue.fromS(text),
                "ttl", AttributeValue.fromN(Long.toString(clock.instant().plusSeconds(30L * 86400).getEpochSecond())))));
        return new Sent("local_outbox", id);
    }
}
