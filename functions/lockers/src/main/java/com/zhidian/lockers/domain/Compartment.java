package com.zhidian.lockers.domain;

import java.time.Instant;
import java.util.Set;

/**
 * One compartment of a locker. {@code use} says what is in it: a pickup order ({@code orderId}) or a shopper's bag;
 * {@code depositId} names this one use (the pickup code is signed over it, so a code opens one use only);
 * {@code deadline} is when an uncollected pickup is overdue; {@code codeUsed} once the code has opened it.
 */
public record Compartment(String id, String size, String state, String use, String orderId, String depositId,
                          Instant deadline, boolean codeUsed, boolean overdue) {
    public static final String S = "S", M = "M", L = "L";
    public static final Set<String> SIZES = Set.of(S, M, L);

    public static final String FREE = "free";
    public static final String RESERVED = "reserved";
    public static final String OCCUPIED = "occupied";
    public static final String OPEN = "open";
    public static final String JAMMED = "jammed";
    public static final Set<String> STATES = Set.of(FREE, RESERVED, OCCUPIED, OPEN, JAMMED);

    public static final String PICKUP = "pickup";
    public static final String BAG = "bag";

    public static Compartment free(String id, String size) {
        return new Compartment(id, size, FREE, null, null, null, null, false, false);
    }

    public Compartment with(String newState) {
        return new Compartment(id, size, newState, use, orderId, depositId, deadline, codeUsed, overdue);
    }

    public Compartment emptied() {
        return free(id, size);
    }

    public boolean holdsSomething() {
        return use != null;
    }
}
