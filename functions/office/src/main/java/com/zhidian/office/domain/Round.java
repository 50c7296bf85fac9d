package com.zhidian.office.domain;

import java.util.List;

/**
 * One round of a route at one due time: each checkpoint's visit (pending, on time, late or missed; who and when; a
 * camera's snapshot). Stored as one document replaced on its version.
 */
public record Round(String roundId, String routeId, String routeName, String storeId, String dueAt, int toleranceMinutes,
                    List<Visit> visits, long version) {
    public static final String OPEN = "open", ON_TIME = "on_time", LATE = "late", MISSED = "missed";

    public Round {
        visits = List.copyOf(visits);
    }

    /** A checkpoint's visit in this round; {@code snapshotKey} is the stored image a camera took for it. */
    public record Visit(String checkpointId, String name, boolean camera, String status, String at, String by, String byName,
                        String snapshotKey) {
        public static final String PENDING = "pending";

        public Visit with(String status, String at, String by, String byName, String snapshotKey) {
            return new Visit(checkpointId, name, camera, status, at, by, byName, snapshotKey);
        }
    }

    /** open while any checkpoint waits; then missed if any was missed, else late if any was late, else on time. */
    public String status() {
        boolean late = false;
        boolean missed = false;
        for (Visit v : visits) {
            if (Visit.PENDING.equals(v.status())) return OPEN;
            late |= LATE.equals(v.status());
            missed |= MISSED.equals(v.status());
        }
        return missed ? MISSED : late ? LATE : ON_TIME;
    }

    public Round withVisits(List<Visit> next) {
        return new Round(roundId, routeId, routeName, storeId, dueAt, toleranceMinutes, next, version + 1);
    }
}
