package com.zhidian.purchasing.application.fakes;

import com.zhidian.purchasing.domain.DemandHistory;
import com.zhidian.purchasing.domain.ForecastRepository;
import com.zhidian.purchasing.domain.Outbox;
import com.zhidian.purchasing.domain.PurchaseOrder;
import com.zhidian.purchasing.domain.PurchaseOrderRepository;
import com.zhidian.purchasing.domain.StockView;
import com.zhidian.purchasing.domain.Supplier;
import com.zhidian.purchasing.domain.SupplierRepository;
import com.zhidian.purchasing.domain.forecast.DemandSeries;
import com.zhidian.purchasing.domain.forecast.Forecast;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/** In-memory adapters of every purchasing port, for the use-case tests. */
public final class InMemory {
    private InMemory() {}

    /** Demand per day given by a function of the date. */
    public static final class History implements DemandHistory {
        public final Map<String, ToDoubleFunction<LocalDate>> byGtin = new HashMap<>();

        @Override
        public DemandSeries daily(String tenantId, String storeId, String gtin, LocalDate from, LocalDate to) {
            int n = (int) ChronoUnit.DAYS.between(from, to);
            double[] u = new double[n];
            ToDoubleFunction<LocalDate> f = byGtin.get(gtin);
            for (int i = 0; i < n && f != null; i++) u[i] = f.applyAsDouble(from.plusDays(i));
            return new DemandSeries(from, u, null);
        }
    }

    public static final class Forecasts implements ForecastRepository {
        public final Map<String, Stored> items = new HashMap<>();

        @Override public void save(String t, String s, String g, Forecast f, Instant at) { items.put(t + s + g, new Stored(f, at)); }
        @Override public Optional<Stored> get(String t, String s, String g) { return Optional.ofNullable(items.get(t + s + g)); }
    }

    public static final class Suppliers implements SupplierRepository {
        public final Map<String, Supplier> items = new LinkedHashMap<>();

        @Override public void create(Supplier s) { items.put(s.tenantId() + s.supplierId(), s); }
        @Override public Optional<Supplier> get(String t, String id) { return Optional.ofNullable(items.get(t + id)); }
        @Override public boolean update(Supplier s) { items.put(s.tenantId() + s.supplierId(), s); return true; }
        @Override public void delete(String t, String id) { items.remove(t + id); }
        @Override public Page<Supplier> list(String t, int limit, String cursor) { return new Page<>(all(t), null); }
        @Override public List<Supplier> all(String t) { return items.values().stream().filter(s -> s.tenantId().equals(t)).toList(); }
    }

    public static final class Orders implements PurchaseOrderRepository {
        public final Map<String, PurchaseOrder> items = new LinkedHashMap<>();

        @Override public void create(PurchaseOrder po) { items.put(po.tenantId() + po.purchaseOrderId(), po); }
        @Override public Optional<PurchaseOrder> get(String t, String id) { return Optional.ofNullable(items.get(t + id)); }
        @Override public boolean update(PurchaseOrder po) {
            PurchaseOrder old = items.get(po.tenantId() + po.purchaseOrderId());
            if (old == null || old.version() != po.version() - 1) return false;
            items.put(po.tenantId() + po.purchaseOrderId(), po);
            return true;
        }
        @Override public SupplierRepository.Page<PurchaseOrder> list(String t, String storeId, String status, int limit, String cursor) {
            return new SupplierRepository.Page<>(items.values().stream().filter(p -> p.tenantId().equals(t))
                    .filter(p -> storeId == null || p.storeId().equals(storeId)).filter(p -> status == null || p.status().equals(status)).toList(), null);
        }
        @Override public List<PurchaseOrder> open(String t, String storeId) {
            return items.values().stream().filter(p -> p.tenantId().equals(t) && p.storeId().equals(storeId))
                    .filter(p -> p.status().equals(PurchaseOrder.SENT) || p.status().equals(PurchaseOrder.PARTIALLY_RECEIVED)).toList();
        }
    }

    public static final class Stock implements StockView {
        public final Map<String, Product> products = new HashMap<>();
        public final Map<String, Level> levels = new LinkedHashMap<>();
        public final Map<String, Long> prices = new HashMap<>();
        public final List<Lot> lots = new ArrayList<>();
        public final List<String> receipts = new ArrayList<>();

        public void put(String gtin, String name, long onHand, long price) {
            products.put(gtin, new Product(gtin, name, "active", null));
            levels.put(gtin, new Level(gtin, onHand, onHand, null));
            prices.put(gtin, price);
        }

        @Override public boolean storeExists(String t, String s) { return "st1".equals(s); }
        @Override public Product product(String t, String g) { return products.get(g); }
        @Override public List<Level> levels(String t, String s) { return new ArrayList<>(levels.values()); }
        @Override public Map<String, Product> products(String t, List<String> gtins) {
            Map<String, Product> out = new HashMap<>();
            for (String g : gtins) if (products.containsKey(g)) out.put(g, products.get(g));
            return out;
        }
        @Override public Long price(String t, String s, String g) { return prices.get(g); }
        @Override public List<Lot> expiring(String t, String s, LocalDate until) {
            return lots.stream().filter(l -> l.expiresOn().compareTo(until.toString()) <= 0).toList();
        }
        @Override public void receive(String t, String s, String g, long q, long cost, String ref, String exp, String actor) {
            Level l = levels.getOrDefault(g, new Level(g, 0, 0, null));
            levels.put(g, new Level(g, l.onHand() + q, l.available() + q, cost));
            receipts.add(g + " " + q + " " + ref);
        }
    }

    public static final class Mail implements Outbox {
        public final List<String> sent = new ArrayList<>();

        @Override public String send(String t, String to, String subject, String body, Attachment a) {
            sent.add(to + " " + subject + " " + (a == null ? "" : a.filename()));
            return "msg_" + sent.size();
        }
    }
}
