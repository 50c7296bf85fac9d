package com.zhidian.catalog.domain;

/**
 * An article the tenant sells, the same in every store. {@code plu} is the item number a weighing scale prints
 * into a variable-measure code (see {@link VariableMeasure}); {@code lastReceiptCost} the unit cost of the last
 * goods received in any store (fen), which a price below it is flagged against.
 */
public record Product(String gtin, String name, String brand, String categoryId, String unit, String spec,
                      Integer shelfLifeDays, String status, String plu, Long lastReceiptCost, String createdAt, String updatedAt) {
    public static final String ACTIVE = "active";
    public static final String DELISTED = "delisted";

    public String displayGtin() { return new Gtin(gtin).display(); }

    public Product with(String name, String brand, String categoryId, String unit, String spec, Integer shelfLifeDays,
                        String status, String updatedAt) {
        return new Product(gtin, name, brand, categoryId, unit, spec, shelfLifeDays, status, plu, lastReceiptCost, createdAt, updatedAt);
    }
}
