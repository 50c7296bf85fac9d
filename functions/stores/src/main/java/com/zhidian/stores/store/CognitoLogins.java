package com.zhidian.stores.store;

import com.zhidian.core.errors.ApiException;
import com.zhidian.core.identity.UserDirectory;
import com.zhidian.stores.domain.Logins;
import com.zhidian.stores.domain.StoresErrors;

/** Owner and staff logins in the Cognito user pool, through core's one {@link UserDirectory}. */
public final class CognitoLogins implements Logins {
    private final UserDirectory users;

    public CognitoLogins(UserDirectory users) {
        this.users = users;
    }

    @Override
    public String create(NewLogin l) {
        try {
            return users.create(new UserDirectory.NewLogin(l.email(), l.role(), l.tenantId(), String.join(",", l.storeIds()),
                    null, l.email(), l.name(), l.phone(), l.temporaryPassword()));
        } catch (ApiException e) {
            if (e.status() == 409) throw new StoresErrors.EmailTaken();
            throw e;
        }
    }

    @Override
    public void delete(String email) {
        users.delete(email);
    }

    @Override
    public void setEnabled(String email, boolean enabled) {
        users.setEnabled(email, enabled);
    }

    @Override
    public void setStores(String email, java.util.List<String> storeIds) {
        users.updateAttributes(email, java.util.Map.of("custom:store_ids", String.join(",", storeIds)));
    }

    @Override
    public void resetPassword(String email, String temporaryPassword) {
        users.setTemporaryPassword(email, temporaryPassword);
    }
}
