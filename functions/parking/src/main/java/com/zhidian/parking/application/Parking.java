package com.zhidian.parking.application;

import com.zhidian.core.Env;
import com.zhidian.core.links.SignedLinks;
import com.zhidian.core.paging.Page;
import com.zhidian.core.tenancy.TenantDirectory;
import com.zhidian.devices.application.DevicesComposition;
import com.zhidian.devices.domain.Device;
import com.zhidian.members.application.MemberFinder;
import com.zhidian.members.application.Members;
import com.zhidian.orders.application.Orders;
import com.zhidian.orders.application.OrdersService;
import com.zhidian.orders.domain.Order;
import com.zhidian.parking.domain.Barriers;
import com.zhidian.parking.domain.MemberFacts;
import com.zhidian.parking.domain.ParkingDevices;
import com.zhidian.parking.domain.ParkingPayments;
import com.zhidian.parking.store.DynamoParkingRepository;
import com.zhidian.parking.store.IotBarriers;
import com.zhidian.parking.store.StripeParkingPayments;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The parking context's one composition: its service over DynamoDB, Stripe and the exit cameras' shadows, with the
 * device registry (devices' repository, read only), orders' application service (a member's paid orders of the day)
 * and members' finder (whether a member still exists), called in process, never their tables.
 */
public record Parking(ParkingService parking, SignedLinks links, Clock clock) {
    /** The purpose of a car park's public links (the exit's pay-by-plate QR, the pillars' find-my-car QRs). */
    public static final String LINKS = "parking";
    /** Orders that count as spending: paid and anything after it but a cancellation. */
    static final Set<String> SPENT = Set.of(Order.PAID, Order.PICKING, Order.READY_FOR_PICKUP, Order.OUT_FOR_DELIVERY, Order.COMPLETED);

    public static Parking wire(DynamoDbClient db, TenantDirectory tenants, Clock clock) {
        return wire(db, tenants, StripeParkingPayments.fromEnvironment(), IotBarriers.fromEnvironment(), clock);
    }

    public static Parking wire(DynamoDbClient db, TenantDirectory tenants, ParkingPayments payments, Barriers barriers, Clock clock) {
        OrdersService orders = Orders.wire(db, tenants, clock).orders();
        MemberFinder finder = Members.finder(db);
        var repo = DevicesComposition.repository(db);
        ParkingDevices devices = (tenantId, storeId, deviceId) -> {
            Device d = repo.find(tenantId, deviceId);
            return d == null || !d.storeId().equals(storeId) ? null : new ParkingDevices.Registered(d.deviceId(), d.storeId(), d.kind(), d.thingName());
        };
        return new Parking(new ParkingService(new DynamoParkingRepository(db), devices, payments, barriers, facts(orders, finder), tenants::hasStore,
                clock), new SignedLinks(Env.get("RECEIPT_SECRET", "zhidian-local-receipt-secret"), LINKS), clock);
    }

    static MemberFacts facts(OrdersService orders, MemberFinder finder) {
        return new MemberFacts() {
            @Override
            public long spent(String tenantId, String memberId, String storeId, Instant from, Instant to) {
                long total = 0;
                String cursor = null;
                do {
                    Page<Order> page = orders.ofMember(tenantId, memberId, 50, cursor);
                    for (Order o : page.items()) {
                        if (o.placedAt().isBefore(from)) return total;
                        if (o.placedAt().isBefore(to) && storeId.equals(o.storeId()) && SPENT.contains(o.status())) total += o.total() - o.refunded();
                    }
                    cursor = page.nextCursor();
                } while (cursor != null);
                return total;
            }

            @Override
            public boolean active(String tenantId, String memberId) {
                return "active".equals(finder.statuses(tenantId, List.of(memberId)).get(memberId));
            }
        };
    }
}
