package com.zhidian.catalog.domain;

/**
 * An article the tenant sells, the same in every store. {@code plu} is the item number a weighing scale prints
 * into a variable-measure code (see {@link VariableMeasure}); {@code lastReceiptCost} the unit cost of the last
 * goods received in any store (fen), which a price below it is flagged against. {@code soldBy}: {@code piece}, or
 * {@code weight} (称重商品): its price is per kilogram, its stock and order quantities are grams, and it has a 5-digit
 * PLU for the scales; fixed at creation (the stock already counted in its unit).
 */
public record Product(String gtin, String name, String brand, String categoryId, String unit, String spec,
                      Integer shelfLifeDays, String status, String plu, Long lastReceiptCost, String createdAt, String updatedAt,
                      String soldBy) {
    public static final String ACTIVE = "active";
    public static final String DELISTED = "delisted";
    public static final String BY_PIECE = "piece";
    public static final String BY_WEIGHT = "weight";
    /** A weighed product's PLU: the five digits the common scale label (2 F PPPPP WWWWW C) carries. */
    public static final int WEIGHED_PLU_DIGITS = 5;

    public Product {
        if (soldBy == null) soldBy = BY_PIECE;
    }

    /** A product sold by the piece (every product made before weighed goods existed). */
    public Product(String gtin, String name, String brand, String categoryId, String unit, String spec, Integer shelfLifeDays,
                   String status, String plu, Long lastReceiptCost, String createdAt, String updatedAt) {
        this(gtin, name, brand, categoryId, unit, spec, shelfLifeDays, status, plu, lastReceiptCost, createdAt, updatedAt, BY_PIECE);
    }

    public boolean weighed() { return BY_WEIGHT.equals(soldBy); }

    public String displayGtin() { return new Gtin(gtin).display(); }

    public Product with(String name, String brand, String categoryId, String unit, String spec, Integer shelfLifeDays,
                        String status, String updatedAt) {
        return new Product(gtin, name, brand, categoryId, unit, spec, shelfLifeDays, status, plu, lastReceiptCost, createdAt, updatedAt, soldBy);
    }
}
