package com.zhidian.purchasing.store;

import static com.zhidian.core.aws.Items.key;
import static com.zhidian.core.aws.Items.n;
import static com.zhidian.core.aws.Items.num;
import static com.zhidian.core.aws.Items.s;
import static com.zhidian.core.aws.Items.str;

import com.zhidian.core.Env;
import com.zhidian.core.paging.Cursor;
import com.zhidian.core.paging.Pages;
import com.zhidian.purchasing.domain.Supplier;
import com.zhidian.purchasing.domain.SupplierRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** One item per supplier, its terms as a JSON document; listed newest first through gsi1. */
public final class DynamoSupplierRepository implements SupplierRepository {
    private final DynamoDbClient db;
    private final String table = Env.tableName();

    public DynamoSupplierRepository(DynamoDbClient db) {
        this.db = db;
    }

    @Override
    public void create(Supplier sp) {
        db.putItem(b -> b.tableName(table).item(item(sp)).conditionExpression("attribute_not_exists(pk)"));
    }

    @Override
    public boolean update(Supplier sp) {
        try {
            db.putItem(b -> b.tableName(table).item(item(sp)).conditionExpression("version = :v")
                    .expressionAttributeValues(Map.of(":v", n(sp.version() - 1))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void delete(String tenantId, String supplierId) {
        db.deleteItem(b -> b.tableName(table).key(key(Keys.supplier(tenantId, supplierId), Keys.META)));
    }

    @Override
    public Optional<Supplier> get(String tenantId, String supplierId) {
        Map<String, AttributeValue> item = db.getItem(b -> b.tableName(table)
                .key(key(Keys.supplier(tenantId, supplierId), Keys.META)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(supplier(item));
    }

    @Override
    public SupplierRepository.Page<Supplier> list(String tenantId, int limit, String cursor) {
        String pk = Keys.supplierList(tenantId);
        QueryResponse r = db.query(b -> b.tableName(table).indexName("gsi1").keyConditionExpression("gsi1pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(pk))).scanIndexForward(false).limit(Pages.fetch(limit))
                .exclusiveStartKey(Cursor.decode(pk, cursor)));
        com.zhidian.core.paging.Page<Supplier> p = Pages.of(r, limit, pk, DynamoSupplierRepository::supplier, "pk", "sk", "gsi1pk", "gsi1sk");
        return new SupplierRepository.Page<>(p.items(), p.nextCursor());
    }

    @Override
    public List<Supplier> all(String tenantId) {
        List<Supplier> out = new ArrayList<>();
        String cursor = null;
        do {
            SupplierRepository.Page<Supplier> p = list(tenantId, 200, cursor);
            out.addAll(p.items());
            cursor = p.nextCursor();
        } while (cursor != null);
        return out;
    }

    private static Map<String, AttributeValue> item(Supplier sp) {
        Map<String, AttributeValue> item = key(Keys.supplier(sp.tenantId(), sp.supplierId()), Keys.META);
        item.put("gsi1pk", s(Keys.supplierList(sp.tenantId())));
        item.put("gsi1sk", s(Keys.listSk(sp.createdAt().toEpochMilli(), sp.supplierId())));
        item.put("tenantId", s(sp.tenantId()));
        item.put("supplierId", s(sp.supplierId()));
        item.put("name", s(sp.name()));
        if (sp.email() != null) item.put("email", s(sp.email()));
        if (sp.phone() != null) item.put("phone", s(sp.phone()));
        item.put("items", s(Docs.items(sp.items())));
        item.put("createdAt", n(sp.createdAt().toEpochMilli()));
        item.put("updatedAt", n(sp.updatedAt().toEpochMilli()));
        item.put("version", n(sp.version()));
        return item;
    }

    static Supplier supplier(Map<String, AttributeValue> item) {
        return new Supplier(str(item, "tenantId"), str(item, "supplierId"), str(item, "name"), str(item, "email"), str(item, "phone"),
                Docs.items(str(item, "items")), Instant.ofEpochMilli(num(item, "createdAt")), Instant.ofEpochMilli(num(item, "updatedAt")),
                num(item, "version"));
    }
}
