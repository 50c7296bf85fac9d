package com.zhidian.guide.domain;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where a product is: its own placement, else its category's, else its category's parent's (the catalog's tree has
 * two levels). A placement whose zone is no longer on the map (the owner erased it) counts as none, so the next level
 * answers. The answer depends only on the placements and the map's zone ids, never on the order they were read in.
 */
public final class Placements {
    private Placements() {}

    /** Which placement answered: the product's own, its category's or its parent category's. */
    public static final String OWN = "product";
    public static final String CATEGORY = "category";
    public static final String PARENT = "parent_category";

    public record Resolved(String zoneId, String shelf, String source) {}

    /**
     * @param products   placements of products by GTIN-14
     * @param categories placements of categories by category id
     * @param parentOf   a category's parent id, null for a top-level or unknown one
     * @param zoneIds    the ids of the zones on the map now
     */
    public static Optional<Resolved> resolve(String gtin, String categoryId, Map<String, Placement> products, Map<String, Placement> categories,
                                             Map<String, String> parentOf, Set<String> zoneIds) {
        Placement own = products.get(gtin);
        if (live(own, zoneIds)) return Optional.of(new Resolved(own.zoneId(), own.shelf(), OWN));
        if (categoryId == null) return Optional.empty();
        Placement cat = categories.get(categoryId);
        if (live(cat, zoneIds)) return Optional.of(new Resolved(cat.zoneId(), cat.shelf(), CATEGORY));
        String parent = parentOf.get(categoryId);
        if (parent == null || parent.equals(categoryId)) return Optional.empty();
        Placement up = categories.get(parent);
        if (live(up, zoneIds)) return Optional.of(new Resolved(up.zoneId(), up.shelf(), PARENT));
        return Optional.empty();
    }

    private static boolean live(Placement p, Set<String> zoneIds) {
        return p != null && p.zoneId() != null && zoneIds.contains(p.zoneId());
    }
}
