package com.zhidian.orders.application;

import com.zhidian.catalog.application.CatalogServices;
import com.zhidian.core.tenancy.TenantDirectory;
import com.zhidian.coupons.application.CouponService;
import com.zhidian.coupons.application.CouponsComposition;
import com.zhidian.members.application.Members;
import com.zhidian.members.application.PointsService;
import com.zhidian.orders.domain.OrderRepository;
import com.zhidian.orders.domain.PaymentGateway;
import com.zhidian.orders.store.DynamoOrderRepository;
import com.zhidian.orders.store.StripeGateway;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The orders context's one composition: its services over the real adapters, and the other contexts' application
 * services it calls in process (catalog prices and stock, coupons, members' points), never their tables.
 */
public record Orders(OrdersService orders, PaymentsService payments, PaymentGateway gateway, Clock clock) {

    public static Orders wire(DynamoDbClient db, TenantDirectory tenants, Clock clock) {
        return wire(db, tenants, StripeGateway.fromEnvironment(), clock);
    }

    public static Orders wire(DynamoDbClient db, TenantDirectory tenants, PaymentGateway gateway, Clock clock) {
        CatalogServices catalog = CatalogServices.dynamo(db, clock);
        CouponService coupons = CouponsComposition.service(db, tenants, clock);
        PointsService points = Members.points(db, tenants, clock);
        OrderRepository repo = new DynamoOrderRepository(db);
        OrdersService orders = new OrdersService(repo, catalog.prices(), catalog.stock(), coupons, points, tenants, clock);
        return new Orders(orders, new PaymentsService(repo, orders, catalog.stock(), coupons, points, gateway, clock), gateway, clock);
    }
}
