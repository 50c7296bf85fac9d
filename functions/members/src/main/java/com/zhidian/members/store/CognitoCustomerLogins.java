package com.zhidian.members.store;

import com.zhidian.core.Env;
import com.zhidian.members.domain.CustomerLogins;
import com.zhidian.members.domain.Member;
import com.zhidian.members.domain.Phones;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;

/**
 * Customer logins in the one user pool: username {@code <tenantId>#<phone>}, role customer, the member id
 * and tenant as claims, the phone for the one-time code. No invitation is sent (SUPPRESS); the login is
 * confirmed with a random password nobody knows, because customers only ever sign in by CUSTOM_AUTH.
 */
public final class CognitoCustomerLogins implements CustomerLogins {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Supplier<CognitoIdentityProviderClient> cognito;
    private final String poolId = Env.get("USER_POOL_ID", "local_zhidian");

    /** The client is built on first use, so reading members never pays for it at cold start. */
    public CognitoCustomerLogins(Supplier<CognitoIdentityProviderClient> cognito) {
        this.cognito = cognito;
    }

    public CognitoCustomerLogins(CognitoIdentityProviderClient cognito) {
        this(() -> cognito);
    }

    @Override
    public void create(String tenantId, String phone, String memberId) {
        String username = Member.username(tenantId, phone);
        try {
            createUser(username, tenantId, phone, memberId);
        } catch (UsernameExistsException e) {
            // The phone claim already names our member (it was written first), so a login under this name
            // belongs to no living member: an erasure whose login removal failed. Replace it.
            AdminGetUserResponse old = cognito.get().adminGetUser(b -> b.userPoolId(poolId).username(username));
            String oldMember = old.userAttributes().stream().filter(a -> "custom:member_id".equals(a.name()))
                    .map(AttributeType::value).findFirst().orElse(null);
            if (memberId.equals(oldMember)) return;
            delete(tenantId, phone);
            createUser(username, tenantId, phone, memberId);
        }
        String password = "Zd-" + HexFormat.of().formatHex(randomBytes()) + "aA1";
        cognito.get().adminSetUserPassword(b -> b.userPoolId(poolId).username(username).password(password).permanent(true));
    }

    private void createUser(String username, String tenantId, String phone, String memberId) {
        cognito.get().adminCreateUser(b -> b.userPoolId(poolId).username(username)
                .messageAction(MessageActionType.SUPPRESS)
                .userAttributes(List.of(
                        attr("custom:tenant_id", tenantId),
                        attr("custom:role", "customer"),
                        attr("custom:member_id", memberId),
                        attr("phone_number", Phones.e164(phone)),
                        attr("phone_number_verified", "true"))));
    }

    @Override
    public void delete(String tenantId, String phone) {
        try {
            cognito.get().adminDeleteUser(b -> b.userPoolId(poolId).username(Member.username(tenantId, phone)));
        } catch (UserNotFoundException ignored) {
            // already gone
        }
    }

    private static AttributeType attr(String name, String value) {
        return AttributeType.builder().name(name).value(value).build();
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return b;
    }
}
