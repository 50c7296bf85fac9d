package com.zhidian.catalog.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Products and categories of a tenant. */
public interface ProductRepository {
    /** Creates the product (and its PLU entry); a GTIN or PLU already present refuses the whole write. */
    void create(String tenantId, Product p);

    void update(String tenantId, Product p);

    Optional<Product> find(String tenantId, String gtin);

    /** The products of these GTINs that exist, by GTIN. */
    Map<String, Product> findAll(String tenantId, Collection<String> gtins);

    Optional<String> gtinOfPlu(String tenantId, String plu);

    /** Search: {@code q} in the name (case-insensitive), {@code gtinPrefix}, {@code categoryIds} (any of). */
    Listing<Product> search(String tenantId, String q, String gtinPrefix, List<String> categoryIds, int limit, String cursor);

    void createCategory(String tenantId, Category c);

    void updateCategory(String tenantId, Category c);

    Optional<Category> category(String tenantId, String categoryId);

    List<Category> categories(String tenantId);

    VariableMeasure settings(String tenantId);

    void saveSettings(String tenantId, VariableMeasure vm);
}
