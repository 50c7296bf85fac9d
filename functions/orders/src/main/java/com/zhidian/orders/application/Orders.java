package com.zhidian.orders.application;

import com.zhidian.catalog.application.CatalogServices;
import com.zhidian.core.Env;
import com.zhidian.core.links.SignedLinks;
import com.zhidian.core.tenancy.TenantDirectory;
import com.zhidian.coupons.application.CouponService;
import com.zhidian.coupons.application.CouponsComposition;
import com.zhidian.members.application.Members;
import com.zhidian.members.application.PointsService;
import com.zhidian.orders.domain.OrderRepository;
import com.zhidian.orders.domain.PaymentGateway;
import com.zhidian.stores.application.Stores;
import com.zhidian.stores.application.StoresService;
import com.zhidian.stores.domain.Store;
import com.zhidian.orders.store.DynamoOrderRepository;
import com.zhidian.orders.store.DynamoRefundRequests;
import com.zhidian.orders.store.DynamoReconciliation;
import com.zhidian.orders.store.StripeLedger;
import com.zhidian.orders.store.StripeGateway;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The orders context's one composition: its services over the real adapters, and the other contexts' application
 * services it calls in process (catalog prices and stock, coupons, members' points), never their tables.
 */
public record Orders(OrdersService orders, PaymentsService payments, PaymentGateway gateway, SignedLinks receipts,
                     StoreNames stores, Clock clock, RefundRequestsService refundRequests, ReconciliationService reconciliation) {

    /** A store's name for the receipt (the stores context's, read through its service); null when there is none. */
    public interface StoreNames {
        String name(String tenantId, String storeId);
    }

    public static Orders wire(DynamoDbClient db, TenantDirectory tenants, Clock clock) {
        return wire(db, tenants, StripeGateway.fromEnvironment(), clock);
    }

    public static Orders wire(DynamoDbClient db, TenantDirectory tenants, PaymentGateway gateway, Clock clock) {
        CatalogServices catalog = CatalogServices.dynamo(db, clock);
        CouponService coupons = CouponsComposition.service(db, tenants, clock);
        PointsService points = Members.points(db, tenants, clock);
        OrderRepository repo = new DynamoOrderRepository(db);
        String table = Env.tableName();
        OrdersService orders = new OrdersService(repo, catalog.prices(), catalog.stock(), coupons, points, tenants, clock,
                new com.zhidian.orders.store.DynamoOrderSettings(db), keys -> com.zhidian.core.aws.ReadAhead.readAll(db, table, keys));
        StoresService stores = Stores.wire(db, clock);
        PaymentsService payments = new PaymentsService(repo, orders, catalog.stock(), coupons, points, gateway, clock);
        return new Orders(orders, payments, gateway,
                SignedLinks.withoutPurpose(Env.get("RECEIPT_SECRET", "zhidian-local-receipt-secret")),
                (tenantId, storeId) -> stores.find(tenantId, storeId).map(Store::name).orElse(null), clock,
                new RefundRequestsService(new DynamoRefundRequests(db), orders, payments, points, clock),
                new ReconciliationService(new DynamoReconciliation(db), StripeLedger.fromEnvironment(), orders, clock));
    }
}
