package com.zhidian.stores.domain;

import java.util.List;

/**
 * The sign-in accounts of owners and staff (Cognito in production). A login carries its role, tenant and stores,
 * which become the claims every function trusts.
 */
public interface Logins {
    record NewLogin(String email, String name, String role, String tenantId, List<String> storeIds, String phone,
                    String temporaryPassword) {}

    /** Creates the login and answers its user id; an email that already has a login is {@link StoresErrors.EmailTaken}. */
    String create(NewLogin login);

    /** Removes a login again (its records could not be written); a login already gone is fine. */
    void delete(String email);
}
