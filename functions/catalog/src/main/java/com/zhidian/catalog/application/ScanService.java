package com.zhidian.catalog.application;

import com.zhidian.catalog.domain.CatalogErrors;
import com.zhidian.catalog.domain.Gtin;
import com.zhidian.catalog.domain.PriceInForce;
import com.zhidian.catalog.domain.PriceRepository;
import com.zhidian.catalog.domain.PriceRules;
import com.zhidian.catalog.domain.Product;
import com.zhidian.catalog.domain.ProductRepository;
import com.zhidian.catalog.domain.ScanResult;
import com.zhidian.catalog.domain.StockRepository;
import com.zhidian.catalog.domain.VariableMeasure;
import com.zhidian.catalog.domain.Weighing;
import com.zhidian.core.auth.Caller;
import java.time.Clock;
import java.time.Instant;

/** What a scanner read at a till: a GTIN, or a weighing scale's in-store code in the tenant's format. */
public final class ScanService {
    private final ProductRepository products;
    private final PriceRepository prices;
    private final StockRepository stock;
    private final StoreAccess stores;
    private final Clock clock;

    ScanService(ProductRepository products, PriceRepository prices, StockRepository stock, StoreAccess stores, Clock clock) {
        this.products = products;
        this.prices = prices;
        this.stock = stock;
        this.stores = stores;
        this.clock = clock;
    }

    /**
     * A scale's code: decoded in the tenant's format, priced by {@link Weighing} (a price-bearing label's grams derived
     * from its amount at the price in force, then priced again, so a code and an order line cost the same).
     */
    public ScanResult scan(Caller caller, String storeId, String code) {
        stores.require(caller, storeId);
        String t = caller.tenantId();
        Instant now = clock.instant();
        VariableMeasure format = products.settings(t);
        VariableMeasure.Parsed vm = format.decode(code);
        if (vm != null) {
            String gtin = products.gtinOfPlu(t, vm.item()).orElseThrow(() -> new CatalogErrors.UnknownCode(code));
            Product p = sellable(products.find(t, gtin).orElseThrow(() -> new CatalogErrors.UnknownCode(code)));
            if (!p.weighed()) throw new CatalogErrors.NotSoldByWeight(gtin);
            PriceInForce price = price(t, storeId, gtin, now);
            long grams = Weighing.gramsOfLabel(format.carriesWeight(), vm.value(), price.price());
            long amount = Weighing.amountFen(price.price(), grams);
            return new ScanResult(code, ScanResult.VARIABLE_MEASURE, p, price, grams, "g", amount, stock.level(t, storeId, gtin));
        }
        Gtin g = Gtin.orNull(code);
        if (g == null) throw new CatalogErrors.UnknownCode(code);
        Product p = sellable(products.find(t, g.value()).orElseThrow(() -> new CatalogErrors.UnknownCode(code)));
        PriceInForce price = price(t, storeId, g.value(), now);
        // a weighed product's own GTIN carries no weight: the till weighs it and sends the grams (amount unknown yet)
        if (p.weighed()) return new ScanResult(code, ScanResult.GTIN, p, price, 0, "g", null, stock.level(t, storeId, g.value()));
        return new ScanResult(code, ScanResult.GTIN, p, price, 1, "each", price.price(), stock.level(t, storeId, g.value()));
    }

    /** A delisted product is no longer sold: the till is told so, not given a price. */
    private static Product sellable(Product p) {
        if (Product.DELISTED.equals(p.status())) throw new CatalogErrors.ProductDelisted(p.gtin());
        return p;
    }

    private PriceInForce price(String tenantId, String storeId, String gtin, Instant at) {
        return PriceRules.inForce(prices.versions(tenantId, gtin), storeId, at).orElseThrow(() -> new CatalogErrors.NoPrice(gtin));
    }
}
