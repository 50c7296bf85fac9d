package com.zhidian.core.aws;

import com.zhidian.core.scope.RequestScope;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.Tag;

/**
 * The second wall between tenants (docs/decisions.md, "Tenant data role"): a {@link DynamoDbClient} that sends each
 * call made for a tenant (the tenant of the request in progress, {@link RequestScope#currentTenant}) through a client signed with that tenant's session of the tenant
 * data role ({@code TENANT_DATA_ROLE_ARN}, session tag {@code tenant_id=<tenantId>}). The role's policy only allows
 * keys that start with {@code T#<tenant_id>#} (IAM {@code dynamodb:LeadingKeys}), so a bug that builds another
 * tenant's key is refused by DynamoDB itself. Calls with no current tenant use the function role's client.
 */
public final class TenantScopedDynamo implements InvocationHandler {
    /** The setting (Lambda environment variable, or system property) naming the tenant data role. */
    public static final String ROLE_ARN = "TENANT_DATA_ROLE_ARN";
    /** The session tag the role's policy reads as {@code ${aws:PrincipalTag/tenant_id}}. */
    public static final String TENANT_TAG = "tenant_id";
    /** Tenant clients kept per container; the least recently used one is dropped beyond this. */
    static final int MAX_TENANTS = 64;

    private final DynamoDbClient functionRole;
    private final Function<String, DynamoDbClient> tenantClient;
    private final Map<String, DynamoDbClient> byTenant = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                // a dropped client is not closed: another thread may still be using it, and it owns no thread
                // or connection (the HTTP client is shared); the garbage collector takes it
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, DynamoDbClient> eldest) {
                    return size() > MAX_TENANTS;
                }
            });

    private TenantScopedDynamo(DynamoDbClient functionRole, Function<String, DynamoDbClient> tenantClient) {
        this.functionRole = functionRole;
        this.tenantClient = tenantClient;
    }

    /**
     * {@code functionRole} itself when {@code roleArn} is null (no wall: today's behaviour); otherwise a client that
     * routes each tenant's calls through {@code tenantClient.apply(tenantId)}, built once per tenant.
     */
    public static DynamoDbClient routing(DynamoDbClient functionRole, String roleArn, Function<String, DynamoDbClient> tenantClient) {
        if (roleArn == null || roleArn.isBlank()) return functionRole;
        return (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
                new Class<?>[] {DynamoDbClient.class}, new TenantScopedDynamo(functionRole, tenantClient));
    }

    /**
     * Credentials of the tenant's session of the role: AssumeRole with the session tag, cached by the SDK and renewed
     * before they expire (one AssumeRole per tenant per container per hour).
     */
    public static StsAssumeRoleCredentialsProvider credentials(StsClient sts, String roleArn, String tenantId) {
        return StsAssumeRoleCredentialsProvider.builder()
                .stsClient(sts)
                .refreshRequest(r -> r.roleArn(roleArn).roleSessionName(sessionName(tenantId)).durationSeconds(3600)
                        .tags(Tag.builder().key(TENANT_TAG).value(tenantId).build()))
                .build();
    }

    /** RoleSessionName allows {@code [\w+=,.@-]{2,64}}; it shows in CloudTrail and in access-denied messages. */
    static String sessionName(String tenantId) {
        String name = "tenant-" + tenantId.replaceAll("[^\\w+=,.@-]", "_");
        return name.length() > 64 ? name.substring(0, 64) : name;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
            case "equals": if (method.getParameterCount() == 1) return proxy == args[0]; break;
            case "hashCode": if (method.getParameterCount() == 0) return System.identityHashCode(proxy); break;
            case "close":
                if (method.getParameterCount() == 0) {
                    synchronized (byTenant) {
                        byTenant.values().forEach(DynamoDbClient::close);
                        byTenant.clear();
                    }
                    functionRole.close();
                    return null;
                }
                break;
            default: break;
        }
        String tenant = RequestScope.currentTenant();
        DynamoDbClient target = tenant == null ? functionRole : byTenant.computeIfAbsent(tenant, tenantClient);
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
