package com.zhidian.guide.domain;

import java.time.Instant;
import java.util.Set;

/**
 * Where the store keeps a product ({@code kind} product, {@code key} its GTIN-14) or a whole category ({@code kind}
 * category, {@code key} its id): a zone of the map and, optionally, the shelf label text customers see there ("A3-2").
 */
public record Placement(String kind, String key, String zoneId, String shelf, Instant updatedAt) {
    public static final String PRODUCT = "product";
    public static final String CATEGORY = "category";
    public static final Set<String> KINDS = Set.of(PRODUCT, CATEGORY);
}
