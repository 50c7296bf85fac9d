package com.zhidian.guide.domain;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Where the store keeps a product ({@code kind} product, {@code key} its GTIN-14) or a whole category ({@code kind}
 * category, {@code key} its id): a zone of the map and, optionally, the shelf label text customers see there ("A3-2").
 * A product's placement also keeps the pinyin spellings of the product's name as it was when placed
 * ({@link PinyinSearch}), so the kiosk finds it by pinyin or initials without converting any name per query.
 */
public record Placement(String kind, String key, String zoneId, String shelf, Instant updatedAt, List<String> spellings) {
    public static final String PRODUCT = "product";
    public static final String CATEGORY = "category";
    public static final Set<String> KINDS = Set.of(PRODUCT, CATEGORY);

    public Placement {
        spellings = spellings == null ? List.of() : List.copyOf(spellings);
    }

    public Placement(String kind, String key, String zoneId, String shelf, Instant updatedAt) {
        this(kind, key, zoneId, shelf, updatedAt, List.of());
    }
}
