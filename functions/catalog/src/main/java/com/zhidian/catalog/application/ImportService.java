package com.zhidian.catalog.application;

import com.zhidian.catalog.domain.CatalogErrors;
import com.zhidian.catalog.domain.CatalogImport;
import com.zhidian.catalog.domain.Category;
import com.zhidian.catalog.domain.CsvFile;
import com.zhidian.catalog.domain.ImportErrors;
import com.zhidian.catalog.domain.ImportFiles;
import com.zhidian.catalog.domain.ImportRepository;
import com.zhidian.catalog.domain.ImportRows;
import com.zhidian.catalog.domain.Listing;
import com.zhidian.catalog.domain.Product;
import com.zhidian.catalog.domain.ProductRepository;
import com.zhidian.catalog.domain.RowIssue;
import com.zhidian.catalog.domain.StockRepository;
import com.zhidian.catalog.domain.StoreDirectory;
import com.zhidian.core.Ids;
import com.zhidian.core.auth.Caller;
import com.zhidian.core.auth.Role;
import com.zhidian.core.errors.DomainException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Bulk imports of products and prices from CSV. {@link #start} records the import and hands out a URL to upload the
 * file to (the API's body limit is far below a 10,000-row file); once the file is there, {@link #run} (invoked by the
 * storage's object-created event) reads it, refuses the rows that break a rule with their reasons, and applies the
 * others, keyed by GTIN: a row that says what the catalog already says is "unchanged" and writes nothing.
 */
public final class ImportService {
    /** How long the upload URL is valid. */
    public static final Duration UPLOAD_WINDOW = Duration.ofMinutes(15);
    /** Rows applied between two progress writes (and products read in one batch). */
    static final int CHUNK = 100;
    /** Price rows applied together: a BatchGetItem of their products, three transactions of 33 rows. */
    static final int PRICE_CHUNK = 99;
    /** Price chunks applied at the same time (ChunkLanes). */
    static final int PRICE_LANES = 4;

    private final ImportRepository imports;
    private final ImportFiles files;
    private final ProductRepository products;
    private final PriceService prices;
    private final StoreDirectory stores;
    private final StockRepository stock;
    private final Clock clock;

    ImportService(ImportRepository imports, ImportFiles files, ProductRepository products, PriceService prices, StoreDirectory stores,
                  StockRepository stock, Clock clock) {
        this.imports = imports;
        this.stock = stock;
        this.files = files;
        this.products = products;
        this.prices = prices;
        this.stores = stores;
        this.clock = clock;
    }

    /** An import waiting for its file, and where to PUT it (exactly {@code size} bytes) until {@code uploadBy}. */
    public record Started(CatalogImport imp, String uploadUrl, Instant uploadBy) {}

    public Started start(Caller caller, String kind, String fileName, long size) {
        if (size > ImportErrors.MAX_BYTES) throw new ImportErrors.FileTooLarge(size);
        String id = Ids.next("imp");
        CatalogImport imp = new CatalogImport(id, kind, fileName, size, CatalogImport.AWAITING_UPLOAD, null, 0, 0, 0, 0, 0, 0, null, null,
                Actors.who(caller), caller.sub(), Actors.now(clock), null);
        imports.create(caller.tenantId(), imp);
        String url = files.uploadUrl(CatalogImport.objectKey(caller.tenantId(), id), size, UPLOAD_WINDOW);
        return new Started(imp, url, clock.instant().plus(UPLOAD_WINDOW));
    }

    public CatalogImport get(Caller caller, String importId) {
        return imports.find(caller.tenantId(), importId).orElseThrow(() -> new ImportErrors.ImportNotFound(importId));
    }

    public Listing<RowIssue> issues(Caller caller, String importId, int limit, String cursor) {
        get(caller, importId);
        return imports.issues(caller.tenantId(), importId, limit, cursor);
    }

    /**
     * Runs an uploaded import once: a second delivery of the same event finds it no longer waiting and does nothing.
     * A file refused as a whole ends the import {@code failed} with the reason; otherwise it ends {@code done}.
     */
    public void run(String tenantId, String importId) {
        CatalogImport waiting = imports.find(tenantId, importId).orElse(null);
        if (waiting == null || !CatalogImport.AWAITING_UPLOAD.equals(waiting.state())) return;
        CatalogImport imp = waiting.running(null, 0);
        if (!imports.claim(tenantId, imp)) return;
        try {
            byte[] bytes = files.read(CatalogImport.objectKey(tenantId, importId), ImportErrors.MAX_BYTES);
            CsvFile.Text text = CsvFile.decode(bytes);
            List<CsvFile.Record> records = CsvFile.parse(text.text());
            Caller owner = new Caller(waiting.createdBySub(), waiting.createdBy(), Role.OWNER, tenantId, Set.of(), null);
            if (CatalogImport.PRICES.equals(waiting.kind())) {
                ImportRows.Parsed<ImportRows.PriceLine> parsed = ImportRows.prices(records);
                imp = begin(tenantId, waiting, text, parsed.total(), parsed.issues());
                imp = applyPrices(owner, imp, parsed.lines());
            } else {
                ImportRows.Parsed<ImportRows.ProductLine> parsed = ImportRows.products(records);
                imp = begin(tenantId, waiting, text, parsed.total(), parsed.issues());
                imp = applyProducts(tenantId, imp, parsed.lines(), parsed.columns());
            }
            imports.save(tenantId, imp.done(Actors.now(clock)));
        } catch (DomainException e) {
            Map<String, String> facts = new HashMap<>();
            e.facts().forEach((k, v) -> facts.put(k, String.valueOf(v)));
            imports.save(tenantId, imp.failed(e.code(), facts, Actors.now(clock)));
        } catch (RuntimeException e) {
            // DynamoDB or S3 failed: the import must not stay "running" forever; a new import of the file finishes it
            try {
                // the progress saved so far (rows applied stay applied), marked failed
                CatalogImport last = imports.find(tenantId, importId).filter(i -> CatalogImport.RUNNING.equals(i.state())).orElse(imp);
                imports.save(tenantId, last.failed(new ImportErrors.Interrupted().code(), Map.of(), Actors.now(clock)));
            } catch (RuntimeException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
    }

    /** The rows refused by reading alone go into the report first; they count as processed. */
    private CatalogImport begin(String tenantId, CatalogImport waiting, CsvFile.Text text, int total, List<RowIssue> issues) {
        imports.addIssues(tenantId, waiting.importId(), issues);
        CatalogImport imp = waiting.running(text.encoding(), total).progress(issues.size(), 0, 0, 0, issues.size());
        imports.save(tenantId, imp);
        return imp;
    }

    private CatalogImport applyProducts(String tenantId, CatalogImport imp, List<ImportRows.ProductLine> lines, Set<String> columns) {
        Map<String, List<Category>> byName = new HashMap<>();
        Map<String, Category> byId = new HashMap<>();
        for (Category c : products.categories(tenantId)) {
            byName.computeIfAbsent(c.name().strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(c);
            byId.put(c.categoryId(), c);
        }
        int created = imp.created(), updated = imp.updated(), unchanged = imp.unchanged(), refused = imp.refused(), processed = imp.processed();
        for (int from = 0; from < lines.size(); from += CHUNK) {
            List<ImportRows.ProductLine> chunk = lines.subList(from, Math.min(lines.size(), from + CHUNK));
            Map<String, Product> existing = products.findAll(tenantId, chunk.stream().map(ImportRows.ProductLine::gtin).toList());
            List<RowIssue> issues = new ArrayList<>();
            for (ImportRows.ProductLine l : chunk) {
                String categoryId = null;
                if (l.category() != null) {
                    Category byIdMatch = byId.get(l.category());
                    List<Category> named = byName.getOrDefault(l.category().toLowerCase(Locale.ROOT), List.of());
                    if (byIdMatch != null) categoryId = byIdMatch.categoryId();
                    else if (named.size() == 1) categoryId = named.get(0).categoryId();
                    else {
                        issues.add(new RowIssue(l.row(), "category", named.isEmpty() ? "category.not_found" : "import.row.category_ambiguous",
                                l.category(), Map.of()));
                        continue;
                    }
                }
                String now = Actors.now(clock);
                Product old = existing.get(l.gtin());
                if (old == null) {
                    Product p = new Product(l.gtin(), l.name(), l.brand(), categoryId, l.unit(), l.spec(), l.shelfLifeDays(),
                            l.status() == null ? Product.ACTIVE : l.status(), null, null, now, now);
                    try {
                        products.create(tenantId, p);
                        created++;
                    } catch (CatalogErrors.DuplicateProduct e) {
                        issues.add(new RowIssue(l.row(), "gtin", e.code(), l.gtin(), Map.of()));
                    }
                    continue;
                }
                Product p = old.with(l.name(), pick(columns, "brand", l.brand(), old.brand()), pick(columns, "category", categoryId, old.categoryId()),
                        l.unit(), pick(columns, "spec", l.spec(), old.spec()), pick(columns, "shelfLifeDays", l.shelfLifeDays(), old.shelfLifeDays()),
                        l.status() == null ? old.status() : l.status(), now);
                if (same(old, p)) {
                    unchanged++;
                } else {
                    products.update(tenantId, p);
                    updated++;
                }
            }
            imports.addIssues(tenantId, imp.importId(), issues);
            refused += issues.size();
            processed += chunk.size();
            imp = imp.progress(processed, created, updated, unchanged, refused);
            imports.save(tenantId, imp);
        }
        return imp;
    }

    /**
     * Prices, sorted by GTIN so a chunk's versions are neighbours (one range read finds them), in chunks of
     * {@value #PRICE_CHUNK} rows applied {@value #PRICE_LANES} at a time: per chunk one BatchGetItem of its products,
     * one of the store's receipt costs, the versions they follow, and the changed rows written 33 to a transaction
     * (each row's version, history entry and notice together). Rows name each (GTIN, store) once (the file's
     * duplicates are refused), so no two chunks write the same item.
     */
    private CatalogImport applyPrices(Caller owner, CatalogImport imp, List<ImportRows.PriceLine> lines) {
        String tenantId = owner.tenantId();
        List<ImportRows.PriceLine> sorted = new ArrayList<>(lines);
        sorted.sort(java.util.Comparator.comparing(ImportRows.PriceLine::gtin)
                .thenComparing(ImportRows.PriceLine::storeId, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())));
        List<List<ImportRows.PriceLine>> chunks = new ArrayList<>();
        for (int from = 0; from < sorted.size(); from += PRICE_CHUNK) chunks.add(sorted.subList(from, Math.min(sorted.size(), from + PRICE_CHUNK)));
        Map<String, Boolean> storeExists = new java.util.concurrent.ConcurrentHashMap<>();
        CatalogImport[] at = {imp};
        ChunkLanes.run(PRICE_LANES, chunks, chunk -> applyPriceChunk(owner, chunk, storeExists), applied -> {
            imports.addIssues(tenantId, imp.importId(), applied.issues());
            CatalogImport c = at[0];
            at[0] = c.progress(c.processed() + applied.rows(), c.created(), c.updated() + applied.updated(),
                    c.unchanged() + applied.unchanged(), c.refused() + applied.issues().size());
            imports.save(tenantId, at[0]);
        });
        return at[0];
    }

    /** What one chunk of a price file did. */
    private record Applied(int rows, int updated, int unchanged, List<RowIssue> issues) {}

    private Applied applyPriceChunk(Caller owner, List<ImportRows.PriceLine> chunk, Map<String, Boolean> storeExists) {
        String tenantId = owner.tenantId();
        Map<String, Product> existing = products.findAll(tenantId, chunk.stream().map(ImportRows.PriceLine::gtin).toList());
        List<RowIssue> issues = new ArrayList<>();
        List<ImportRows.PriceLine> known = new ArrayList<>();
        for (ImportRows.PriceLine l : chunk) {
            if (!existing.containsKey(l.gtin())) {
                issues.add(new RowIssue(l.row(), "gtin", "product.not_found", l.gtin(), Map.of()));
            } else if (l.storeId() != null && !storeExists.computeIfAbsent(l.storeId(), s -> stores.exists(tenantId, s))) {
                issues.add(new RowIssue(l.row(), "store", "store.not_found", l.storeId(), Map.of()));
            } else {
                known.add(l);
            }
        }
        Map<String, Map<String, Long>> costs = new HashMap<>();
        known.stream().filter(l -> l.storeId() != null).collect(java.util.stream.Collectors.groupingBy(ImportRows.PriceLine::storeId))
                .forEach((store, rows) -> costs.put(store, stock.lastCosts(tenantId, store, rows.stream().map(ImportRows.PriceLine::gtin).toList())));
        List<PriceService.Imported> rows = known.stream().map(l -> new PriceService.Imported(existing.get(l.gtin()), l.storeId(),
                new PriceService.Input(l.price(), l.promoPrice(), l.promoFrom(), l.promoTo(), null),
                l.storeId() == null ? null : costs.get(l.storeId()).get(l.gtin()))).toList();
        boolean[] saved = prices.setAllIfChanged(owner, rows);
        int updated = 0;
        for (boolean s : saved) if (s) updated++;
        issues.sort(java.util.Comparator.comparingInt(RowIssue::row));
        return new Applied(chunk.size(), updated, rows.size() - updated, issues);
    }

    /** A column the file has sets the field (blank clears it); a column it lacks keeps what the product had. */
    private static <T> T pick(Set<String> columns, String column, T value, T old) {
        return columns.contains(column) ? value : old;
    }

    private static boolean same(Product a, Product b) {
        return Objects.equals(a.name(), b.name()) && Objects.equals(a.brand(), b.brand()) && Objects.equals(a.categoryId(), b.categoryId())
                && Objects.equals(a.unit(), b.unit()) && Objects.equals(a.spec(), b.spec()) && Objects.equals(a.shelfLifeDays(), b.shelfLifeDays())
                && Objects.equals(a.status(), b.status());
    }
}
