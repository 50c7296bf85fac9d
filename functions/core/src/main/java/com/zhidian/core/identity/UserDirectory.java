package com.zhidian.core.identity;

import com.zhidian.core.Env;
import com.zhidian.core.errors.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminCreateUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;

/**
 * Logins live in the Cognito user pool; this is the one adapter that creates and removes them. The
 * custom attributes become the token claims every function trusts, so they are set here and only here.
 */
public final class UserDirectory {
    private final Supplier<CognitoIdentityProviderClient> cognito;
    private final String poolId = Env.get("USER_POOL_ID", "local_zhidian");

    /** The client is built on first use: most requests never create a login, and cold starts stay shorter. */
    public UserDirectory(Supplier<CognitoIdentityProviderClient> cognito) {
        this.cognito = cognito;
    }

    public UserDirectory(CognitoIdentityProviderClient cognito) {
        this(() -> cognito);
    }

    public record NewLogin(String username, String role, String tenantId, String storeIds, String memberId,
                           String email, String name, String phone, String temporaryPassword) {}

    /** Creates the login and answers its {@code sub}; a taken username is a 409. */
    public String create(NewLogin login) {
        List<AttributeType> attrs = new ArrayList<>();
        add(attrs, "custom:role", login.role());
        add(attrs, "custom:tenant_id", login.tenantId());
        add(attrs, "custom:store_ids", login.storeIds());
        add(attrs, "custom:member_id", login.memberId());
        add(attrs, "email", login.email());
        add(attrs, "name", login.name());
        if (login.email() != null) add(attrs, "email_verified", "true");
        try {
            AdminCreateUserResponse r = cognito.get().adminCreateUser(b -> b.userPoolId(poolId).username(login.username())
                    .temporaryPassword(login.temporaryPassword())
                    .messageAction(MessageActionType.SUPPRESS)
                    .userAttributes(attrs));
            return r.user().attributes().stream().filter(a -> "sub".equals(a.name())).map(AttributeType::value)
                    .findFirst().orElse(login.username());
        } catch (UsernameExistsException e) {
            // one user pool for every tenant: an email is one login on the whole platform (see docs/decisions.md)
            throw ApiException.conflict("this email address already has a Zhidian login; use another address");
        }
    }

    /** Undoes {@link #create} when the write that should go with it failed. */
    public void delete(String username) {
        try {
            cognito.get().adminDeleteUser(b -> b.userPoolId(poolId).username(username));
        } catch (UserNotFoundException ignored) {
            // already gone
        }
    }

    public void updateAttributes(String username, Map<String, String> values) {
        List<AttributeType> attrs = new ArrayList<>();
        values.forEach((k, v) -> add(attrs, k, v));
        cognito.get().adminUpdateUserAttributes(b -> b.userPoolId(poolId).username(username).userAttributes(attrs));
    }

    /** Disables a login (it can no longer sign in, its refresh tokens are revoked) or enables it again. */
    public void setEnabled(String username, boolean enabled) {
        if (enabled) {
            cognito.get().adminEnableUser(b -> b.userPoolId(poolId).username(username));
        } else {
            cognito.get().adminDisableUser(b -> b.userPoolId(poolId).username(username));
            cognito.get().adminUserGlobalSignOut(b -> b.userPoolId(poolId).username(username));
        }
    }

    /** A new temporary password: the login must choose its own at the next sign-in. */
    public void setTemporaryPassword(String username, String temporaryPassword) {
        cognito.get().adminSetUserPassword(b -> b.userPoolId(poolId).username(username).password(temporaryPassword).permanent(false));
    }

    private static void add(List<AttributeType> attrs, String name, String value) {
        if (value != null) attrs.add(AttributeType.builder().name(name).value(value).build());
    }
}
