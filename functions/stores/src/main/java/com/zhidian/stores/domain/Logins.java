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

    /** A disabled login cannot sign in (its refresh tokens are revoked); enabling lets it in again. */
    void setEnabled(String email, boolean enabled);

    /** The stores a staff login may act in (its token claim from the next sign-in or refresh). */
    void setStores(String email, List<String> storeIds);

    /** A new temporary password, to be replaced at the next sign-in. */
    void resetPassword(String email, String temporaryPassword);
}
