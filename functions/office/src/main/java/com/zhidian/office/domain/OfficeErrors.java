package com.zhidian.office.domain;

import com.zhidian.core.errors.DomainException;
import java.util.List;
import java.util.Map;

/** The office context's refusals: a stable code and the facts a message needs, no HTTP status. */
public final class OfficeErrors {
    private OfficeErrors() {}

    public static final class StoreNotFound extends DomainException {
        public StoreNotFound(String storeId) { super("store.not_found", Map.of("storeId", storeId)); }
        public String storeId() { return (String) facts().get("storeId"); }
    }

    /** A route names checkpoints that are not this store's (the field's fault, 400). */
    public static final class UnknownCheckpoints extends DomainException {
        public UnknownCheckpoints(List<String> ids) { super("patrol.unknown_checkpoints", Map.of("checkpointIds", String.join(", ", ids))); }
        public String checkpointIds() { return (String) facts().get("checkpointIds"); }
    }

    /** A route assigns logins that are not staff of this store (the field's fault, 400). */
    public static final class UnknownStaff extends DomainException {
        public UnknownStaff(List<String> ids) { super("patrol.unknown_staff", Map.of("staffIds", String.join(", ", ids))); }
        public String staffIds() { return (String) facts().get("staffIds"); }
    }

    /** A camera checkpoint names a device that is not a patrol camera of this store (the field's fault, 400). */
    public static final class UnknownCamera extends DomainException {
        public UnknownCamera(String deviceId) { super("patrol.unknown_camera", Map.of("cameraDeviceId", deviceId)); }
        public String cameraDeviceId() { return (String) facts().get("cameraDeviceId"); }
    }

    /** A scanned code that is not a genuine checkpoint tag of the caller's tenant (the field's fault, 400). */
    public static final class NotATag extends DomainException {
        public NotATag() { super("patrol.not_a_tag", Map.of()); }
    }

    /** The checkpoint is on none of the caller's routes with a round open now. */
    public static final class NoRoundOpen extends DomainException {
        public NoRoundOpen(String checkpointId) { super("patrol.no_round_open", Map.of("checkpointId", checkpointId)); }
        public String checkpointId() { return (String) facts().get("checkpointId"); }
    }

    public static final class RoundClosed extends DomainException {
        public RoundClosed(String roundId) { super("patrol.round_closed", Map.of("roundId", roundId)); }
        public String roundId() { return (String) facts().get("roundId"); }
    }

    public static final class AlreadyVisited extends DomainException {
        public AlreadyVisited(String checkpointId, String roundId) {
            super("patrol.already_visited", Map.of("checkpointId", checkpointId, "roundId", roundId));
        }
        public String checkpointId() { return (String) facts().get("checkpointId"); }
        public String roundId() { return (String) facts().get("roundId"); }
    }

    public static final class NotOnRoute extends DomainException {
        public NotOnRoute(String checkpointId) { super("patrol.not_on_route", Map.of("checkpointId", checkpointId)); }
        public String checkpointId() { return (String) facts().get("checkpointId"); }
    }

    public static final class PatrolAlertNotFound extends DomainException {
        public PatrolAlertNotFound(String id) { super("patrol_alert.not_found", Map.of("patrolAlertId", id)); }
        public String patrolAlertId() { return (String) facts().get("patrolAlertId"); }
    }

    public static final class AnnouncementNotFound extends DomainException {
        public AnnouncementNotFound(String id) { super("announcement.not_found", Map.of("announcementId", id)); }
        public String announcementId() { return (String) facts().get("announcementId"); }
    }

    /** An announcement's storeIds the tenant does not have (the field's fault, 400). */
    public static final class UnknownStores extends DomainException {
        public UnknownStores(List<String> ids) { super("announcement.unknown_stores", Map.of("storeIds", String.join(", ", ids))); }
        public String storeIds() { return (String) facts().get("storeIds"); }
    }
}
