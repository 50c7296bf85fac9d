package com.zhidian.telemetry.store;

import com.zhidian.core.Env;
import com.zhidian.core.Json;
import com.zhidian.telemetry.domain.Alert;
import com.zhidian.telemetry.domain.AlertSettings;
import com.zhidian.telemetry.domain.AlertTextStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * An alert's SMS record (attribute {@code sms} of the alert item, JSON) and the provider-wide index of SMS deferred by
 * quiet hours ({@code TELSMSDUE}, sk {@code <at>#<tenant>#<alertId>}), read by the watch every minute.
 */
public final class DynamoAlertTexts implements AlertTextStore {
    static final String DUE = "TELSMSDUE";
    private final DynamoDbClient db;
    private final String table = Env.tableName();
    private final DynamoAlerts alerts;
    private final DynamoSettings settings;

    public DynamoAlertTexts(DynamoDbClient db) {
        this.db = db;
        this.alerts = new DynamoAlerts(db);
        this.settings = new DynamoSettings(db);
    }

    @Override
    public void record(String tenantId, String alertId, Map<String, Object> sms) {
        try {
            db.updateItem(b -> b.tableName(table).key(Map.of("pk", AttributeValue.fromS(Keys.alerts(tenantId)), "sk", AttributeValue.fromS(alertId)))
                    .updateExpression("SET sms = :s").conditionExpression("attribute_exists(pk)")
                    .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(Json.write(sms)))));
        } catch (ConditionalCheckFailedException gone) {
            // the alert is not there (a test's table cleared): nothing to record on
        }
    }

    @Override
    public void defer(Due due) {
        db.putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS(DUE),
                "sk", AttributeValue.fromS(due.at() + "#" + due.tenantId() + "#" + due.alertId()),
                "tenantId", AttributeValue.fromS(due.tenantId()), "storeId", AttributeValue.fromS(due.storeId()),
                "alertId", AttributeValue.fromS(due.alertId()), "at", AttributeValue.fromS(due.at().toString()))));
    }

    @Override
    public List<Due> due(Instant now, int max) {
        List<Due> out = new ArrayList<>();
        for (Map<String, AttributeValue> i : db.query(b -> b.tableName(table).keyConditionExpression("pk = :pk AND sk <= :now")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(DUE), ":now", AttributeValue.fromS(now + "#~")))
                .limit(max)).items()) {
            out.add(new Due(i.get("tenantId").s(), i.get("storeId").s(), i.get("alertId").s(), Instant.parse(i.get("at").s())));
        }
        return out;
    }

    @Override
    public boolean take(Due due) {
        try {
            db.deleteItem(b -> b.tableName(table).key(Map.of("pk", AttributeValue.fromS(DUE),
                    "sk", AttributeValue.fromS(due.at() + "#" + due.tenantId() + "#" + due.alertId()))).conditionExpression("attribute_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
    }

    @Override
    public Alert alert(String tenantId, String alertId) {
        return alerts.find(tenantId, alertId).orElse(null);
    }

    @Override
    public AlertSettings settings(String tenantId, String storeId) {
        return settings.find(tenantId, storeId).orElse(AlertSettings.defaults());
    }
}
