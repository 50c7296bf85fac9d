package com.zhidian.office.application;

import com.zhidian.core.Env;
import com.zhidian.core.auth.Caller;
import com.zhidian.core.links.SignedLinks;
import com.zhidian.core.scope.ScopedPool;
import com.zhidian.core.tenancy.TenantDirectory;
import com.zhidian.office.domain.Task;
import com.zhidian.office.store.DynamoAnnouncementRepository;
import com.zhidian.office.store.DynamoPatrolRepository;
import com.zhidian.office.store.IotCameras;
import com.zhidian.office.store.S3Snapshots;
import com.zhidian.catalog.application.CatalogServices;
import com.zhidian.catalog.application.StockCountService;
import com.zhidian.catalog.domain.StockCount;
import com.zhidian.devices.application.DevicesComposition;
import com.zhidian.orders.application.Orders;
import com.zhidian.orders.domain.Order;
import com.zhidian.purchasing.application.Purchasing;
import com.zhidian.stores.application.Stores;
import com.zhidian.stores.application.StoresService;
import com.zhidian.stores.domain.StaffUser;
import com.zhidian.stores.domain.Store;
import com.zhidian.telemetry.application.Telemetry;
import com.zhidian.telemetry.domain.Alert;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The office context's one composition: its services over the real adapters; the stores context for stores and
 * logins; and, for the task list, the orders (online orders to pick), purchasing (replenishment suggestions), catalog
 * (open stock counts) and telemetry (open alerts) contexts through their application services, never their tables.
 */
public record Office(PatrolService patrols, VideoPatrolService video, AnnouncementService announcements, TaskService tasks, Clock clock) {
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");
    /** The task list's parts (a store's source each) read at most this many at once, per function instance. */
    static final ScopedPool TASK_READS = new ScopedPool("office-tasks", 8);

    public static Office wire(DynamoDbClient db, TenantDirectory tenants, Clock clock) {
        StoresService stores = Stores.wire(db, clock);
        PatrolService.StoreCheck storeCheck = tenants::hasStore;
        PatrolService.People people = tenantId -> people(stores, tenantId);
        DynamoPatrolRepository repo = new DynamoPatrolRepository(db);
        PatrolService patrols = new PatrolService(repo, tags(), storeCheck, zones(tenants), people, clock);
        VideoPatrolService video = video(patrols, repo, db, tenants, clock);
        Orders orders = Orders.wire(db, tenants, clock);
        Purchasing purchasing = Purchasing.wire(db, clock);
        Telemetry telemetry = Telemetry.wire(db, tenants, clock);
        StockCountService counts = CatalogServices.counts(db, clock);
        List<TaskService.Source> sources = List.of(
                (caller, storeId) -> picks(orders, caller, storeId),
                (caller, storeId) -> restocks(purchasing, caller, storeId),
                (caller, storeId) -> counts(counts, caller, storeId),
                (caller, storeId) -> alerts(telemetry, caller, storeId));
        TaskService tasks = new TaskService(sources, patrols,
                tenantId -> stores.allStores(tenantId).stream().filter(s -> Store.OPEN.equals(s.status())).map(Store::storeId).toList(), storeCheck,
                TASK_READS);
        return new Office(patrols, video, new AnnouncementService(new DynamoAnnouncementRepository(db), storeCheck, people, clock), tasks, clock);
    }

    /** Video patrol over the device registry, the cameras' named shadows and the snapshots bucket. */
    public static VideoPatrolService video(PatrolService patrols, DynamoPatrolRepository repo, DynamoDbClient db, TenantDirectory tenants, Clock clock) {
        return new VideoPatrolService(patrols, repo, new IotCameras(DevicesComposition.repository(db)), S3Snapshots.fromEnvironment(), zones(tenants), clock);
    }

    /** The signer of checkpoint tags: the receipt secret with the purpose {@value PatrolService#TAG_PURPOSE}. */
    public static SignedLinks tags() {
        return new SignedLinks(Env.get("RECEIPT_SECRET", "zhidian-local-receipt-secret"), PatrolService.TAG_PURPOSE);
    }

    public static PatrolService.Zones zones(TenantDirectory tenants) {
        return tenantId -> {
            TenantDirectory.Standing s = tenants.standing(tenantId);
            try {
                return s == null || s.timeZone() == null ? DEFAULT_ZONE : ZoneId.of(s.timeZone());
            } catch (RuntimeException e) {
                return DEFAULT_ZONE;
            }
        };
    }

    static List<PatrolService.Person> people(StoresService stores, String tenantId) {
        List<PatrolService.Person> out = new ArrayList<>();
        Caller owner = new Caller("office", "office", com.zhidian.core.auth.Role.OWNER, tenantId, java.util.Set.of(), null);
        String cursor = null;
        do {
            var page = stores.users(owner, 200, cursor);
            for (StaffUser u : page.items()) {
                out.add(new PatrolService.Person(u.userId(), u.name(), u.role(), u.storeIds() == null ? List.of() : u.storeIds(),
                        !StaffUser.DISABLED.equals(u.status())));
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return out;
    }

    /** Online orders paid and waiting to be picked (pickup or delivery), as one pick-list task per store. */
    static List<Task> picks(Orders orders, Caller caller, String storeId) {
        List<Order> waiting = new ArrayList<>();
        for (String status : List.of(Order.PAID, Order.PICKING)) {
            for (Order o : orders.orders().ofStore(caller.tenantId(), storeId, status, null, null, 100, null).items()) {
                if (!"in_store".equals(o.fulfilment())) waiting.add(o);
            }
        }
        if (waiting.isEmpty()) return List.of();
        String since = waiting.stream().map(o -> o.placedAt().toString()).min(String::compareTo).orElse(null);
        return List.of(new Task("pick:" + storeId, Task.PICK, storeId, waiting.get(0).number(), waiting.size(), since, "#/orders"));
    }

    /** Products the replenishment suggestion says to reorder, as one restock task per store. */
    static List<Task> restocks(Purchasing purchasing, Caller caller, String storeId) {
        long n = purchasing.replenishment().suggest(caller.tenantId(), storeId, 0.95).stream()
                .filter(r -> r.suggestion() != null && r.suggestion().quantity() > 0).count();
        return n == 0 ? List.of() : List.of(new Task("restock:" + storeId, Task.RESTOCK, storeId, null, (int) n, null, "#/purchasing"));
    }

    /**
     * Open stock counts of the store, one task each: the owner sees every one, staff those assigned to them or to no
     * one (the store's); the count is the lines left to count.
     */
    static List<Task> counts(StockCountService counts, Caller caller, String storeId) {
        List<Task> out = new ArrayList<>();
        for (StockCount c : counts.openCounts(caller.tenantId(), storeId)) {
            if (!caller.is(com.zhidian.core.auth.Role.OWNER) && c.assigneeId() != null && !c.assigneeId().equals(caller.sub())) continue;
            String subject = c.categoryId() != null ? c.scope() + ":" + c.categoryId() : c.scope();
            out.add(new Task("count:" + c.countId(), Task.COUNT, storeId, subject, c.linesLeft(), c.openedAt(), "#/stock-counts/" + storeId + "/" + c.countId()));
        }
        return out;
    }

    /** Open device and sensor alerts of the store, one task each. */
    static List<Task> alerts(Telemetry telemetry, Caller caller, String storeId) {
        List<Task> out = new ArrayList<>();
        for (Alert a : telemetry.alerts().list(caller, storeId, Alert.OPEN, 50, null).items()) {
            out.add(new Task("alert:" + a.alertId(), Task.ALERT, storeId, a.rule(), 1, a.openedAt(), "#/sensors"));
        }
        return out;
    }
}
