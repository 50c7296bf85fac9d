package com.zhidian.orders.store;

import static com.zhidian.core.aws.Items.key;
import static com.zhidian.core.aws.Items.num;
import static com.zhidian.core.aws.Items.s;
import static com.zhidian.core.aws.Items.str;

import com.zhidian.core.Env;
import com.zhidian.orders.domain.Reconciliation;
import com.zhidian.orders.domain.ReconciliationRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** The per-day money index (written by DynamoOrderRepository.moneyPart), its day markers, and the results kept per day. */
public final class DynamoReconciliation implements ReconciliationRepository {
    private final DynamoDbClient db;
    private final String table = Env.tableName();

    public DynamoReconciliation(DynamoDbClient db) {
        this.db = db;
    }

    @Override
    public List<Reconciliation.Entry> recorded(String tenantId, String date) {
        List<Reconciliation.Entry> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse r = db.query(b -> b.tableName(table).keyConditionExpression("pk = :pk").consistentRead(true)
                    .expressionAttributeValues(Map.of(":pk", s(Keys.money(tenantId, date)))).exclusiveStartKey(from));
            for (Map<String, AttributeValue> i : r.items()) {
                if (Keys.MONEY_DAY.equals(str(i, "sk"))) continue;
                out.add(new Reconciliation.Entry(Reconciliation.Kind.valueOf(str(i, "kind")), str(i, "ref"), num(i, "amount"),
                        i.containsKey("orderId") ? str(i, "orderId") : null));
            }
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    @Override
    public List<String> tenantsWithMoney(String date) {
        List<String> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse r = db.query(b -> b.tableName(table).indexName("gsi2").keyConditionExpression("gsi2pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", s(Keys.moneyDay(date)))).exclusiveStartKey(from));
            for (Map<String, AttributeValue> i : r.items()) out.add(str(i, "gsi2sk"));
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    @Override
    public void save(String tenantId, Run run) {
        Map<String, AttributeValue> i = key(Keys.reconciliation(tenantId), run.result().date());
        i.put("doc", s(OrderDocs.writeAny(run)));
        db.putItem(b -> b.tableName(table).item(i));
    }

    @Override
    public Optional<Run> find(String tenantId, String date) {
        Map<String, AttributeValue> i = db.getItem(b -> b.tableName(table).key(key(Keys.reconciliation(tenantId), date)).consistentRead(true)).item();
        return i == null || i.isEmpty() ? Optional.empty() : Optional.of(OrderDocs.readAs(str(i, "doc"), Run.class));
    }
}
