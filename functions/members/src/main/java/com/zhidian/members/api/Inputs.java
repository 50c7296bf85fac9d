package com.zhidian.members.api;

import com.zhidian.core.auth.Caller;
import com.zhidian.core.errors.ApiException;
import com.zhidian.core.http.Fields;
import com.zhidian.core.http.Request;
import com.zhidian.core.idempotency.Idempotency;
import com.zhidian.core.tenancy.TenantDirectory;
import com.zhidian.members.domain.Phones;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** The input rules the members routes share: phones, birthdays, the caller's stores, Idempotency-Keys. */
final class Inputs {
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    static final long MAX_POINTS = 1_000_000_000L;


    private final TenantDirectory tenants;
    private final Clock clock;
    /** Stores are never deleted, so a store once seen stays valid for this container's life (one handler per container). */
    private final ConcurrentHashMap<String, Boolean> knownStores = new ConcurrentHashMap<>();

    Inputs(TenantDirectory tenants, Clock clock) {
        this.tenants = tenants;
        this.clock = clock;
    }

    /** One rule for every phone this context takes (enrolment, lookup): {@link Phones#normalise}. */
    static String phone(Fields f, String text) {
        if (text == null) return null;
        String p = Phones.normalise(text);
        if (p == null) f.reject("phone", "must be a mainland China mobile number");
        return p;
    }

    String birthday(Fields f) {
        String b = f.optionalMatching("birthday", DATE, "must be a date like 1990-05-17");
        if (b == null) return null;
        try {
            LocalDate d = LocalDate.parse(b);
            if (d.getYear() < 1900 || d.isAfter(LocalDate.now(clock))) {
                f.reject("birthday", "must be a date from 1900 to today");
                return null;
            }
            return b;
        } catch (DateTimeParseException e) {
            f.reject("birthday", "must be a real calendar date");
            return null;
        }
    }

    /** Staff: only their own stores; everyone: only a store of their tenant (another tenant's is 404, like none). */
    void requireStore(Caller c, String storeId) {
        c.requireStore(storeId);
        String key = c.tenantId() + "/" + storeId;
        if (knownStores.containsKey(key)) return;
        if (!tenants.hasStore(c.tenantId(), storeId)) throw ApiException.notFound("store " + storeId);
        if (knownStores.size() < 10_000) knownStores.put(key, Boolean.TRUE);
    }

    /**
     * The key of the record in which the rails will store this POST's answer (Idempotency-Key sent), or null.
     * The rails have already checked the key's form before the route runs.
     */
    static String answerKey(Request r) {
        String key = r.header("idempotency-key");
        return key == null ? null : Idempotency.recordPk(Idempotency.scope(r.caller()), key);
    }

    static void requireIdempotencyKey(Request r) {
        String k = r.header("idempotency-key");
        if (k == null || k.isBlank()) {
            throw ApiException.badRequest("Idempotency-Key", "this call moves points: send an Idempotency-Key header");
        }
    }
}
