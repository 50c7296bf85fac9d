package com.zhidian.stores.domain;

import com.zhidian.core.errors.DomainException;
import java.util.List;
import java.util.Map;

/** The business refusals of the stores context; {@code api.StoresProblems} maps them to problem+json. */
public final class StoresErrors {
    private StoresErrors() {}

    /** No such store in this tenant (another tenant's store is not found either). */
    public static final class StoreNotFound extends DomainException {
        public StoreNotFound(String storeId) {
            super("store.not_found", Map.of("storeId", storeId));
        }
        public String storeId() { return (String) facts().get("storeId"); }
    }

    /** A new login names stores the tenant does not have. */
    public static final class UnknownStores extends DomainException {
        public UnknownStores(List<String> storeIds) {
            super("store.unknown", Map.of("storeIds", List.copyOf(storeIds)));
        }
        @SuppressWarnings("unchecked")
        public List<String> storeIds() { return (List<String>) facts().get("storeIds"); }
    }

    /** One user pool for every tenant: an email is one login on the whole platform (see docs/decisions.md). */
    public static final class EmailTaken extends DomainException {
        public EmailTaken() {
            super("login.email_taken");
        }
    }
}
