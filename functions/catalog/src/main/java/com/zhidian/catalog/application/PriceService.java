package com.zhidian.catalog.application;

import com.zhidian.catalog.domain.CatalogErrors;
import com.zhidian.catalog.domain.Listing;
import com.zhidian.catalog.domain.PriceChange;
import com.zhidian.catalog.domain.PriceInForce;
import com.zhidian.catalog.domain.PriceRepository;
import com.zhidian.catalog.domain.PriceRules;
import com.zhidian.catalog.domain.PriceVersion;
import com.zhidian.catalog.domain.Product;
import com.zhidian.catalog.domain.VariableMeasure;
import com.zhidian.catalog.domain.Weighing;
import com.zhidian.catalog.domain.ProductRepository;
import com.zhidian.catalog.domain.StockRepository;
import com.zhidian.core.Ids;
import com.zhidian.core.auth.Caller;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Prices per store and tenant-wide, scheduled ahead, with their history. Every read of a price goes through
 * {@link PriceRules#inForce}, whichever channel asks.
 */
public final class PriceService {
    private final ProductRepository products;
    private final PriceRepository prices;
    private final StockRepository stock;
    private final StoreAccess stores;
    private final Clock clock;

    PriceService(ProductRepository products, PriceRepository prices, StockRepository stock, StoreAccess stores, Clock clock) {
        this.products = products;
        this.prices = prices;
        this.stock = stock;
        this.stores = stores;
        this.clock = clock;
    }

    /**
     * A price to set; {@code effectiveAt} null means now. {@code per}, when said: {@code kg} or {@code piece}, checked
     * against how the product is sold (a weighed product's price is per kg), so a price typed per 斤 or per piece by
     * mistake is refused rather than charged double.
     */
    public record Input(long price, Long promoPrice, Instant promoFrom, Instant promoTo, Instant effectiveAt, String per) {
        public static final String PER_KG = "kg";
        public static final String PER_PIECE = "piece";

        public Input(long price, Long promoPrice, Instant promoFrom, Instant promoTo, Instant effectiveAt) {
            this(price, promoPrice, promoFrom, promoTo, effectiveAt, null);
        }
    }

    /** A price as set: the version, whether it is below the last receipt cost, and what is in force now. */
    public record Set(PriceVersion version, boolean belowCost, Long lastCost, PriceInForce inForce) {}

    /** One product and its price in force (null when it has none yet). */
    public record Row(Product product, PriceInForce price) {}

    /** What a customer sees on a store's shelf: a product on sale, its price in force and whether any is left. */
    public record ShelfRow(Product product, PriceInForce price, boolean inStock) {}

    public Set setForStore(Caller caller, String storeId, String gtin, Input in) {
        stores.require(caller, storeId);
        Product p = product(caller, gtin);
        Long cost = stock.level(caller.tenantId(), storeId, gtin).lastCost();
        return save(caller, storeId, p, in, cost != null ? cost : p.lastReceiptCost());
    }

    /**
     * The cost a store price is compared with (the store's last receipt cost, else the product's), or null; the
     * store checked first (another's is 404), for the approval gate before {@link #setForStore}.
     */
    public Long costFor(Caller caller, String storeId, String gtin) {
        stores.require(caller, storeId);
        Product p = product(caller, gtin);
        Long cost = stock.level(caller.tenantId(), storeId, gtin).lastCost();
        return cost != null ? cost : p.lastReceiptCost();
    }

    public Set setForTenant(Caller caller, String gtin, Input in) {
        Product p = product(caller, gtin);
        return save(caller, null, p, in, p.lastReceiptCost());
    }

    /**
     * A row of a price import: the product (read by the caller, the store checked), the scope ({@code storeId} null for
     * tenant-wide), the price, and the store's last receipt cost (null when it has none: the product's is used).
     */
    public record Imported(Product product, String storeId, Input in, Long storeCost) {}

    /**
     * Prices from an import, each saved as {@link #setForStore} / {@link #setForTenant} would, unless the version it would
     * follow in its scope already says the same price and promotion (so importing the same file twice changes nothing).
     * The versions they follow are read at once ({@link PriceRepository#startedBy}) and the saved ones written in groups,
     * each with its history entry and notice. Answers, row by row, whether it was saved. One row per scope.
     */
    public boolean[] setAllIfChanged(Caller caller, List<Imported> rows) {
        Instant now = clock.instant();
        Map<PriceRepository.Scope, Instant> at = new java.util.HashMap<>();
        for (Imported r : rows) {
            PriceRules.checkPromo(r.in().price(), r.in().promoPrice(), r.in().promoFrom(), r.in().promoTo());
            if (at.put(new PriceRepository.Scope(r.product().gtin(), r.storeId()), effective(r.in(), now)) != null) {
                throw new IllegalArgumentException("two rows for " + r.product().gtin() + " in " + r.storeId());
            }
        }
        Map<PriceRepository.Scope, PriceVersion> previous = prices.startedBy(caller.tenantId(), at);
        boolean[] saved = new boolean[rows.size()];
        List<PriceRepository.Write> writes = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Imported r = rows.get(i);
            PriceRepository.Scope scope = new PriceRepository.Scope(r.product().gtin(), r.storeId());
            PriceVersion old = previous.get(scope);
            if (old != null && old.price() == r.in().price() && java.util.Objects.equals(old.promoPrice(), r.in().promoPrice())
                    && java.util.Objects.equals(old.promoFrom(), r.in().promoFrom()) && java.util.Objects.equals(old.promoTo(), r.in().promoTo())) {
                continue;
            }
            Long cost = r.storeCost() != null ? r.storeCost() : r.product().lastReceiptCost();
            writes.add(write(caller, r.storeId(), r.product(), r.in(), at.get(scope), old, cost, now));
            saved[i] = true;
        }
        prices.saveAll(caller.tenantId(), writes);
        return saved;
    }

    private static void checkPer(Product p, Input in) {
        if (in.per() != null && in.per().equals(Input.PER_KG) != p.weighed()) throw new CatalogErrors.PriceUnitMismatch(p.gtin(), p.soldBy());
    }

    /** A version starts on a whole second, so the same start named twice replaces, not adds. */
    private static Instant effective(Input in, Instant now) {
        return (in.effectiveAt() == null || in.effectiveAt().isBefore(now) ? now : in.effectiveAt()).truncatedTo(ChronoUnit.SECONDS);
    }

    private static PriceVersion previous(List<PriceVersion> all, String storeId, Instant effective) {
        return all.stream().filter(v -> java.util.Objects.equals(v.storeId(), storeId) && !v.effectiveAt().isAfter(effective))
                .max(Comparator.comparing(PriceVersion::effectiveAt)).orElse(null);
    }

    private Set save(Caller caller, String storeId, Product p, Input in, Long lastCost) {
        checkPer(p, in);
        PriceRules.checkPromo(in.price(), in.promoPrice(), in.promoFrom(), in.promoTo());
        return save(caller, storeId, p, in, lastCost, prices.versions(caller.tenantId(), p.gtin()));
    }

    private Set save(Caller caller, String storeId, Product p, Input in, Long lastCost, List<PriceVersion> all) {
        Instant now = clock.instant();
        Instant effective = effective(in, now);
        PriceVersion old = previous(all, storeId, effective);
        PriceRepository.Write w = write(caller, storeId, p, in, effective, old, lastCost, now);
        prices.save(caller.tenantId(), w.version(), w.change());
        List<PriceVersion> after = new ArrayList<>(all);
        after.removeIf(x -> java.util.Objects.equals(x.storeId(), storeId) && x.effectiveAt().equals(effective));
        after.add(w.version());
        return new Set(w.version(), w.change().belowCost(), lastCost, PriceRules.inForce(after, storeId, now).orElse(null));
    }

    /** The version a price write saves, and its history entry (old: the version it follows in its scope, or null). */
    private PriceRepository.Write write(Caller caller, String storeId, Product p, Input in, Instant effective, PriceVersion old, Long lastCost,
                                        Instant now) {
        PriceVersion v = new PriceVersion(p.gtin(), storeId, effective, in.price(), in.promoPrice(), in.promoFrom(), in.promoTo(),
                Actors.who(caller), now);
        boolean below = PriceRules.belowCost(in.price(), in.promoPrice(), lastCost);
        return new PriceRepository.Write(v, new PriceChange(Ids.next("pc"), p.gtin(), storeId, effective.toString(),
                old == null ? null : old.price(), in.price(), old == null ? null : old.promoPrice(), in.promoPrice(),
                str(in.promoFrom()), str(in.promoTo()), below, Actors.who(caller), Actors.now(clock)));
    }

    /** The price of one product in a store at {@code at} (now when null). */
    public PriceInForce inForce(Caller caller, String storeId, String gtin, Instant at) {
        stores.require(caller, storeId);
        product(caller, gtin);
        return PriceRules.inForce(prices.versions(caller.tenantId(), gtin), storeId, at == null ? clock.instant() : at)
                .orElseThrow(() -> new CatalogErrors.NoPrice(gtin));
    }

    /** A product as an order prices it: its name and category, and the unit price in force in the store (per kg when weighed). */
    public record ForOrder(String gtin, String name, String categoryId, long unitPrice, boolean promo, boolean weighed) {}

    /**
     * The prices in force now in a store for an order's products, through {@link PriceRules#inForce} like every other
     * channel. Refused: a product the tenant does not have, a delisted one, one with no price here. The caller (the
     * orders context) has checked the store is the tenant's.
     */
    /**
     * The items {@link #forOrder} reads by key (the products), for a caller that reads them ahead in one BatchGetItem
     * with its own ({@link com.zhidian.core.aws.ReadAhead#readAll}); the price versions are queried as always.
     */
    public List<com.zhidian.core.aws.ReadAhead.Key> forOrderReads(String tenantId, java.util.Collection<String> gtins) {
        String pk = com.zhidian.catalog.store.Keys.products(tenantId);
        return gtins.stream().map(g -> new com.zhidian.core.aws.ReadAhead.Key(pk, g)).toList();
    }

    public Map<String, ForOrder> forOrder(String tenantId, String storeId, java.util.Collection<String> gtins) {
        Map<String, Product> known = products.findAll(tenantId, gtins);
        Instant now = clock.instant();
        Map<String, ForOrder> out = new java.util.LinkedHashMap<>();
        for (String g : gtins) {
            Product p = known.get(g);
            if (p == null) throw new CatalogErrors.ProductNotFound(g);
            if (Product.DELISTED.equals(p.status())) throw new CatalogErrors.ProductDelisted(g);
            PriceInForce in = PriceRules.inForce(prices.versions(tenantId, g), storeId, now).orElseThrow(() -> new CatalogErrors.NoPrice(g));
            out.put(g, new ForOrder(g, p.name(), p.categoryId(), in.price(), in.promo(), p.weighed()));
        }
        return out;
    }

    /**
     * A weighing scale's label on an order line, decoded in the tenant's format: the product its PLU names and the value
     * printed (grams, or fen on a price-bearing label). Refused: not shaped as the tenant's format, a wrong check
     * digit, a PLU that is no product's.
     */
    public record ScaleLabel(String code, String gtin, long value, boolean carriesWeight) {
        /** The grams the label stands for at {@code pricePerKg} (a price-bearing label: the grams its amount buys). */
        public long grams(long pricePerKg) { return Weighing.gramsOfLabel(carriesWeight, value, pricePerKg); }
    }

    public ScaleLabel scaleLabel(String tenantId, String code) {
        VariableMeasure format = products.settings(tenantId);
        VariableMeasure.Parsed p = format.decode(code);
        if (p == null) throw new CatalogErrors.NotAScaleCode(code);
        String gtin = products.gtinOfPlu(tenantId, p.item()).orElseThrow(() -> new CatalogErrors.UnknownPlu(code, p.item()));
        return new ScaleLabel(code, gtin, p.value(), format.carriesWeight());
    }

    /** The tenant-wide price of one product at {@code at}. */
    public PriceInForce tenantInForce(Caller caller, String gtin, Instant at) {
        product(caller, gtin);
        return PriceRules.inForce(prices.versions(caller.tenantId(), gtin), null, at == null ? clock.instant() : at)
                .orElseThrow(() -> new CatalogErrors.NoPrice(gtin));
    }

    /** A page of the tenant's products with each one's price in this store: one read of products, one range read of prices. */
    public Listing<Row> list(Caller caller, String storeId, Instant at, int limit, String cursor) {
        stores.require(caller, storeId);
        Instant when = at == null ? clock.instant() : at;
        Listing<Product> page = products.search(caller.tenantId(), null, null, null, limit, cursor);
        if (page.items().isEmpty()) return new Listing<>(List.of(), page.nextCursor());
        String first = page.items().get(0).gtin();
        String last = page.items().get(page.items().size() - 1).gtin();
        Map<String, List<PriceVersion>> byGtin = prices.versionsBetween(caller.tenantId(), first, last).stream()
                .collect(Collectors.groupingBy(PriceVersion::gtin));
        List<Row> rows = page.items().stream()
                .map(p -> new Row(p, PriceRules.inForce(byGtin.getOrDefault(p.gtin(), List.of()), storeId, when).orElse(null))).toList();
        return new Listing<>(rows, page.nextCursor());
    }

    /**
     * The customer's view of a store (the mini-program's shop): active products that have a price there, at the price
     * in force now, the same answer the POS gets. A page may hold fewer rows than asked when some are delisted or
     * unpriced; the cursor still goes on.
     */
    public Listing<ShelfRow> shelf(Caller caller, String storeId, String q, String categoryId, int limit, String cursor) {
        if (!stores.exists(caller.tenantId(), storeId)) throw new CatalogErrors.StoreNotFound(storeId);
        Instant now = clock.instant();
        Listing<Product> page = products.search(caller.tenantId(), q, null,
                ProductService.withChildren(products, caller.tenantId(), categoryId), limit, cursor);
        List<ShelfRow> rows = new ArrayList<>();
        for (Product p : page.items()) {
            if (!Product.ACTIVE.equals(p.status())) continue;
            PriceInForce price = PriceRules.inForce(prices.versions(caller.tenantId(), p.gtin()), storeId, now).orElse(null);
            if (price == null) continue;
            rows.add(new ShelfRow(p, price, stock.level(caller.tenantId(), storeId, p.gtin()).available() > 0));
        }
        return new Listing<>(rows, page.nextCursor());
    }

    public Listing<PriceChange> history(Caller caller, String gtin, int limit, String cursor) {
        product(caller, gtin);
        return prices.history(caller.tenantId(), gtin, limit, cursor);
    }

    private Product product(Caller caller, String gtin) {
        return products.find(caller.tenantId(), gtin).orElseThrow(() -> new CatalogErrors.ProductNotFound(gtin));
    }

    private static String str(Instant i) {
        return i == null ? null : i.toString();
    }
}
