package com.zhidian.catalog.application;

import com.zhidian.catalog.domain.CatalogErrors;
import com.zhidian.catalog.domain.Category;
import com.zhidian.catalog.domain.Listing;
import com.zhidian.catalog.domain.Product;
import com.zhidian.catalog.domain.ProductRepository;
import com.zhidian.catalog.domain.VariableMeasure;
import com.zhidian.core.Ids;
import com.zhidian.core.auth.Caller;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Products and the two-level category tree of a tenant. */
public final class ProductService {
    private final ProductRepository products;
    private final Clock clock;

    public ProductService(ProductRepository products, Clock clock) {
        this.products = products;
        this.clock = clock;
    }

    /** What a new product (or a change to one) says; the GTIN is already in its GTIN-14 form. */
    public record Draft(String gtin, String name, String brand, String categoryId, String unit, String spec, Integer shelfLifeDays,
                        String status, String plu, String soldBy) {
        /** A product sold by the piece. */
        public Draft(String gtin, String name, String brand, String categoryId, String unit, String spec, Integer shelfLifeDays,
                     String status, String plu) {
            this(gtin, name, brand, categoryId, unit, spec, shelfLifeDays, status, plu, null);
        }
    }

    public Product create(Caller caller, Draft d) {
        String t = caller.tenantId();
        if (d.categoryId() != null) category(t, d.categoryId());
        String now = Actors.now(clock);
        Product p = new Product(d.gtin(), d.name(), d.brand(), d.categoryId(), d.unit(), d.spec(), d.shelfLifeDays(),
                d.status() == null ? Product.ACTIVE : d.status(), d.plu(), null, now, now, d.soldBy());
        products.create(t, p);
        return p;
    }

    /** Only the fields given change ({@code null} keeps the old value). */
    public Product update(Caller caller, String gtin, Draft d) {
        String t = caller.tenantId();
        Product old = get(caller, gtin);
        if (d.categoryId() != null) category(t, d.categoryId());
        Product p = old.with(or(d.name(), old.name()), or(d.brand(), old.brand()), or(d.categoryId(), old.categoryId()),
                or(d.unit(), old.unit()), or(d.spec(), old.spec()), d.shelfLifeDays() != null ? d.shelfLifeDays() : old.shelfLifeDays(),
                or(d.status(), old.status()), Actors.now(clock));
        products.update(t, p);
        return p;
    }

    public Product get(Caller caller, String gtin) {
        return products.find(caller.tenantId(), gtin).orElseThrow(() -> new CatalogErrors.ProductNotFound(gtin));
    }

    /** A top-level category finds its sub-categories' products too. */
    public Listing<Product> search(Caller caller, String q, String gtinPrefix, String categoryId, int limit, String cursor) {
        return products.search(caller.tenantId(), q, gtinPrefix, withChildren(products, caller.tenantId(), categoryId), limit, cursor);
    }

    /** A category and its sub-categories (the tree has two levels), as a search filters by; null for no filter. */
    static List<String> withChildren(ProductRepository products, String tenantId, String categoryId) {
        if (categoryId == null) return null;
        List<String> ids = new ArrayList<>();
        ids.add(categoryId);
        for (Category c : products.categories(tenantId)) if (categoryId.equals(c.parentId())) ids.add(c.categoryId());
        return ids;
    }

    public List<Category> categories(Caller caller) {
        return products.categories(caller.tenantId());
    }

    public Category createCategory(Caller caller, String name, String parentId) {
        if (parentId != null && !category(caller.tenantId(), parentId).isTop()) throw new CatalogErrors.CategoryTooDeep(parentId);
        Category c = new Category(Ids.next("cat"), name, parentId, Actors.now(clock));
        products.createCategory(caller.tenantId(), c);
        return c;
    }

    public Category renameCategory(Caller caller, String categoryId, String name) {
        Category old = category(caller.tenantId(), categoryId);
        Category c = new Category(old.categoryId(), name, old.parentId(), old.createdAt());
        products.updateCategory(caller.tenantId(), c);
        return c;
    }

    public VariableMeasure settings(Caller caller) {
        return products.settings(caller.tenantId());
    }

    public VariableMeasure saveSettings(Caller caller, VariableMeasure vm) {
        products.saveSettings(caller.tenantId(), vm);
        return vm;
    }

    private Category category(String tenantId, String id) {
        return products.category(tenantId, id).orElseThrow(() -> new CatalogErrors.CategoryNotFound(id));
    }

    private static <T> T or(T v, T fallback) {
        return v != null ? v : fallback;
    }
}
