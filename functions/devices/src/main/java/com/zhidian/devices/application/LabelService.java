package com.zhidian.devices.application;

import com.zhidian.core.Ids;
import com.zhidian.core.auth.Caller;
import com.zhidian.devices.domain.Device;
import com.zhidian.devices.domain.DeviceErrors;
import com.zhidian.devices.domain.DeviceRepository;
import com.zhidian.devices.domain.Gtins;
import com.zhidian.devices.domain.LabelContent;
import com.zhidian.devices.domain.LabelPrice;
import com.zhidian.devices.domain.LabelShadows;
import com.zhidian.devices.domain.LabelSync;
import com.zhidian.devices.domain.ProductDirectory;
import com.zhidian.devices.domain.ShelfPriceSource;
import com.zhidian.devices.domain.StoreDirectory;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Shelf labels that follow the price (docs/decisions.md, "ESL price push"): a price change (the catalog's outbox item,
 * through the table's stream) sets the desired state of the {@code esl} shadow of every label bound to the product;
 * the sweep pushes again when a scheduled price or a promotion's start or end comes, retries a label that stays
 * behind, and gives up after {@link LabelSync#MAX_ATTEMPTS}; an owner re-pushes; staff make labels flash.
 */
public final class LabelService {
    /** What the device list shows of a label. */
    public record Status(LabelSync sync, Long shownPrice, Long wantedPrice, Map<String, Object> unitPrice, Map<String, Object> flash,
                         String firmware, Integer battery) {}

    /** A flash asked for: its id and end, the labels that flash, the GTINs no label of the store shows. */
    public record Flash(String requestId, Instant until, List<String> deviceIds, List<String> unmatched) {}

    private final DeviceRepository devices;
    private final StoreDirectory stores;
    private final ProductDirectory products;
    private final ShelfPriceSource prices;
    private final LabelShadows shadows;
    private final Clock clock;
    private final ParallelPushes pushes;

    public LabelService(DeviceRepository devices, StoreDirectory stores, ProductDirectory products, ShelfPriceSource prices,
                        LabelShadows shadows, Clock clock) {
        this(devices, stores, products, prices, shadows, clock, ParallelPushes.shared());
    }

    public LabelService(DeviceRepository devices, StoreDirectory stores, ProductDirectory products, ShelfPriceSource prices,
                        LabelShadows shadows, Clock clock, ParallelPushes pushes) {
        this.pushes = pushes;
        this.devices = devices;
        this.stores = stores;
        this.products = products;
        this.prices = prices;
        this.shadows = shadows;
        this.clock = clock;
    }

    /** A price write the catalog announced (its outbox item): the product and, for a store's own price, the store. */
    public record PriceChange(String tenantId, String storeId, String gtin14) {}

    /** The catalog's notice of a price write: pushes the price now in force to the labels of the product. */
    public int priceChanged(String tenantId, String storeId, String gtin14) {
        return pricesChanged(List.of(new PriceChange(tenantId, storeId, gtin14)));
    }

    /**
     * A batch of price writes (one stream batch, up to a whole store's bulk change): the same change twice is pushed
     * once. A tenant's changed products go in slices of {@link #READ_SLICE}, side by side on the push pool
     * ({@link ParallelPushes}, docs/decisions.md, "ESL bulk pushes"); each slice reads its labels and their prices and
     * pushes them, so reads cost what the batch's labels need (however large the tenant's catalog or history) and the
     * pool never waits for every read of the batch before its first push. Any failure fails the whole batch, which
     * Lambda retries: a push sets a desired state, so doing it again is harmless. Answers how many labels were pushed.
     */
    public int pricesChanged(List<PriceChange> changes) {
        Instant now = clock.instant();
        Map<String, java.util.SortedMap<String, List<PriceChange>>> byTenant = new LinkedHashMap<>();
        for (PriceChange c : new java.util.LinkedHashSet<>(changes)) {
            // sorted by GTIN: a slice is neighbours, whose labels and prices each come in one range read
            byTenant.computeIfAbsent(c.tenantId(), t -> new java.util.TreeMap<>()).computeIfAbsent(c.gtin14(), g -> new ArrayList<>()).add(c);
        }
        List<Slice> slices = new ArrayList<>();
        Map<String, List<String>> toCheck = new LinkedHashMap<>();
        byTenant.forEach((tenant, byGtin) -> {
            List<String> checks = java.util.Collections.synchronizedList(new ArrayList<>());
            toCheck.put(tenant, checks);
            List<List<PriceChange>> products = new ArrayList<>(byGtin.values());
            for (int from = 0; from < products.size(); from += READ_SLICE) {
                List<PriceChange> slice = new ArrayList<>();
                products.subList(from, Math.min(products.size(), from + READ_SLICE)).forEach(slice::addAll);
                slices.add(new Slice(tenant, slice, checks));
            }
        });
        int pushed = 0;
        for (Integer n : pushes.map(slices, s -> pushSlice(s, now))) pushed += n;
        // the labels whose bookkeeping stays as it was: a few check items instead of a write each
        toCheck.forEach((tenant, ids) -> {
            if (!ids.isEmpty()) devices.checkLater(tenant, ids, now);
        });
        return pushed;
    }

    /**
     * Products a stream batch changed, neighbours by GTIN, pushed together on one of the pool's threads: one range read
     * of their labels (gsi1, sorted by product), a BatchGetItem of the products and one range read of their price
     * versions, with one-product reads only past the reads' caps; never the tenant's whole device partition or price
     * history (a read that grew with every import ran past the SDK's call timeout: bench/journal/esl.md).
     */
    static final int READ_SLICE = 16;

    /** One tenant's changes of at most {@link #READ_SLICE} products; {@code checks} collects its labels for a check item. */
    private record Slice(String tenantId, List<PriceChange> changes, List<String> checks) {}

    /** A slice's labels read, their prices per store read, then each pushed once (named by a tenant-wide and a store change too). */
    private int pushSlice(Slice slice, Instant now) {
        String tenantId = slice.tenantId();
        Map<String, List<Device>> labels = devices.labelsOf(tenantId, new java.util.HashSet<>(slice.changes().stream().map(PriceChange::gtin14).toList()));
        Map<String, Device> touched = new LinkedHashMap<>();
        Map<String, java.util.Set<String>> gtinsByStore = new LinkedHashMap<>();
        for (PriceChange c : slice.changes()) {
            for (Device label : labels.getOrDefault(c.gtin14(), List.of())) {
                if (c.storeId() != null && !c.storeId().equals(label.storeId())) continue;
                touched.put(label.deviceId(), label);
                gtinsByStore.computeIfAbsent(label.storeId(), s -> new java.util.HashSet<>()).add(c.gtin14());
            }
        }
        Map<String, Map<String, LabelPrice>> priceByStore = new LinkedHashMap<>();
        gtinsByStore.forEach((store, gtins) -> priceByStore.put(store, prices.atAll(tenantId, store, gtins, now)));
        int pushed = 0;
        for (Device label : touched.values()) {
            LabelPrice p = priceByStore.get(label.storeId()).get(label.gtin());
            if (p == null) continue;
            pushed++;
            if (label.push().attempts() == 0 && java.util.Objects.equals(label.push().changeAt(), p.dueAt())) {
                // its bookkeeping stays as it is: the shadow now, the sweep's look through a check item
                shadows.desire(label.thingName(), LabelContent.desired(p));
                slice.checks().add(label.deviceId());
            } else {
                push(tenantId, label, p, 0, now);
            }
        }
        return pushed;
    }

    /** A label just bound to its product: its first push; when IoT is unreachable the sweep pushes it. */
    public void bound(String tenantId, Device label) {
        if (!Device.ESL.equals(label.kind()) || label.gtin() == null) return;
        Instant now = clock.instant();
        try {
            prices.at(tenantId, label.storeId(), label.gtin(), now).ifPresent(p -> push(tenantId, label, p, 0, now));
        } catch (RuntimeException unreachable) {
            devices.pushed(tenantId, label.deviceId(), Device.Push.NONE, now);
        }
    }

    /** An owner pushes a label's content again (its count of retries starts over). */
    public Device repush(Caller caller, String storeId, String deviceId) {
        requireStore(caller, storeId);
        Device d = devices.find(caller.tenantId(), deviceId);
        if (d == null || !d.storeId().equals(storeId)) throw new DeviceErrors.DeviceNotFound(deviceId);
        if (!Device.ESL.equals(d.kind()) || d.gtin() == null) throw new DeviceErrors.NotABoundLabel(deviceId);
        Instant now = clock.instant();
        LabelPrice p = prices.at(caller.tenantId(), storeId, d.gtin(), now).orElseThrow(() -> new DeviceErrors.ProductNotFound(d.gtin()));
        push(caller.tenantId(), d, p, 0, now);
        return devices.find(caller.tenantId(), deviceId);
    }

    /**
     * One run of the sweep: every label due now, in pages of {@code batch}. A label whose content changes now (a
     * scheduled price, a promotion's start or end) is pushed; one pushed before is looked at: synced leaves the list,
     * behind is pushed again until {@link LabelSync#MAX_ATTEMPTS}, then it shows failed until the next push. What it
     * puts back on the list is due just after this run's cut-off, so the next run sees it, not this one. Answers how
     * many labels it looked at.
     */
    public int sweep(int batch) {
        Instant upTo = clock.instant();
        Instant next = upTo.plusMillis(1);
        int total = 0;
        // every look takes its label off the list or puts it back after upTo, and a check item goes once its labels were
        // looked at, so the pages end; the cap only guards against a bug
        for (int page = 0; page < 10_000; page++) {
            List<DeviceRepository.Due> due = devices.due(upTo, batch);
            if (due.isEmpty()) break;
            Map<String, DeviceRepository.Due> labels = new LinkedHashMap<>();
            java.util.Set<List<String>> checks = new java.util.LinkedHashSet<>();
            for (DeviceRepository.Due d : due) {
                labels.putIfAbsent(d.tenantId() + "#" + d.deviceId(), d);
                if (d.check() != null) checks.add(List.of(d.tenantId(), d.check()));
            }
            total += labels.size();
            // each look reads the label and its shadow and may push: in parallel, as a bulk change's pushes
            pushes.map(new ArrayList<>(labels.values()), d -> {
                look(d, upTo, next);
                return null;
            });
            for (List<String> c : checks) devices.checked(c.get(0), c.get(1));
        }
        return total;
    }

    private void look(DeviceRepository.Due d, Instant now, Instant next) {
        Device label = devices.find(d.tenantId(), d.deviceId());
        if (label == null) return;
        if (label.gtin() == null) {
            devices.pushed(d.tenantId(), label.deviceId(), Device.Push.NONE, null);
            return;
        }
        Instant changeAt = label.push().changeAt();
        int attempts = 0;
        if (changeAt == null || changeAt.isAfter(now)) {
            if (LabelSync.of(shadows.get(label.thingName()), 0) == LabelSync.SYNCED) {
                devices.pushed(d.tenantId(), label.deviceId(), new Device.Push(0, changeAt), null);
                return;
            }
            attempts = label.push().attempts() + 1;
            if (attempts >= LabelSync.MAX_ATTEMPTS) {
                devices.pushed(d.tenantId(), label.deviceId(), new Device.Push(attempts, changeAt), null);
                return;
            }
        }
        Optional<LabelPrice> p = prices.at(d.tenantId(), label.storeId(), label.gtin(), now);
        if (p.isPresent()) push(d.tenantId(), label, p.get(), attempts, next);
        else devices.pushed(d.tenantId(), label.deviceId(), Device.Push.NONE, null);
    }

    /** What the device list shows of a shelf label: sync, the price it shows and the one it should, its flash. */
    public Status status(Device label) {
        LabelShadows.State s = shadows.get(label.thingName());
        Map<String, Object> flash = null;
        if (s.desired() != null && s.desired().get("flash") instanceof Map<?, ?> f) {
            flash = new LinkedHashMap<>();
            flash.put("requestId", f.get("requestId"));
            flash.put("until", f.get("until"));
            Object ack = s.reported() == null ? null : s.reported().get("flashAck");
            if (ack instanceof Map<?, ?> a && f.get("requestId") != null && f.get("requestId").equals(a.get("requestId"))) {
                flash.put("acknowledgedAt", a.get("at"));
            }
        }
        Map<String, Object> unit = null;
        if (s.desired() != null && s.desired().get("unitPrice") instanceof Map<?, ?> u && u.get("price") instanceof Number p) {
            unit = new LinkedHashMap<>();
            unit.put("price", p.longValue());
            unit.put("per", String.valueOf(u.get("per")));
        }
        Map<String, Object> r = s.reported() == null ? Map.of() : s.reported();
        return new Status(LabelSync.of(s, label.push().attempts()), LabelContent.payable(s.reported()), LabelContent.payable(s.desired()),
                unit, flash, r.get("firmware") instanceof String fw ? fw : null,
                r.get("battery") instanceof Number b ? (int) Math.round(b.doubleValue()) : null);
    }

    /** Makes the labels of these products in the store flash for {@code minutes} (picking, restocking: 补货和拣货提醒). */
    public Flash flash(Caller caller, String storeId, List<String> gtins, int minutes) {
        requireStore(caller, storeId);
        List<String> gtin14s = gtins.stream().map(Gtins::parse).toList();
        // another tenant's product is as unknown as no product (404), before anything flashes
        for (int i = 0; i < gtins.size(); i++) {
            if (!products.exists(caller.tenantId(), gtin14s.get(i))) throw new DeviceErrors.ProductNotFound(gtins.get(i));
        }
        String requestId = Ids.next("fl");
        Instant until = clock.instant().plus(minutes, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        List<String> flashing = new ArrayList<>();
        List<String> unmatched = new ArrayList<>();
        for (int i = 0; i < gtins.size(); i++) {
            List<Device> labels = devices.labelsOf(caller.tenantId(), storeId, gtin14s.get(i));
            if (labels.isEmpty()) unmatched.add(gtins.get(i));
            for (Device label : labels) {
                shadows.desire(label.thingName(), LabelContent.flash(requestId, until));
                flashing.add(label.deviceId());
            }
        }
        return new Flash(requestId, until, flashing, unmatched);
    }

    private boolean push(String tenantId, Device label, LabelPrice p, int attempts, Instant now) {
        shadows.desire(label.thingName(), LabelContent.desired(p));
        // looked at again by the next sweep (synced: off the list), and pushed again when its content changes
        return devices.pushed(tenantId, label.deviceId(), new Device.Push(attempts, p.dueAt()), now);
    }

    private void requireStore(Caller caller, String storeId) {
        if (!caller.canSeeStore(storeId) || !stores.exists(caller.tenantId(), storeId)) throw new DeviceErrors.StoreNotFound(storeId);
    }
}
