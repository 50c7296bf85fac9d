package com.zhidian.tenants.store;

import static com.zhidian.core.aws.Items.s;
import static com.zhidian.core.aws.Items.bool;
import static com.zhidian.core.aws.Items.flag;
import static com.zhidian.core.aws.Items.n;
import static com.zhidian.core.aws.Items.num;
import static com.zhidian.core.aws.Items.str;

import com.zhidian.core.Env;
import com.zhidian.core.idempotency.IdempotencyClaim;
import com.zhidian.core.paging.Cursor;
import com.zhidian.core.paging.Page;
import com.zhidian.core.paging.Pages;
import com.zhidian.core.tenancy.TenantDirectory;
import com.zhidian.stores.domain.StaffUser;
import com.zhidian.stores.domain.Store;
import com.zhidian.stores.store.DynamoStoreRepository;
import com.zhidian.tenants.domain.Billing;
import com.zhidian.tenants.domain.Tenant;
import com.zhidian.tenants.domain.TenantRepository;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The tenant record. It is the record {@link TenantDirectory} reads on every request; the provider's
 * list of all tenants is the sparse index gsi1 under {@code TENANTS}, newest first.
 */
public final class DynamoTenantRepository implements TenantRepository {
    private static final String ALL = "TENANTS";
    /** Every attribute of the tenant's item that billing owns; nothing else is billing's to write. */
    private static final List<String> BILLING_ATTRIBUTES = List.of("billingSetup", "billingCustomerId", "billingSubscriptionId",
            "billingItemId", "billingStatus", "billingPeriodEnd", "billingFailureAt", "billingFailureInvoice", "billingFailureAmount",
            "billingFailureCurrency", "billingPendingReason", "billingPaymentFailed", "billingStatusAt", "billingFlagAt", "billingVersion");
    private final DynamoDbClient db;
    private final DynamoStoreRepository stores;
    private final String table = Env.tableName();

    public DynamoTenantRepository(DynamoDbClient db) {
        this.db = db;
        this.stores = new DynamoStoreRepository(db);
    }

    /**
     * One TransactWriteItems: tenant, stores, the claims of their chosen order-number prefixes, owner, and the Idempotency-Key's claim when the request sent one
     * (a retry after a lost answer is then refused instead of onboarding the tenant twice).
     */
    @Override
    public void onboard(Tenant tenant, List<Store> newStores, StaffUser owner) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(put(tenant));
        for (Store s : newStores) writes.add(stores.putStore(tenant.tenantId(), s));
        for (Store s : newStores) if (s.codeChosen()) writes.add(stores.claimCode(tenant.tenantId(), s.orderPrefix(), s.storeId()));
        writes.add(stores.putUser(tenant.tenantId(), owner));
        int claimIndex = IdempotencyClaim.appendTo(writes);
        try {
            db.transactWriteItems(b -> b.transactItems(writes));
        } catch (TransactionCanceledException e) {
            if (IdempotencyClaim.refused(e, claimIndex)) throw IdempotencyClaim.taken();
            throw e;
        }
    }

    private TransactWriteItem put(Tenant t) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(TenantDirectory.pk(t.tenantId())));
        item.put("sk", s(TenantDirectory.SK));
        item.put("gsi1pk", s(ALL));
        item.put("gsi1sk", s(t.createdAt() + "#" + t.tenantId()));
        item.put("tenantId", s(t.tenantId()));
        item.put("name", s(t.name()));
        item.put("plan", s(t.plan()));
        item.put("timeZone", s(t.timeZone()));
        item.put("status", s(t.status()));
        item.put("createdAt", s(t.createdAt()));
        item.put("ownerUserId", s(t.owner().userId()));
        item.put("ownerEmail", s(t.owner().email()));
        item.put("ownerName", s(t.owner().name()));
        item.put("ownerPhone", s(t.owner().phone()));
        item.put("searchText", s(searchText(t.name(), t.owner().email(), t.tenantId())));
        if (t.billing() != null) putBilling(item, t.billing());
        item.put("billingVersion", n(0));
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(pk)").build()).build();
    }

    @Override
    public Optional<Tenant> get(String tenantId) {
        Map<String, AttributeValue> item = db.getItem(b -> b.tableName(table)
                .key(Map.of("pk", s(TenantDirectory.pk(tenantId)), "sk", s(TenantDirectory.SK)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toTenant(item));
    }

    @Override
    public Page<Tenant> list(int limit, String cursor) {
        QueryResponse r = db.query(b -> b.tableName(table).indexName("gsi1")
                .keyConditionExpression("gsi1pk = :all")
                .expressionAttributeValues(Map.of(":all", s(ALL)))
                .scanIndexForward(false).limit(Pages.fetch(limit))
                .exclusiveStartKey(Cursor.decode(ALL, cursor)));
        return Pages.of(r, limit, ALL, DynamoTenantRepository::toTenant, "pk", "sk", "gsi1pk", "gsi1sk");
    }

    @Override
    public Page<Tenant> search(String query, boolean paymentFailed, int limit, String cursor) {
        List<String> filters = new ArrayList<>();
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":all", s(ALL));
        if (query != null && !query.isBlank()) {
            filters.add("contains(searchText, :q)");
            values.put(":q", s(query.trim().toLowerCase(Locale.ROOT)));
        }
        if (paymentFailed) {
            filters.add("billingPaymentFailed = :yes");
            values.put(":yes", bool(true));
        }
        QueryResponse r = db.query(b -> {
            b.tableName(table).indexName("gsi1")
                    .keyConditionExpression("gsi1pk = :all")
                    .expressionAttributeValues(values)
                    .scanIndexForward(false).limit(Pages.fetch(limit))
                    .exclusiveStartKey(Cursor.decode(ALL, cursor));
            if (!filters.isEmpty()) b.filterExpression(String.join(" AND ", filters));
        });
        return Pages.of(r, limit, ALL, DynamoTenantRepository::toTenant, "pk", "sk", "gsi1pk", "gsi1sk");
    }

    /** Read, change, write on condition that nobody wrote the billing in between (its version); a few tries. */
    @Override
    public Optional<Tenant> updateBilling(String tenantId, UnaryOperator<Billing> change) {
        Map<String, AttributeValue> key = Map.of("pk", s(TenantDirectory.pk(tenantId)), "sk", s(TenantDirectory.SK));
        for (int attempt = 0; attempt < 8; attempt++) {
            Map<String, AttributeValue> item = db.getItem(b -> b.tableName(table).key(key).consistentRead(true)).item();
            if (item == null || item.isEmpty()) return Optional.empty();
            Tenant before = toTenant(item);
            Billing current = before.billing() == null ? Billing.pending("not_set_up") : before.billing();
            Billing next = change.apply(current);
            if (next.equals(current) && before.billing() != null) return Optional.of(before);
            Map<String, AttributeValue> after = new HashMap<>(item);
            putBilling(after, next);
            boolean versioned = item.containsKey("billingVersion");
            long version = versioned ? num(item, "billingVersion") : 0;
            after.put("billingVersion", n(version + 1));
            try {
                writeBilling(key, after, versioned ? version : null);
            } catch (ConditionalCheckFailedException e) {
                continue; // someone else changed it: read again
            }
            if (next.customerId() != null && !next.customerId().equals(current.customerId())) {
                db.putItem(b -> b.tableName(table).item(Map.of("pk", s(customerPk(next.customerId())), "sk", s("TENANT"),
                        "tenantId", s(tenantId))));
            }
            return Optional.of(toTenant(after));
        }
        throw new com.zhidian.core.errors.ConcurrentChange("tenant billing of " + tenantId + " kept changing");
    }

    /**
     * Sets the billing attributes and removes the ones the new billing lacks, and nothing else: a whole-item put
     * would write back a status or plan read before the provider changed it (a suspension undone by a late webhook).
     */
    private void writeBilling(Map<String, AttributeValue> key, Map<String, AttributeValue> after, Long version) {
        List<String> set = new ArrayList<>();
        List<String> remove = new ArrayList<>();
        Map<String, AttributeValue> values = new HashMap<>();
        for (String a : BILLING_ATTRIBUTES) {
            if (after.containsKey(a)) {
                set.add(a + " = :" + a);
                values.put(":" + a, after.get(a));
            } else {
                remove.add(a);
            }
        }
        if (version != null) values.put(":v", n(version));
        String update = "SET " + String.join(", ", set) + (remove.isEmpty() ? "" : " REMOVE " + String.join(", ", remove));
        db.updateItem(b -> b.tableName(table).key(key).updateExpression(update).expressionAttributeValues(values)
                .conditionExpression(version != null ? "billingVersion = :v" : "attribute_exists(pk) AND attribute_not_exists(billingVersion)"));
    }

    @Override
    public Optional<String> tenantOfCustomer(String customerId) {
        Map<String, AttributeValue> item = db.getItem(b -> b.tableName(table)
                .key(Map.of("pk", s(customerPk(customerId)), "sk", s("TENANT")))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.ofNullable(str(item, "tenantId"));
    }

    private static String customerPk(String customerId) { return "STRIPECUS#" + customerId; }

    static String searchText(String name, String email, String tenantId) {
        return (name + "\n" + email + "\n" + tenantId).toLowerCase(Locale.ROOT);
    }

    private static void putBilling(Map<String, AttributeValue> item, Billing b) {
        for (String a : BILLING_ATTRIBUTES) item.remove(a);
        item.put("billingSetup", s(b.setup()));
        optional(item, "billingCustomerId", b.customerId());
        optional(item, "billingSubscriptionId", b.subscriptionId());
        optional(item, "billingItemId", b.itemId());
        optional(item, "billingStatus", b.subscriptionStatus());
        optional(item, "billingPeriodEnd", b.currentPeriodEnd());
        optional(item, "billingPendingReason", b.pendingReason());
        item.put("billingPaymentFailed", bool(b.paymentFailed()));
        item.put("billingStatusAt", n(b.statusAt()));
        item.put("billingFlagAt", n(b.flagAt()));
        if (b.lastPaymentFailure() != null) {
            optional(item, "billingFailureAt", b.lastPaymentFailure().at());
            optional(item, "billingFailureInvoice", b.lastPaymentFailure().invoiceId());
            item.put("billingFailureAmount", n(b.lastPaymentFailure().amountDue()));
            optional(item, "billingFailureCurrency", b.lastPaymentFailure().currency());
        }
    }

    private static void optional(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) item.put(name, s(value));
    }

    private static Billing toBilling(Map<String, AttributeValue> i) {
        if (!i.containsKey("billingSetup")) return null;
        Billing.PaymentFailure failure = i.containsKey("billingFailureAt")
                ? new Billing.PaymentFailure(str(i, "billingFailureAt"), str(i, "billingFailureInvoice"),
                        num(i, "billingFailureAmount"), str(i, "billingFailureCurrency"))
                : null;
        return new Billing(str(i, "billingSetup"), str(i, "billingCustomerId"), str(i, "billingSubscriptionId"),
                str(i, "billingItemId"), str(i, "billingStatus"), str(i, "billingPeriodEnd"), flag(i, "billingPaymentFailed"),
                failure, str(i, "billingPendingReason"), num(i, "billingStatusAt"), num(i, "billingFlagAt"));
    }

    @Override
    public Optional<Tenant> update(String tenantId, Map<String, String> changes) {
        StringBuilder expr = new StringBuilder("SET ");
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        int i = 0;
        if (changes.containsKey("name")) {
            expr.append("searchText = :st");
            String email = get(tenantId).map(t -> t.owner().email()).orElse("");
            values.put(":st", s(searchText(changes.get("name"), email, tenantId)));
            i++;
        }
        for (Map.Entry<String, String> c : changes.entrySet()) {
            if (i > 0) expr.append(", ");
            expr.append("#n").append(i).append(" = :v").append(i);
            names.put("#n" + i, c.getKey());
            values.put(":v" + i, s(c.getValue()));
            i++;
        }
        try {
            Map<String, AttributeValue> after = db.updateItem(b -> b.tableName(table)
                    .key(Map.of("pk", s(TenantDirectory.pk(tenantId)), "sk", s(TenantDirectory.SK)))
                    .updateExpression(expr.toString())
                    .conditionExpression("attribute_exists(pk)")
                    .expressionAttributeNames(names).expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
            return Optional.of(toTenant(after));
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    private static Tenant toTenant(Map<String, AttributeValue> i) {
        return new Tenant(str(i, "tenantId"), str(i, "name"), str(i, "plan"), str(i, "timeZone"), str(i, "status"),
                str(i, "createdAt"), new Tenant.Owner(str(i, "ownerUserId"), str(i, "ownerEmail"), str(i, "ownerName"),
                str(i, "ownerPhone")), toBilling(i));
    }
}
