package com.zhidian.guide.application;

import com.zhidian.catalog.application.CatalogServices;
import com.zhidian.catalog.application.PriceService;
import com.zhidian.catalog.domain.CatalogErrors;
import com.zhidian.catalog.domain.Category;
import com.zhidian.catalog.domain.Listing;
import com.zhidian.catalog.domain.PriceInForce;
import com.zhidian.catalog.domain.Product;
import com.zhidian.core.auth.Caller;
import com.zhidian.core.auth.Role;
import com.zhidian.guide.domain.GuideCatalog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The guide's view of the catalog through the catalog's application services (never its tables), called as the
 * tenant's guide process: the same price function as the POS and the mini-program (promotion included), and the
 * shelf's "in stock" flag, never a stock figure.
 */
public final class CatalogGuideView implements GuideCatalog {
    /** How many pages of 100 products a name search or the promotions' walk reads at most. */
    static final int SEARCH_PAGES = 20;
    static final int PROMO_PAGES = 50;

    private final CatalogServices catalog;

    public CatalogGuideView(CatalogServices catalog) {
        this.catalog = catalog;
    }

    static Caller system(String tenantId) {
        return new Caller("guide", "guide", Role.OWNER, tenantId, Set.of(), null);
    }

    @Override
    public Item product(String tenantId, String gtin) {
        try {
            Product p = catalog.products().get(system(tenantId), gtin);
            return new Item(p.gtin(), p.name(), p.categoryId(), Product.ACTIVE.equals(p.status()));
        } catch (CatalogErrors.ProductNotFound e) {
            return null;
        }
    }

    @Override
    public Map<String, String> parents(String tenantId) {
        Map<String, String> out = new HashMap<>();
        for (Category c : catalog.products().categories(system(tenantId))) out.put(c.categoryId(), c.parentId());
        return out;
    }

    @Override
    public Map<String, String> categoryNames(String tenantId) {
        Map<String, String> out = new HashMap<>();
        for (Category c : catalog.products().categories(system(tenantId))) out.put(c.categoryId(), c.name());
        return out;
    }

    @Override
    public List<Offer> search(String tenantId, String storeId, String q, int max) {
        Caller c = system(tenantId);
        List<Offer> out = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Listing<PriceService.ShelfRow> page = catalog.prices().shelf(c, storeId, q, null, 100, cursor);
            for (PriceService.ShelfRow r : page.items()) {
                out.add(offer(r.product(), r.price(), r.inStock()));
                if (out.size() >= max) return out;
            }
            cursor = page.nextCursor();
        } while (cursor != null && ++pages < SEARCH_PAGES);
        return out;
    }

    @Override
    public Offer offer(String tenantId, String storeId, String gtin) {
        Caller c = system(tenantId);
        try {
            Product p = catalog.products().get(c, gtin);
            if (!Product.ACTIVE.equals(p.status())) return null;
            PriceInForce price = catalog.prices().inForce(c, storeId, gtin, null);
            boolean inStock = catalog.stock().level(c, storeId, gtin).level().available() > 0;
            return offer(p, price, inStock);
        } catch (CatalogErrors.ProductNotFound | CatalogErrors.NoPrice e) {
            return null;
        }
    }

    @Override
    public List<Offer> promotions(String tenantId, String storeId, int max) {
        Caller c = system(tenantId);
        List<PriceService.Row> promo = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Listing<PriceService.Row> page = catalog.prices().list(c, storeId, null, 100, cursor);
            for (PriceService.Row r : page.items()) {
                if (r.price() != null && r.price().promo() && r.price().price() < r.price().regularPrice() && Product.ACTIVE.equals(r.product().status())) {
                    promo.add(r);
                }
            }
            cursor = page.nextCursor();
        } while (cursor != null && ++pages < PROMO_PAGES);
        promo.sort(Comparator.comparingLong((PriceService.Row r) -> r.price().price() - r.price().regularPrice()).thenComparing(r -> r.product().gtin()));
        List<Offer> out = new ArrayList<>();
        for (PriceService.Row r : promo.subList(0, Math.min(max, promo.size()))) {
            boolean inStock = catalog.stock().level(c, storeId, r.product().gtin()).level().available() > 0;
            out.add(offer(r.product(), r.price(), inStock));
        }
        return out;
    }

    private static Offer offer(Product p, PriceInForce price, boolean inStock) {
        return new Offer(p.gtin(), p.displayGtin(), p.name(), p.brand(), p.spec(), p.categoryId(), price.price(), price.regularPrice(), price.promo(),
                price.promoTo(), inStock);
    }
}
