package com.zhidian.parking.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * One stay of one car in one car park, from the entry camera's read of its plate to the exit. {@code memberId} is set
 * when the plate was bound to a member at entry. Money in fen.
 *
 * <p>status: {@code parked} (inside), {@code exiting} (at the exit barrier, waiting for payment), {@code completed}
 * (left; nothing owed), {@code debt} (left under pay-after-exit and the charge failed: owed by the member).
 */
public record Session(String sessionId, String storeId, String plate, String memberId, Instant enteredAt, String zone, String space,
                      String status, long fee, long paid, long freeMinutes, Instant paidAt, Instant exitedAt, String payment,
                      String failure, Instant barrierAt, String exitThing, long version) {
    public static final String PARKED = "parked";
    public static final String EXITING = "exiting";
    public static final String COMPLETED = "completed";
    public static final String DEBT = "debt";
    /** How long a completed stay, and so its plate, is kept after the exit (docs/decisions.md, "Parking"). */
    public static final Duration RETENTION = Duration.ofDays(30);
    public static final Set<String> STATES = Set.of(PARKED, EXITING, COMPLETED, DEBT);

    public boolean open() {
        return PARKED.equals(status) || EXITING.equals(status);
    }

    public Session with(String status, long fee, long paid, long freeMinutes, Instant paidAt, Instant exitedAt, String payment, String failure) {
        return new Session(sessionId, storeId, plate, memberId, enteredAt, zone, space, status, fee, paid, freeMinutes, paidAt, exitedAt, payment,
                failure, barrierAt, exitThing, version);
    }

    public Session at(String zone, String space) {
        return new Session(sessionId, storeId, plate, memberId, enteredAt, zone, space, status, fee, paid, freeMinutes, paidAt, exitedAt, payment,
                failure, barrierAt, exitThing, version);
    }

    public Session barrier(Instant at) {
        return new Session(sessionId, storeId, plate, memberId, enteredAt, zone, space, status, fee, paid, freeMinutes, paidAt, exitedAt, payment,
                failure, at, exitThing, version);
    }

    /** Waiting at the barrier of the exit camera {@code thing}. */
    public Session waitingAt(String thing) {
        return new Session(sessionId, storeId, plate, memberId, enteredAt, zone, space, status, fee, paid, freeMinutes, paidAt, exitedAt, payment,
                failure, barrierAt, thing, version);
    }

    public Session erased() {
        return new Session(sessionId, storeId, "", null, enteredAt, zone, space, status, fee, paid, freeMinutes, paidAt, exitedAt, payment,
                failure, barrierAt, exitThing, version);
    }
}
