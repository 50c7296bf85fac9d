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

    /** No such login in this tenant (another tenant's is not found either). */
    public static final class StaffNotFound extends DomainException {
        public StaffNotFound(String userId) {
            super("staff.not_found", Map.of("userId", userId));
        }
        public String userId() { return (String) facts().get("userId"); }
    }

    /** An owner cannot disable their own login (there would be no one left to enable it). */
    public static final class CannotDisableSelf extends DomainException {
        public CannotDisableSelf() {
            super("staff.cannot_disable_self");
        }
    }

    /** An owner sees every store: an owner login has no store list to change. */
    public static final class OwnerHasAllStores extends DomainException {
        public OwnerHasAllStores() {
            super("staff.owner_has_all_stores");
        }
    }

    /** One user pool for every tenant: an email is one login on the whole platform (see docs/decisions.md). */
    public static final class EmailTaken extends DomainException {
        public EmailTaken() {
            super("login.email_taken");
        }
    }

    /** Another store of the tenant already starts its order numbers with this code. */
    public static final class CodeTaken extends DomainException {
        public CodeTaken(String code) {
            super("store.code_taken", Map.of("storeCode", code));  // "code" is the problem's own member
        }
        public String storeCode() { return (String) facts().get("storeCode"); }
    }
}
