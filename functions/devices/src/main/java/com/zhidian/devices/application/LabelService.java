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
    public record Status(LabelSync sync, Long shownPrice, Long wantedPrice, Map<String, Object> flash) {}

    /** A flash asked for: its id and end, the labels that flash, the GTINs no label of the store shows. */
    public record Flash(String requestId, Instant until, List<String> deviceIds, List<String> unmatched) {}

    private final DeviceRepository devices;
    private final StoreDirectory stores;
    private final ProductDirectory products;
    private final ShelfPriceSource prices;
    private final LabelShadows shadows;
    private final Clock clock;

    public LabelService(DeviceRepository devices, StoreDirectory stores, ProductDirectory products, ShelfPriceSource prices,
                        LabelShadows shadows, Clock clock) {
        this.devices = devices;
        this.stores = stores;
        this.products = products;
        this.prices = prices;
        this.shadows = shadows;
        this.clock = clock;
    }

    /** The catalog's notice of a price write: pushes the price now in force to the labels of the product. */
    public int priceChanged(String tenantId, String storeId, String gtin14) {
        Instant now = clock.instant();
        Map<String, Optional<LabelPrice>> byStore = new LinkedHashMap<>();
        int pushed = 0;
        for (Device label : devices.labelsOf(tenantId, storeId, gtin14)) {
            Optional<LabelPrice> p = byStore.computeIfAbsent(label.storeId(), s -> prices.at(tenantId, s, gtin14, now));
            if (p.isPresent() && push(tenantId, label, p.get(), 0, now)) pushed++;
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
        int total = 0, n;
        do {
            List<DeviceRepository.Due> due = devices.due(upTo, batch);
            n = due.size();
            total += n;
            for (DeviceRepository.Due d : due) look(d, upTo, next);
        } while (n == batch);
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
        return new Status(LabelSync.of(s, label.push().attempts()), LabelContent.payable(s.reported()), LabelContent.payable(s.desired()), flash);
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
