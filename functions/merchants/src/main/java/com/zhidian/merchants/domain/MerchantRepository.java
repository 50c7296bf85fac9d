package com.zhidian.merchants.domain;

import com.zhidian.core.paging.Page;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where merchants, counters and complaints are kept (store.DynamoMerchantRepository). */
public interface MerchantRepository {
    /** Adds a merchant; refused with {@link MerchantsErrors.LicenceTaken} when the tenant has its licence already. */
    void addMerchant(String tenantId, Merchant m);

    Optional<Merchant> merchant(String tenantId, String merchantId);

    Page<Merchant> merchants(String tenantId, int limit, String cursor);

    /** SETs the changes on an existing merchant; empty when there is none. */
    Optional<Merchant> changeMerchant(String tenantId, String merchantId, Map<String, String> changes);

    void addCounter(String tenantId, Counter c);

    Optional<Counter> counter(String tenantId, String counterId);

    /** A store's counters (a department store has tens, not thousands). */
    List<Counter> counters(String tenantId, String storeId);

    /** Adds a complaint, with its place in the deadline index while it waits for an answer. */
    void addComplaint(String tenantId, Complaint c);

    /** Adds a complaint with its photo's bytes (its {@code photo} says their type and size), all or nothing. */
    void addComplaint(String tenantId, Complaint c, byte[] photo);

    /** The bytes of a complaint's photo, or empty when they are gone (past their retention) or incomplete. */
    Optional<byte[]> photo(String tenantId, String complaintId, Photo photo, java.time.Instant now);

    Optional<Complaint> complaint(String tenantId, String complaintId);

    /** Replaces the complaint if it is still at {@code expectedVersion}; false when another change came first. */
    boolean replaceComplaint(String tenantId, Complaint c, long expectedVersion);

    /** Every complaint about a merchant, across the tenant's stores (for the rating and the record). */
    List<Complaint> complaintsOf(String tenantId, String merchantId);

    /** The tenant's complaints, newest first, optionally of one state and within some stores (null: all). */
    Page<Complaint> complaints(String tenantId, String status, List<String> storeIds, int limit, String cursor);

    /** Unanswered complaints past their deadline, of every tenant, as (tenantId, complaintId); at most {@code max}. */
    List<Map.Entry<String, String>> overdue(String nowIso, int max);
}
