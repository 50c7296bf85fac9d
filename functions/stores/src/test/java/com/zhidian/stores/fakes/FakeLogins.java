package com.zhidian.stores.fakes;

import com.zhidian.stores.domain.Logins;
import com.zhidian.stores.domain.StoresErrors;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Logins by email; an email is one login on the whole platform, as in the user pool. */
public final class FakeLogins implements Logins {
    public final Map<String, NewLogin> byEmail = new ConcurrentHashMap<>();

    @Override
    public String create(NewLogin login) {
        if (byEmail.putIfAbsent(login.email(), login) != null) throw new StoresErrors.EmailTaken();
        return "sub-" + login.email();
    }

    @Override
    public void delete(String email) {
        byEmail.remove(email);
    }

    public final Map<String, Boolean> enabled = new ConcurrentHashMap<>();
    public final Map<String, java.util.List<String>> stores = new ConcurrentHashMap<>();
    public final Map<String, String> passwords = new ConcurrentHashMap<>();

    @Override
    public void setEnabled(String email, boolean on) {
        enabled.put(email, on);
    }

    @Override
    public void setStores(String email, java.util.List<String> storeIds) {
        stores.put(email, java.util.List.copyOf(storeIds));
    }

    @Override
    public void resetPassword(String email, String temporaryPassword) {
        passwords.put(email, temporaryPassword);
    }
}
