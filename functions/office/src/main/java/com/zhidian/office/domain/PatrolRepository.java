package com.zhidian.office.domain;

import com.zhidian.core.paging.Page;
import java.util.List;
import java.util.Optional;

/** Where checkpoints, routes, rounds and patrol alerts are kept. */
public interface PatrolRepository {
    void addCheckpoint(String tenantId, Checkpoint c);

    Optional<Checkpoint> checkpoint(String tenantId, String checkpointId);

    List<Checkpoint> checkpoints(String tenantId, String storeId);

    void addRoute(String tenantId, PatrolRoute r);

    List<PatrolRoute> routes(String tenantId, String storeId);

    /** Every route of every tenant, for the sweep: (tenantId, route, the due time it has closed rounds through). */
    List<Swept> allRoutes();

    record Swept(String tenantId, PatrolRoute route, String sweptThrough) {}

    void markSwept(String tenantId, String storeId, String routeId, String through);

    Optional<Round> round(String tenantId, String roundId);

    /** Writes the round if it is still at {@code expectedVersion} (0: not yet stored); false when it moved meanwhile. */
    boolean saveRound(String tenantId, Round round, long expectedVersion);

    Page<Round> rounds(String tenantId, String storeId, int limit, String cursor);

    /** Adds the alert unless one with its id exists; true when this call raised it. */
    boolean raise(String tenantId, PatrolAlert alert);

    Optional<PatrolAlert> alert(String tenantId, String patrolAlertId);

    void saveAlert(String tenantId, PatrolAlert alert);

    Page<PatrolAlert> alerts(String tenantId, String storeId, String state, int limit, String cursor);

    /** Marks the camera of that checkpoint asked in that round, unless it was; true when this call marked it. */
    boolean markAsked(String tenantId, String roundId, String checkpointId, long expiresEpochSecond, boolean cameraOffline);

    /** The checkpoints of the round whose camera was offline when it was asked ({@link #markAsked} with {@code cameraOffline}). */
    java.util.Set<String> offlineAsks(String tenantId, String roundId);

    /** The tenant's snapshot retention (days), or null when the owner never set one. */
    Integer retentionDays(String tenantId);

    void setRetentionDays(String tenantId, int days);
}
