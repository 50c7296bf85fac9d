package com.zhidian.lockers.domain;

import java.util.List;

/**
 * A locker of a store: a registered device of kind {@code locker} ({@code lockerId} is its device id), its
 * compartments in order, and the key it shares with the cloud to sign and check pickup codes offline
 * ({@code key}, base64; never shown after set-up). {@code version} conditions every change.
 */
public record Locker(String lockerId, String storeId, String name, String thingName, String key, List<Compartment> compartments,
                     long version) {

    public Compartment compartment(String id) {
        return compartments.stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new LockerErrors.CompartmentNotFound(lockerId, id));
    }

    public Locker replaced(Compartment c) {
        return new Locker(lockerId, storeId, name, thingName, key,
                compartments.stream().map(x -> x.id().equals(c.id()) ? c : x).toList(), version);
    }

    /** The compartment holding a use (a deposit id), or null. */
    public Compartment holding(String depositId) {
        if (depositId == null) return null;
        return compartments.stream().filter(c -> depositId.equals(c.depositId())).findFirst().orElse(null);
    }
}
