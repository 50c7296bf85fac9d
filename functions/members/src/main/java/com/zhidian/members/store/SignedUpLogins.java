package com.zhidian.members.store;

import com.zhidian.members.domain.CustomerLogins;
import com.zhidian.members.domain.Member;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;

/**
 * The login of a customer who signed themself up: Cognito made it (SignUp, ConfirmSignUp), so joining only marks it
 * as this tenant's customer and names the member (AdminUpdateUserAttributes); the client could never set these
 * attributes itself (the app client's WriteAttributes leave out every custom attribute).
 */
public final class SignedUpLogins implements CustomerLogins {
    private final Supplier<CognitoIdentityProviderClient> cognito;
    private final CustomerLogins erasure;
    private final String poolId;

    /** {@code poolId}: the trigger event's {@code userPoolId} (a trigger cannot name its pool in the template: a cycle). */
    public SignedUpLogins(Supplier<CognitoIdentityProviderClient> cognito, String poolId) {
        this.cognito = cognito;
        this.erasure = new CognitoCustomerLogins(cognito);
        this.poolId = poolId;
    }

    @Override
    public void create(String tenantId, String phone, String memberId) {
        cognito.get().adminUpdateUserAttributes(b -> b.userPoolId(poolId).username(Member.username(tenantId, phone))
                .userAttributes(List.of(attr("custom:tenant_id", tenantId), attr("custom:role", "customer"),
                        attr("custom:member_id", memberId))));
    }

    @Override
    public void delete(String tenantId, String phone) {
        erasure.delete(tenantId, phone);
    }

    private static AttributeType attr(String name, String value) {
        return AttributeType.builder().name(name).value(value).build();
    }
}
