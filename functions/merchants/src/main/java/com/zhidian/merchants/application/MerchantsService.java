package com.zhidian.merchants.application;

import com.zhidian.core.Ids;
import com.zhidian.core.auth.Caller;
import com.zhidian.core.paging.Page;
import com.zhidian.merchants.domain.Complaint;
import com.zhidian.merchants.domain.ComplaintRules;
import com.zhidian.merchants.domain.Counter;
import com.zhidian.merchants.domain.CreditRating;
import com.zhidian.merchants.domain.Merchant;
import com.zhidian.merchants.domain.MerchantRepository;
import com.zhidian.merchants.domain.MerchantsErrors;
import com.zhidian.merchants.domain.Photo;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The use cases of merchants, counters, complaints and the credit record. */
public final class MerchantsService {
    /** A store's name and format, read through the stores context. */
    public record StoreInfo(String name, String format) {}

    public interface StoreLookup {
        Optional<StoreInfo> find(String tenantId, String storeId);
    }

    public record NewMerchant(String name, String licenceNo, String category, String contactName, String contactPhone) {}

    /** What a merchant's record shows: counts of complaints by how they stand, and the rating they give. */
    public record Record(int total, int open, int upheld, int partly, int rejected, int withdrawn, int late,
                         CreditRating.Rating rating) {}

    /** The public credit page's facts. */
    public record CreditPage(Counter counter, Merchant merchant, String storeName, Record record) {}

    private final MerchantRepository repo;
    private final StoreLookup stores;
    private final Clock clock;

    public MerchantsService(MerchantRepository repo, StoreLookup stores, Clock clock) {
        this.repo = repo;
        this.stores = stores;
        this.clock = clock;
    }

    public Merchant createMerchant(String tenantId, NewMerchant n) {
        Merchant m = new Merchant(Ids.next("mer"), n.name(), n.licenceNo(), n.category(), n.contactName(), n.contactPhone(),
                clock.instant().toString());
        repo.addMerchant(tenantId, m);
        return m;
    }

    public Merchant merchant(String tenantId, String merchantId) {
        return repo.merchant(tenantId, merchantId).orElseThrow(() -> new MerchantsErrors.MerchantNotFound(merchantId));
    }

    public Page<Merchant> merchants(String tenantId, int limit, String cursor) {
        return repo.merchants(tenantId, limit, cursor);
    }

    public Merchant changeMerchant(String tenantId, String merchantId, Map<String, String> changes) {
        return repo.changeMerchant(tenantId, merchantId, changes).orElseThrow(() -> new MerchantsErrors.MerchantNotFound(merchantId));
    }

    public Record record(String tenantId, String merchantId) {
        List<Complaint> all = repo.complaintsOf(tenantId, merchantId);
        Map<String, Integer> by = new LinkedHashMap<>();
        int open = 0;
        int late = 0;
        for (Complaint c : all) {
            if (c.open()) open++;
            else by.merge(c.outcome(), 1, Integer::sum);
            if (c.late()) late++;
        }
        return new Record(all.size(), open, by.getOrDefault(ComplaintRules.UPHELD, 0), by.getOrDefault(ComplaintRules.PARTLY, 0),
                by.getOrDefault(ComplaintRules.REJECTED, 0), by.getOrDefault(ComplaintRules.WITHDRAWN, 0), late,
                CreditRating.of(all.stream().map(CreditRating.Fact::of).toList(), clock.instant()));
    }

    /** A counter in a department store of the caller's tenant (the store must be one the caller may see). */
    public Counter createCounter(Caller caller, String storeId, String merchantId, String floor, String location) {
        String tenantId = caller.tenantId();
        if (!caller.canSeeStore(storeId)) throw new MerchantsErrors.StoreNotFound(storeId);
        StoreInfo store = stores.find(tenantId, storeId).orElseThrow(() -> new MerchantsErrors.StoreNotFound(storeId));
        if (!"department".equals(store.format())) throw new MerchantsErrors.NotADepartmentStore(storeId, store.format());
        if (repo.merchant(tenantId, merchantId).isEmpty()) throw new MerchantsErrors.UnknownMerchant(merchantId);
        Counter c = new Counter(Ids.next("ctr"), storeId, merchantId, floor, location, clock.instant().toString());
        repo.addCounter(tenantId, c);
        return c;
    }

    public List<Counter> counters(Caller caller, String storeId) {
        if (!caller.canSeeStore(storeId) || stores.find(caller.tenantId(), storeId).isEmpty()) throw new MerchantsErrors.StoreNotFound(storeId);
        return repo.counters(caller.tenantId(), storeId);
    }

    public Counter counter(String tenantId, String counterId) {
        return repo.counter(tenantId, counterId).orElseThrow(() -> new MerchantsErrors.CounterNotFound(counterId));
    }

    /** The public credit page of a counter: its merchant, the store, and the merchant's record across the tenant. */
    public CreditPage creditPage(String tenantId, String counterId) {
        Counter c = counter(tenantId, counterId);
        Merchant m = repo.merchant(tenantId, c.merchantId()).orElseThrow(() -> new MerchantsErrors.CounterNotFound(counterId));
        String storeName = stores.find(tenantId, c.storeId()).map(StoreInfo::name).orElse(null);
        return new CreditPage(c, m, storeName, record(tenantId, m.merchantId()));
    }

    /** A customer's complaint from the counter's QR. */
    public Complaint file(String tenantId, String counterId, String what, String happenedAt, String reference, String phone) {
        return file(tenantId, counterId, what, happenedAt, reference, phone, null, null);
    }

    /**
     * A customer's complaint with an optional photo ({@code photo} null: none; {@code declaredType} what the client
     * said it is, checked against its bytes), written with the complaint in one transaction.
     */
    public Complaint file(String tenantId, String counterId, String what, String happenedAt, String reference, String phone,
                          String declaredType, byte[] photo) {
        Photo checked = photo == null ? null : Photo.check(declaredType, photo);
        Counter counter = counter(tenantId, counterId);
        Complaint c = ComplaintRules.receive(complaintId(clock.instant()), counter, what, happenedAt, reference, phone, checked, clock.instant());
        repo.addComplaint(tenantId, c, photo);
        return c;
    }

    /** A complaint's photo, for a caller already allowed to see the complaint (staff of its store, its tracking link). */
    public Photo.WithBytes photo(String tenantId, Complaint c) {
        if (c.photo() == null) throw new MerchantsErrors.PhotoNotFound(c.complaintId());
        byte[] bytes = repo.photo(tenantId, c.complaintId(), c.photo(), clock.instant())
                .orElseThrow(() -> new MerchantsErrors.PhotoNotFound(c.complaintId()));
        return new Photo.WithBytes(c.photo(), bytes);
    }

    /** Sorts by time of receipt (the inbox lists newest first), then 10 random characters. */
    static String complaintId(Instant now) {
        return "cmp_" + String.format("%011x", now.toEpochMilli()) + Ids.next("x").substring(2, 12);
    }

    /** A complaint as the store's staff see it (another store's is not found for staff of this one). */
    public Complaint complaint(Caller caller, String complaintId) {
        Complaint c = complaint(caller.tenantId(), complaintId);
        if (!caller.canSeeStore(c.storeId())) throw new MerchantsErrors.ComplaintNotFound(complaintId);
        return c;
    }

    public Complaint complaint(String tenantId, String complaintId) {
        return repo.complaint(tenantId, complaintId).orElseThrow(() -> new MerchantsErrors.ComplaintNotFound(complaintId));
    }

    public Page<Complaint> complaints(Caller caller, String status, String storeId, int limit, String cursor) {
        List<String> within;
        if (storeId != null) {
            if (!caller.canSeeStore(storeId)) throw new MerchantsErrors.StoreNotFound(storeId);
            within = List.of(storeId);
        } else {
            within = caller.storeIds() == null || caller.storeIds().isEmpty() || caller.is(com.zhidian.core.auth.Role.OWNER)
                    ? null : List.copyOf(caller.storeIds());
        }
        return repo.complaints(caller.tenantId(), status, within, limit, cursor);
    }

    /** One step of the workflow by the caller; refused when out of order, retried once on a concurrent change. */
    public Complaint step(Caller caller, String complaintId, String action, String outcome, String note) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Complaint c = complaint(caller, complaintId);
            Complaint next = ComplaintRules.apply(c, action, outcome, note, caller.username(), clock.instant());
            if (repo.replaceComplaint(caller.tenantId(), next, c.version())) return next;
        }
        throw new MerchantsErrors.ChangedMeanwhile(complaintId);
    }

    /** The deadline job: flags each unanswered complaint past its deadline, once; answers how many it flagged. */
    public int flagOverdue(int max) {
        Instant now = clock.instant();
        int flagged = 0;
        for (Map.Entry<String, String> e : repo.overdue(now.toString(), max)) {
            Optional<Complaint> c = repo.complaint(e.getKey(), e.getValue());
            if (c.isPresent() && ComplaintRules.overdue(c.get(), now)
                    && repo.replaceComplaint(e.getKey(), ComplaintRules.flagLate(c.get(), now), c.get().version())) {
                flagged++;
            }
        }
        return flagged;
    }
}
