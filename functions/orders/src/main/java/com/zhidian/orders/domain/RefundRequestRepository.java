package com.zhidian.orders.domain;

import com.zhidian.core.paging.Page;
import java.util.List;
import java.util.Optional;

/** Where refund requests live: beside their order, listed per store and state for staff. */
public interface RefundRequestRepository {
    /** Stores a new request; refused with {@link OrdersErrors.RefundAlreadyRequested} while another of the order is pending. */
    void create(RefundRequest r);

    Optional<RefundRequest> find(String tenantId, String orderId, String requestId);

    /** A request by its id alone (staff's decisions). */
    Optional<RefundRequest> find(String tenantId, String requestId);

    /** An order's requests, oldest first. */
    List<RefundRequest> ofOrder(String tenantId, String orderId);

    /** A store's requests in one state, newest first. */
    Page<RefundRequest> ofStore(String tenantId, String storeId, String state, int limit, String cursor);

    /**
     * {@code after} replaces {@code before} only if it is still at {@code before.version()} (else a conflict that
     * {@code Retry.onConflict} retries); leaving pending frees the order for a new request, entering it takes the order.
     */
    void save(RefundRequest before, RefundRequest after);
}
