package com.zhidian.parking.domain;

import com.zhidian.core.paging.Page;
import java.time.Instant;
import java.util.List;

/** Car parks, stays and members' plates of a tenant. Every save of a stay is conditioned on its version. */
public interface ParkingRepository {
    CarPark carPark(String tenantId, String storeId);

    void saveCarPark(String tenantId, CarPark p);

    /** A new stay, with the plate's open-stay marker (refused, false, when the plate already has an open stay there). */
    boolean enter(String tenantId, Session s);

    Session session(String tenantId, String storeId, String sessionId);

    /** The open stay of a plate in a store, or null. */
    Session openByPlate(String tenantId, String storeId, String plate);

    /**
     * Saves {@code after} if the stored version is still {@code before.version()}; the open marker goes when the stay
     * closes, and a completed stay expires {@link Session#RETENTION} after its exit (TTL).
     */
    boolean save(String tenantId, Session before, Session after);

    /** A store's stays, newest first; {@code status} null for all. */
    Page<Session> sessions(String tenantId, String storeId, String status, int limit, String cursor);

    /** Every stay of the store that entered before {@code to} and had not left by {@code from} (for occupancy and revenue). */
    List<Session> overlapping(String tenantId, String storeId, Instant from, Instant to);

    /** A member's stays of the tenant (newest first), and its debts. */
    List<Session> ofMember(String tenantId, String memberId, int limit);

    /** A member's parking account: bound plates and the saved card (null when none). */
    MemberParking member(String tenantId, String memberId);

    /** Binds a plate to a member (false when the plate is bound to someone already). */
    boolean bind(String tenantId, String memberId, String plate);

    void unbind(String tenantId, String memberId, String plate);

    /** The member a plate is bound to, or null. */
    String memberOfPlate(String tenantId, String plate);

    void saveCard(String tenantId, String memberId, String customer, String paymentMethod, String label);

    /** Erasure: the member's plates and card go, and their stays keep no plate. */
    void eraseMember(String tenantId, String memberId);

    /** Every tenant's members with plates or a card: tenant id and member id (the erasure sweep's list). */
    List<String[]> membersWithPlates();

    /** A space sensor's reading of a plate that had no stay yet, kept for the entry camera's read (see ParkingService). */
    record HeldSpace(String zone, String space, Instant at) {}

    /** Keeps a space reading of a plate with no stay (the newest reading of a plate replaces the one before). */
    void holdSpace(String tenantId, String storeId, String plate, HeldSpace reading);

    /** Takes (reads and removes, at most once) the held reading of a plate; null when there is none. */
    HeldSpace takeSpace(String tenantId, String storeId, String plate);
}
