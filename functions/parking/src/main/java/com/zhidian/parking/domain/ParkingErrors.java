package com.zhidian.parking.domain;

import com.zhidian.core.errors.DomainException;
import java.util.Map;

/** The parking context's refusals (codes and facts; the api package's table gives them status and words). */
public final class ParkingErrors {
    private ParkingErrors() {}

    public static final class StoreNotFound extends DomainException {
        public StoreNotFound(String storeId) { super("store.not_found", Map.of("storeId", storeId)); }
    }

    /** The store has no car park (the owner has not set one up). */
    public static final class NoCarPark extends DomainException {
        public NoCarPark(String storeId) { super("parking.no_car_park", Map.of("storeId", storeId)); }
    }

    /** No car with that plate is in the car park (or the link is not this car park's). */
    public static final class CarNotFound extends DomainException {
        public CarNotFound() { super("parking.car_not_found", Map.of()); }
    }

    public static final class SessionNotFound extends DomainException {
        public SessionNotFound(String sessionId) { super("parking.session_not_found", Map.of("sessionId", sessionId)); }
    }

    public static final class PlateNotFound extends DomainException {
        public PlateNotFound(String plate) { super("parking.plate_not_found", Map.of("plate", plate)); }
    }

    /** The plate is bound to another member of the tenant. */
    public static final class PlateTaken extends DomainException {
        public PlateTaken(String plate) { super("parking.plate_taken", Map.of("plate", plate)); }
    }

    public static final class TooManyPlates extends DomainException {
        public TooManyPlates(int max) { super("parking.too_many_plates", Map.of("max", max)); }
    }

    /** A payment for a stay that owes nothing (paid already, or within its free time). */
    public static final class NothingDue extends DomainException {
        public NothingDue(String sessionId) { super("parking.nothing_due", Map.of("sessionId", sessionId)); }
    }

    /** The card was declined; {@code reason} is the provider's decline code. */
    public static final class PaymentFailed extends DomainException {
        public PaymentFailed(String reason) { super("parking.payment_failed", Map.of("reason", reason)); }
    }

    /** Pay-after-exit needs a card: a member without one pays at the exit like anyone. */
    public static final class NoCard extends DomainException {
        public NoCard() { super("parking.no_card", Map.of()); }
    }

    /** A zone named twice in a car park's set-up. */
    public static final class DuplicateZone extends DomainException {
        public DuplicateZone(String zone) { super("parking.duplicate_zone", Map.of("zone", zone)); }
    }
}
