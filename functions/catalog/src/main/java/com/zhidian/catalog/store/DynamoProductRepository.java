package com.zhidian.catalog.store;

import static com.zhidian.catalog.store.Attrs.N;
import static com.zhidian.catalog.store.Attrs.S;

import com.zhidian.catalog.domain.CatalogErrors;
import com.zhidian.catalog.domain.Category;
import com.zhidian.catalog.domain.Listing;
import com.zhidian.catalog.domain.Product;
import com.zhidian.catalog.domain.ProductRepository;
import com.zhidian.catalog.domain.VariableMeasure;
import com.zhidian.core.paging.Page;
import com.zhidian.core.paging.Pages;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** Products (pk products, sk GTIN-14), their PLU entries, categories and the tenant's scan settings. */
public final class DynamoProductRepository implements ProductRepository {
    private final Table table;

    public DynamoProductRepository(DynamoDbClient db) {
        this.table = new Table(db);
    }

    @Override
    public void create(String tenantId, Product p) {
        if (p.plu() == null) {
            // one item: a conditional put (an import creates thousands this way), no transaction needed
            try {
                table.db.putItem(b -> b.tableName(table.name).item(item(tenantId, p)).conditionExpression("attribute_not_exists(pk)"));
                return;
            } catch (ConditionalCheckFailedException e) {
                throw new CatalogErrors.DuplicateProduct(p.gtin());
            }
        }
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder().put(b -> b.tableName(table.name).item(item(tenantId, p))
                .conditionExpression("attribute_not_exists(pk)")).build());
        if (p.plu() != null) {
            Map<String, AttributeValue> plu = Table.key(Keys.plus(tenantId), p.plu());
            plu.put("gtin", S(p.gtin()));
            items.add(TransactWriteItem.builder().put(b -> b.tableName(table.name).item(plu)
                    .conditionExpression("attribute_not_exists(pk)")).build());
        }
        int refused = table.transact(items);
        if (refused == 0) throw new CatalogErrors.DuplicateProduct(p.gtin());
        if (refused == 1) throw new CatalogErrors.DuplicatePlu(p.plu());
    }

    @Override
    public void update(String tenantId, Product p) {
        try {
            table.db.putItem(b -> b.tableName(table.name).item(item(tenantId, p)).conditionExpression("attribute_exists(pk)"));
        } catch (ConditionalCheckFailedException e) {
            throw new CatalogErrors.ProductNotFound(p.gtin());
        }
    }

    @Override
    public Optional<Product> find(String tenantId, String gtin) {
        return Optional.ofNullable(table.get(Keys.products(tenantId), gtin)).map(DynamoProductRepository::product);
    }

    @Override
    public Map<String, Product> findAll(String tenantId, java.util.Collection<String> gtins) {
        Map<String, Product> out = new HashMap<>();
        List<String> all = new ArrayList<>();
        for (String g : new java.util.LinkedHashSet<>(gtins)) {
            // read ahead with an order's other items (ReadAhead.readAll): no call of its own
            var ahead = com.zhidian.core.aws.ReadAhead.take(Keys.products(tenantId), g);
            if (ahead.isEmpty()) all.add(g);
            else if (!ahead.get().isEmpty()) out.put(g, product(ahead.get()));
        }
        table.batchGet(Keys.products(tenantId), all, null, false).forEach(i -> out.put(Attrs.s(i, "sk"), product(i)));
        return out;
    }

    @Override
    public Optional<String> gtinOfPlu(String tenantId, String plu) {
        return Optional.ofNullable(table.get(Keys.plus(tenantId), plu)).map(i -> Attrs.s(i, "gtin"));
    }

    @Override
    public Listing<Product> search(String tenantId, String q, String gtinPrefix, List<String> categoryIds, int limit, String cursor) {
        String pk = Keys.products(tenantId);
        List<String> filters = new ArrayList<>();
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pk", S(pk));
        if (q != null) {
            filters.add("contains(nameKey, :q)");
            values.put(":q", S(q.toLowerCase(Locale.ROOT)));
        }
        if (gtinPrefix != null) {
            // a prefix as shoppers read the code (GTIN-13 "690...") or as stored (GTIN-14 "0690...")
            filters.add("(begins_with(gtinShort, :g) OR begins_with(gtinLong, :g))");
            values.put(":g", S(gtinPrefix));
        }
        if (categoryIds != null && !categoryIds.isEmpty()) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < categoryIds.size(); i++) {
                names.add(":c" + i);
                values.put(":c" + i, S(categoryIds.get(i)));
            }
            filters.add("categoryId IN (" + String.join(", ", names) + ")");
        }
        var r = table.page(pk, limit, cursor, b -> {
            b.expressionAttributeValues(values);
            if (!filters.isEmpty()) b.filterExpression(String.join(" AND ", filters));
        });
        Page<Product> page = Pages.of(r, limit, pk, DynamoProductRepository::product, "pk", "sk");
        return new Listing<>(page.items(), page.nextCursor());
    }

    @Override
    public void createCategory(String tenantId, Category c) {
        try {
            table.db.putItem(b -> b.tableName(table.name).item(categoryItem(tenantId, c)).conditionExpression("attribute_not_exists(pk)"));
        } catch (ConditionalCheckFailedException e) {
            throw new IllegalStateException("category id collision " + c.categoryId(), e);
        }
    }

    @Override
    public void updateCategory(String tenantId, Category c) {
        try {
            table.db.putItem(b -> b.tableName(table.name).item(categoryItem(tenantId, c)).conditionExpression("attribute_exists(pk)"));
        } catch (ConditionalCheckFailedException e) {
            throw new CatalogErrors.CategoryNotFound(c.categoryId());
        }
    }

    @Override
    public Optional<Category> category(String tenantId, String categoryId) {
        return Optional.ofNullable(table.get(Keys.categories(tenantId), categoryId)).map(DynamoProductRepository::category);
    }

    @Override
    public List<Category> categories(String tenantId) {
        String pk = Keys.categories(tenantId);
        return table.all(b -> b.keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", S(pk)))).stream()
                .map(DynamoProductRepository::category)
                .sorted(Comparator.comparing(Category::createdAt)).toList();
    }

    @Override
    public VariableMeasure settings(String tenantId) {
        Map<String, AttributeValue> i = table.get(Keys.settings(tenantId), Keys.SETTINGS_SK);
        if (i == null) return VariableMeasure.DEFAULT;
        return new VariableMeasure(Arrays.asList(Attrs.s(i, "prefixes").split(",")), (int) Attrs.n0(i, "itemDigits"), Attrs.s(i, "value"));
    }

    @Override
    public void saveSettings(String tenantId, VariableMeasure vm) {
        Map<String, AttributeValue> i = Table.key(Keys.settings(tenantId), Keys.SETTINGS_SK);
        i.put("prefixes", S(String.join(",", vm.prefixes())));
        i.put("itemDigits", N(vm.itemDigits()));
        i.put("value", S(vm.value()));
        table.db.putItem(b -> b.tableName(table.name).item(i));
    }

    private static Map<String, AttributeValue> item(String tenantId, Product p) {
        Map<String, AttributeValue> i = Table.key(Keys.products(tenantId), p.gtin());
        i.put("gtinShort", S(p.displayGtin()));
        i.put("gtinLong", S(p.gtin())); // a filter may not name the key (sk)
        i.put("name", S(p.name()));
        i.put("nameKey", S(p.name().toLowerCase(Locale.ROOT)));
        Attrs.putS(i, "brand", p.brand());
        Attrs.putS(i, "categoryId", p.categoryId());
        i.put("unit", S(p.unit()));
        Attrs.putS(i, "spec", p.spec());
        Attrs.putN(i, "shelfLifeDays", p.shelfLifeDays() == null ? null : p.shelfLifeDays().longValue());
        i.put("status", S(p.status()));
        Attrs.putS(i, "plu", p.plu());
        if (p.weighed()) i.put("soldBy", S(p.soldBy())); // absent: by the piece, as every product before weighed goods
        Attrs.putN(i, "lastReceiptCost", p.lastReceiptCost());
        i.put("createdAt", S(p.createdAt()));
        i.put("updatedAt", S(p.updatedAt()));
        return i;
    }

    static Product product(Map<String, AttributeValue> i) {
        Long life = Attrs.n(i, "shelfLifeDays");
        return new Product(Attrs.s(i, "sk"), Attrs.s(i, "name"), Attrs.s(i, "brand"), Attrs.s(i, "categoryId"), Attrs.s(i, "unit"),
                Attrs.s(i, "spec"), life == null ? null : life.intValue(), Attrs.s(i, "status"), Attrs.s(i, "plu"),
                Attrs.n(i, "lastReceiptCost"), Attrs.s(i, "createdAt"), Attrs.s(i, "updatedAt"), Attrs.s(i, "soldBy"));
    }

    private static Map<String, AttributeValue> categoryItem(String tenantId, Category c) {
        Map<String, AttributeValue> i = Table.key(Keys.categories(tenantId), c.categoryId());
        i.put("name", S(c.name()));
        Attrs.putS(i, "parentId", c.parentId());
        i.put("createdAt", S(c.createdAt()));
        return i;
    }

    private static Category category(Map<String, AttributeValue> i) {
        return new Category(Attrs.s(i, "sk"), Attrs.s(i, "name"), Attrs.s(i, "parentId"), Attrs.s(i, "createdAt"));
    }
}
