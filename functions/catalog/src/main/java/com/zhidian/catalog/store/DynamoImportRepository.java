package com.zhidian.catalog.store;

import static com.zhidian.catalog.store.Attrs.N;
import static com.zhidian.catalog.store.Attrs.S;

import com.zhidian.catalog.domain.CatalogImport;
import com.zhidian.catalog.domain.ImportRepository;
import com.zhidian.catalog.domain.Listing;
import com.zhidian.catalog.domain.RowIssue;
import com.zhidian.core.paging.Page;
import com.zhidian.core.paging.Pages;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Imports (pk imports, sk import id) and their row reports (pk import rows, sk row number), kept 400 days. */
public final class DynamoImportRepository implements ImportRepository {
    private static final long KEEP_SECONDS = 400L * 24 * 3600;
    private final Table table;

    public DynamoImportRepository(DynamoDbClient db) {
        this.table = new Table(db);
    }

    @Override
    public void create(String tenantId, CatalogImport i) {
        table.db.putItem(b -> b.tableName(table.name).item(item(tenantId, i)).conditionExpression("attribute_not_exists(pk)"));
    }

    @Override
    public Optional<CatalogImport> find(String tenantId, String importId) {
        return Optional.ofNullable(table.get(Keys.imports(tenantId), importId)).map(DynamoImportRepository::imp);
    }

    @Override
    public boolean claim(String tenantId, CatalogImport running) {
        try {
            table.db.putItem(b -> b.tableName(table.name).item(item(tenantId, running)).conditionExpression("#s = :waiting")
                    .expressionAttributeNames(Map.of("#s", "state")).expressionAttributeValues(Map.of(":waiting", S(CatalogImport.AWAITING_UPLOAD))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void save(String tenantId, CatalogImport i) {
        table.db.putItem(b -> b.tableName(table.name).item(item(tenantId, i)));
    }

    @Override
    public void addIssues(String tenantId, String importId, List<RowIssue> issues) {
        String pk = Keys.importRows(tenantId, importId);
        long expires = System.currentTimeMillis() / 1000 + KEEP_SECONDS;
        List<WriteRequest> all = new ArrayList<>();
        for (RowIssue r : issues) {
            Map<String, AttributeValue> i = Table.key(pk, Keys.importRowSk(r.row()));
            i.put("row", N(r.row()));
            Attrs.putS(i, "column", r.column());
            i.put("code", S(r.code()));
            Attrs.putS(i, "value", r.value());
            if (!r.facts().isEmpty()) i.put("facts", AttributeValue.fromM(strings(r.facts())));
            i.put("ttl", N(expires));
            all.add(WriteRequest.builder().putRequest(PutRequest.builder().item(i).build()).build());
        }
        for (int from = 0; from < all.size(); from += 25) {
            Map<String, List<WriteRequest>> ask = Map.of(table.name, all.subList(from, Math.min(all.size(), from + 25)));
            while (ask != null && !ask.isEmpty()) {
                Map<String, List<WriteRequest>> now = ask;
                BatchWriteItemResponse r = table.db.batchWriteItem(b -> b.requestItems(now));
                ask = r.hasUnprocessedItems() && !r.unprocessedItems().isEmpty() ? r.unprocessedItems() : null;
            }
        }
    }

    @Override
    public Listing<RowIssue> issues(String tenantId, String importId, int limit, String cursor) {
        String pk = Keys.importRows(tenantId, importId);
        var r = table.page(pk, limit, cursor, b -> {});
        Page<RowIssue> page = Pages.of(r, limit, pk, DynamoImportRepository::issue, "pk", "sk");
        return new Listing<>(page.items(), page.nextCursor());
    }

    private static Map<String, AttributeValue> item(String tenantId, CatalogImport c) {
        Map<String, AttributeValue> i = Table.key(Keys.imports(tenantId), c.importId());
        i.put("kind", S(c.kind()));
        i.put("fileName", S(c.fileName()));
        i.put("size", N(c.size()));
        i.put("state", S(c.state()));
        Attrs.putS(i, "encoding", c.encoding());
        i.put("total", N(c.total()));
        i.put("processed", N(c.processed()));
        i.put("created", N(c.created()));
        i.put("updated", N(c.updated()));
        i.put("unchanged", N(c.unchanged()));
        i.put("refused", N(c.refused()));
        Attrs.putS(i, "failure", c.failure());
        if (c.failureFacts() != null && !c.failureFacts().isEmpty()) i.put("failureFacts", AttributeValue.fromM(strings(c.failureFacts())));
        i.put("createdBy", S(c.createdBy()));
        Attrs.putS(i, "createdBySub", c.createdBySub());
        i.put("createdAt", S(c.createdAt()));
        Attrs.putS(i, "finishedAt", c.finishedAt());
        i.put("ttl", N(System.currentTimeMillis() / 1000 + KEEP_SECONDS));
        return i;
    }

    private static Map<String, AttributeValue> strings(Map<String, String> m) {
        Map<String, AttributeValue> out = new HashMap<>();
        m.forEach((k, v) -> out.put(k, S(v)));
        return out;
    }

    private static Map<String, String> unstrings(AttributeValue v) {
        if (v == null || !v.hasM()) return Map.of();
        Map<String, String> out = new HashMap<>();
        v.m().forEach((k, x) -> out.put(k, x.s()));
        return out;
    }

    private static CatalogImport imp(Map<String, AttributeValue> i) {
        return new CatalogImport(Attrs.s(i, "sk"), Attrs.s(i, "kind"), Attrs.s(i, "fileName"), Attrs.n0(i, "size"), Attrs.s(i, "state"),
                Attrs.s(i, "encoding"), (int) Attrs.n0(i, "total"), (int) Attrs.n0(i, "processed"), (int) Attrs.n0(i, "created"),
                (int) Attrs.n0(i, "updated"), (int) Attrs.n0(i, "unchanged"), (int) Attrs.n0(i, "refused"), Attrs.s(i, "failure"),
                unstrings(i.get("failureFacts")), Attrs.s(i, "createdBy"), Attrs.s(i, "createdBySub"), Attrs.s(i, "createdAt"),
                Attrs.s(i, "finishedAt"));
    }

    private static RowIssue issue(Map<String, AttributeValue> i) {
        return new RowIssue((int) Attrs.n0(i, "row"), Attrs.s(i, "column"), Attrs.s(i, "code"), Attrs.s(i, "value"), unstrings(i.get("facts")));
    }
}
