package com.zhidian.lockers.application;

import com.zhidian.core.tenancy.TenantDirectory;
import com.zhidian.devices.application.DevicesComposition;
import com.zhidian.devices.domain.Device;
import com.zhidian.lockers.domain.Compartment;
import com.zhidian.lockers.domain.Locker;
import com.zhidian.lockers.domain.LockerDevices;
import com.zhidian.lockers.domain.OverdueAlerts;
import com.zhidian.lockers.domain.PickupOrders;
import com.zhidian.lockers.store.DynamoLockerRepository;
import com.zhidian.lockers.store.IotLockerShadows;
import com.zhidian.orders.application.Orders;
import com.zhidian.orders.application.OrdersService;
import com.zhidian.orders.domain.Order;
import com.zhidian.orders.domain.OrdersErrors;
import com.zhidian.telemetry.application.StoreAlerts;
import com.zhidian.telemetry.application.Telemetry;
import com.zhidian.telemetry.domain.Alert;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The lockers context's one composition: its service over DynamoDB and the locker shadows, the device registry
 * (devices' repository, read only) and orders' application service (ready, completed), called in process.
 */
public record Lockers(LockerService lockers, Clock clock) {

    public static Lockers wire(DynamoDbClient db, TenantDirectory tenants, Clock clock) {
        OrdersService orders = Orders.wire(db, tenants, clock).orders();
        var repo = DevicesComposition.repository(db);
        LockerDevices devices = (tenantId, storeId, deviceId) -> {
            Device d = repo.find(tenantId, deviceId);
            return d == null || !d.storeId().equals(storeId) ? null
                    : new LockerDevices.Registered(d.deviceId(), d.storeId(), d.kind(), d.name(), d.thingName());
        };
        return new Lockers(new LockerService(new DynamoLockerRepository(db), devices, pickups(orders), IotLockerShadows.fromEnvironment(),
                tenants::hasStore, clock, overdueAlerts(Telemetry.storeAlerts(db, clock))), clock);
    }

    /** Overdue pickups as store alerts (rule {@code locker_overdue}, one per order), through the sensors' application interface. */
    static OverdueAlerts overdueAlerts(StoreAlerts alerts) {
        return new OverdueAlerts() {
            @Override
            public void overdue(String tenantId, Locker locker, Compartment c, String orderNumber) {
                Map<String, Object> facts = new LinkedHashMap<>();
                facts.put("lockerId", locker.lockerId());
                facts.put("lockerName", locker.name());
                facts.put("compartmentId", c.id());
                facts.put("orderId", c.orderId());
                facts.put("orderNumber", orderNumber);
                facts.put("deadline", c.deadline().toString());
                alerts.raise(tenantId, locker.storeId(), Alert.LOCKER_OVERDUE, c.orderId(), locker.lockerId(), c.deadline(), facts);
            }

            @Override
            public void over(String tenantId, String orderId) {
                alerts.clear(tenantId, Alert.LOCKER_OVERDUE, orderId);
            }
        };
    }

    static PickupOrders pickups(OrdersService orders) {
        return new PickupOrders() {
            @Override
            public PickupOrder find(String tenantId, String orderId) {
                Order o;
                try {
                    o = orders.get(tenantId, orderId);
                } catch (OrdersErrors.OrderNotFound none) {
                    return null;
                }
                return new PickupOrder(o.orderId(), o.storeId(), o.fulfilment(), o.status(), o.memberId(), o.number());
            }

            @Override
            public void ready(String tenantId, String orderId) {
                Order o = orders.get(tenantId, orderId);
                if (Order.PAID.equals(o.status())) orders.transition(tenantId, orderId, Order.PICKING, "locker");
                orders.transition(tenantId, orderId, Order.READY_FOR_PICKUP, "locker");
            }

            @Override
            public void collected(String tenantId, String orderId) {
                orders.transition(tenantId, orderId, Order.COMPLETED, "locker");
            }
        };
    }
}
