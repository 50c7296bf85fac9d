package com.zhidian.orders.application;

import com.zhidian.catalog.application.PriceService;
import com.zhidian.catalog.domain.CatalogErrors;
import com.zhidian.orders.domain.OrdersErrors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The weighed lines of an order being placed (docs/decisions.md, "Weighed goods"): scale labels decoded by the
 * catalog in the tenant's format, and what the order takes of each product, grams for goods sold by weight.
 */
final class WeighedLines {
    private WeighedLines() {}

    /** The scale labels of an order decoded once (the tenant's format and the PLUs), in the catalog's rule. */
    static List<PriceService.ScaleLabel> labels(PriceService prices, String tenantId, List<OrdersService.Weighed> weighed) {
        List<PriceService.ScaleLabel> out = new ArrayList<>();
        for (OrdersService.Weighed w : weighed) {
            if (w.label() == null) continue;
            try {
                out.add(prices.scaleLabel(tenantId, w.label()));
            } catch (CatalogErrors.ScaleCheckDigit e) {
                throw new OrdersErrors.ScaleCodeCheckDigit(w.label());
            } catch (CatalogErrors.NotAScaleCode e) {
                throw new OrdersErrors.ScaleCodeNotInFormat(w.label());
            } catch (CatalogErrors.UnknownPlu e) {
                throw new OrdersErrors.ScaleCodeUnknownPlu(w.label());
            }
        }
        return out;
    }

    /**
     * What the order takes of each product: pieces, or grams of a weighed one (its stock is kept in grams), the weighed
     * asks of one product added up into one line (its stock is held once per order). A piece product given a weight and
     * a weighed one given a quantity are refused, naming the line.
     */
    static Map<String, Long> quantities(OrdersService.Placing in, List<PriceService.ScaleLabel> labels, Map<String, PriceService.ForOrder> priced) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Map.Entry<String, Long> l : in.lines().entrySet()) {
            if (priced.get(l.getKey()).weighed()) throw new OrdersErrors.WeightRequired(l.getKey());
            out.put(l.getKey(), l.getValue());
        }
        Map<String, Long> grams = new LinkedHashMap<>();
        for (OrdersService.Weighed w : in.weighed()) if (w.gtin() != null) grams.merge(w.gtin(), w.grams(), Math::addExact);
        for (PriceService.ScaleLabel l : labels) grams.merge(l.gtin(), l.grams(priced.get(l.gtin()).unitPrice()), Math::addExact);
        for (Map.Entry<String, Long> g : grams.entrySet()) {
            if (!priced.get(g.getKey()).weighed()) throw new OrdersErrors.NotSoldByWeight(g.getKey());
            if (out.containsKey(g.getKey())) throw new OrdersErrors.WeightRequired(g.getKey());
            if (g.getValue() <= 0) throw new OrdersErrors.NoWeight(g.getKey());
            out.put(g.getKey(), g.getValue());
        }
        return out;
    }
}
