package com.zhidian.catalog.application;

import com.zhidian.catalog.domain.CatalogErrors;
import com.zhidian.catalog.domain.Category;
import com.zhidian.catalog.domain.CountLine;
import com.zhidian.catalog.domain.CountRules;
import com.zhidian.catalog.domain.Listing;
import com.zhidian.catalog.domain.Movement;
import com.zhidian.catalog.domain.Product;
import com.zhidian.catalog.domain.ProductRepository;
import com.zhidian.catalog.domain.StaffDirectory;
import com.zhidian.catalog.domain.StockCount;
import com.zhidian.catalog.domain.StockCountRepository;
import com.zhidian.catalog.domain.StockLevel;
import com.zhidian.catalog.domain.StockRepository;
import com.zhidian.core.Ids;
import com.zhidian.core.auth.Caller;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stock counts (盘点单): opened over a scope, counted line by line (blind: the view hides what is expected from staff
 * while it is open), finished by posting each counted line's variance as a count movement, or cancelled.
 */
public final class StockCountService {
    static final int COUNT_TRIES = 8;

    private final StockCountRepository counts;
    private final StockRepository stock;
    private final ProductRepository products;
    private final StoreAccess stores;
    private final StaffDirectory staff;
    private final Clock clock;

    StockCountService(StockCountRepository counts, StockRepository stock, ProductRepository products, StoreAccess stores, StaffDirectory staff,
                      Clock clock) {
        this.counts = counts;
        this.stock = stock;
        this.products = products;
        this.stores = stores;
        this.staff = staff;
        this.clock = clock;
    }

    /** What to count: the whole store (every product with a stock level there), one category (and its sub-categories), or GTINs. */
    public record Scope(String kind, String categoryId, List<String> gtins) {}

    public StockCount open(Caller caller, String storeId, Scope scope, String assigneeId, String dueOn) {
        stores.require(caller, storeId);
        if (assigneeId != null && !staff.worksIn(caller.tenantId(), assigneeId, storeId)) throw new CatalogErrors.AssigneeNotInStore(assigneeId);
        List<Product> inScope = products(caller.tenantId(), storeId, scope);
        if (inScope.isEmpty()) throw new CatalogErrors.CountEmpty();
        if (inScope.size() > CountRules.MAX_LINES) throw new CatalogErrors.CountTooLarge(inScope.size(), CountRules.MAX_LINES);
        List<CountLine> lines = inScope.stream()
                .map(p -> new CountLine(p.gtin(), p.name(), p.unit(), p.weighed(), null, null, null, null, null)).toList();
        String at = Actors.now(clock);
        String id = "sc_" + clock.millis() + Ids.next("").substring(1);
        StockCount c = new StockCount(id, storeId, StockCount.OPEN, scope.kind(), scope.categoryId(), assigneeId, dueOn, lines.size(), 0,
                Actors.who(caller), at, null, null, 0, lines);
        counts.create(caller.tenantId(), c);
        return c;
    }

    /** The store is the tenant's and, for staff, one of theirs; else 404 as if absent. */
    public void requireStore(Caller caller, String storeId) {
        stores.require(caller, storeId);
    }

    public Listing<StockCount> list(Caller caller, String storeId, String status, int limit, String cursor) {
        stores.require(caller, storeId);
        return counts.list(caller.tenantId(), storeId, status, limit, cursor);
    }

    public StockCount get(Caller caller, String storeId, String countId) {
        stores.require(caller, storeId);
        return find(caller.tenantId(), storeId, countId, true);
    }

    /** The open counts of a store (headers), for the task list; the caller has checked the store. */
    public List<StockCount> openCounts(String tenantId, String storeId) {
        List<StockCount> out = new ArrayList<>();
        String cursor = null;
        do {
            Listing<StockCount> page = counts.list(tenantId, storeId, StockCount.OPEN, 200, cursor);
            out.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return out;
    }

    /** Records what was counted and the on hand at that moment (the level is checked unchanged in the same write). */
    public CountLine count(Caller caller, String storeId, String countId, String gtin, long counted) {
        stores.require(caller, storeId);
        for (int i = 0; i < COUNT_TRIES; i++) {
            StockCount c = find(caller.tenantId(), storeId, countId, false);
            CountRules.requireOpen(c);
            CountLine line = counts.line(caller.tenantId(), storeId, countId, gtin).orElseThrow(() -> {
                products.find(caller.tenantId(), gtin).orElseThrow(() -> new CatalogErrors.ProductNotFound(gtin));
                return new CatalogErrors.NotInCount(countId, gtin);
            });
            StockLevel at = stock.level(caller.tenantId(), storeId, gtin);
            CountLine done = line.counted(counted, at, Actors.who(caller), Actors.now(clock));
            int refused = counts.count(caller.tenantId(), c, done, line.isCounted(), at);
            if (refused < 0) return done;
            if (refused == StockCountRepository.REFUSED_COUNT) CountRules.requireOpen(find(caller.tenantId(), storeId, countId, false));
        }
        throw new CatalogErrors.StockBusy();
    }

    /**
     * Posts each counted line's variance (counted − on hand when counted) as a count movement; uncounted lines keep their
     * on hand. A large count posts in parts; a finish cut off midway is resumed by finishing again.
     */
    public StockCount finish(Caller caller, String storeId, String countId) {
        stores.require(caller, storeId);
        StockCount c = find(caller.tenantId(), storeId, countId, true);
        if (!StockCount.FINISHING.equals(c.status())) CountRules.requireOpen(c);
        List<CountRules.Posting> postings = CountRules.postings(c.lines());
        int parts = CountRules.parts(postings.size());
        String by = c.closedBy() != null ? c.closedBy() : Actors.who(caller);
        String at = c.closedAt() != null ? c.closedAt() : Actors.now(clock);
        for (int part = c.posted(); part < parts; part++) {
            List<CountRules.Posting> chunk = postings.subList(Math.min(postings.size(), part * CountRules.CHUNK),
                    Math.min(postings.size(), (part + 1) * CountRules.CHUNK));
            List<Movement> ms = new ArrayList<>();
            for (CountRules.Posting p : chunk) {
                ms.add(new Movement("mv_" + countId.substring(3) + "_" + p.gtin(), storeId, p.gtin(), Movement.COUNT, p.delta(), 0, "stock_count",
                        countId, null, null, null, null, p.counted(), by, at));
            }
            int refused = counts.finishPart(caller.tenantId(), c, part, parts, ms, by, at);
            if (refused == 0) CountRules.requireOpen(find(caller.tenantId(), storeId, countId, false));
            if (refused > 0) {
                CountRules.Posting p = chunk.get((refused - 1) / 2);
                long available = stock.level(caller.tenantId(), storeId, p.gtin()).available();
                throw new CatalogErrors.InsufficientStock(p.gtin(), Math.max(0, available), -p.delta());
            }
        }
        return find(caller.tenantId(), storeId, countId, true);
    }

    public StockCount cancel(Caller caller, String storeId, String countId) {
        stores.require(caller, storeId);
        StockCount c = find(caller.tenantId(), storeId, countId, false);
        CountRules.requireOpen(c);
        if (!counts.cancel(caller.tenantId(), c, Actors.who(caller), Actors.now(clock))) CountRules.requireOpen(find(caller.tenantId(), storeId, countId, false));
        return find(caller.tenantId(), storeId, countId, true);
    }

    private StockCount find(String tenantId, String storeId, String countId, boolean withLines) {
        return counts.find(tenantId, storeId, countId, withLines).orElseThrow(() -> new CatalogErrors.CountNotFound(countId));
    }

    /** The products a scope names, by category and name (the order staff walk the shelves in). */
    private List<Product> products(String tenantId, String storeId, Scope scope) {
        List<Product> out;
        if (StockCount.SCOPE_GTINS.equals(scope.kind())) {
            Map<String, Product> known = products.findAll(tenantId, scope.gtins());
            for (String g : scope.gtins()) if (!known.containsKey(g)) throw new CatalogErrors.ProductNotFound(g);
            out = new ArrayList<>(new LinkedHashSet<>(scope.gtins())).stream().map(known::get).toList();
        } else {
            Set<String> categories = null;
            if (StockCount.SCOPE_CATEGORY.equals(scope.kind())) {
                Category top = products.category(tenantId, scope.categoryId()).orElseThrow(() -> new CatalogErrors.CategoryNotFound(scope.categoryId()));
                categories = new HashSet<>();
                categories.add(top.categoryId());
                for (Category c : products.categories(tenantId)) if (top.categoryId().equals(c.parentId())) categories.add(c.categoryId());
            }
            List<String> gtins = new ArrayList<>();
            String cursor = null;
            do {
                Listing<StockLevel> page = stock.levels(tenantId, storeId, 200, cursor);
                page.items().forEach(l -> gtins.add(l.gtin()));
                cursor = page.nextCursor();
            } while (cursor != null);
            Map<String, Product> known = products.findAll(tenantId, gtins);
            Set<String> within = categories;
            out = known.values().stream().filter(p -> within == null || within.contains(p.categoryId())).toList();
        }
        return out.stream().sorted(Comparator.comparing((Product p) -> p.categoryId() == null ? "~" : p.categoryId()).thenComparing(Product::name)
                .thenComparing(Product::gtin)).toList();
    }
}
