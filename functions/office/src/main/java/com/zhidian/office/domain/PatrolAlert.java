package com.zhidian.office.domain;

/**
 * A checkpoint missed or visited late in a round, raised once (its id derives from the round and the checkpoint), for
 * the owner and the store's staff to handle. {@code cause} says why, where the system knows: {@link #CAMERA_OFFLINE}
 * for a camera checkpoint whose camera was offline when its round asked it (a guard should walk there); else null.
 */
public record PatrolAlert(String patrolAlertId, String storeId, String roundId, String routeId, String routeName, String checkpointId,
                          String checkpointName, String kind, String dueAt, String raisedAt, String state, String resolvedBy,
                          String resolvedAt, String cause) {
    public static final String OPEN = "open", RESOLVED = "resolved";
    public static final String MISSED = Round.MISSED, LATE = Round.LATE;
    public static final String CAMERA_OFFLINE = "camera_offline";

    public PatrolAlert resolved(String by, String at) {
        return new PatrolAlert(patrolAlertId, storeId, roundId, routeId, routeName, checkpointId, checkpointName, kind, dueAt, raisedAt,
                RESOLVED, by, at, cause);
    }
}
