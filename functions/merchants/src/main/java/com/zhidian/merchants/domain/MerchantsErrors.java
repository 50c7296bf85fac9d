package com.zhidian.merchants.domain;

import com.zhidian.core.errors.DomainException;
import java.util.HashMap;
import java.util.Map;

/** The merchants context's refusals: a stable code and the facts a message needs, no HTTP status. */
public final class MerchantsErrors {
    private MerchantsErrors() {}

    public static final class MerchantNotFound extends DomainException {
        public MerchantNotFound(String merchantId) { super("merchant.not_found", Map.of("merchantId", merchantId)); }
        public String merchantId() { return (String) facts().get("merchantId"); }
    }

    /** A counter's merchantId that the tenant does not have: the field's fault (400). */
    public static final class UnknownMerchant extends DomainException {
        public UnknownMerchant(String merchantId) { super("counter.unknown_merchant", Map.of("merchantId", merchantId)); }
        public String merchantId() { return (String) facts().get("merchantId"); }
    }

    public static final class LicenceTaken extends DomainException {
        public LicenceTaken(String licenceNo) { super("merchant.licence_taken", Map.of("licenceNo", licenceNo)); }
        public String licenceNo() { return (String) facts().get("licenceNo"); }
    }

    public static final class StoreNotFound extends DomainException {
        public StoreNotFound(String storeId) { super("store.not_found", Map.of("storeId", storeId)); }
        public String storeId() { return (String) facts().get("storeId"); }
    }

    /** Counters are for department stores (format department) only. */
    public static final class NotADepartmentStore extends DomainException {
        public NotADepartmentStore(String storeId, String format) {
            super("counter.not_department_store", Map.of("storeId", storeId, "format", format));
        }
        public String storeId() { return (String) facts().get("storeId"); }
        public String format() { return (String) facts().get("format"); }
    }

    public static final class CounterNotFound extends DomainException {
        public CounterNotFound(String counterId) { super("counter.not_found", Map.of("counterId", counterId)); }
        public String counterId() { return (String) facts().get("counterId"); }
    }

    public static final class ComplaintNotFound extends DomainException {
        public ComplaintNotFound(String complaintId) { super("complaint.not_found", Map.of("complaintId", complaintId)); }
        public String complaintId() { return (String) facts().get("complaintId"); }
    }

    public static final class IllegalStep extends DomainException {
        public IllegalStep(String complaintId, String status, String action, String outcome) {
            super("complaint.illegal_step", facts(complaintId, status, action, outcome));
        }
        private static Map<String, Object> facts(String complaintId, String status, String action, String outcome) {
            Map<String, Object> m = new HashMap<>();
            m.put("complaintId", complaintId);
            m.put("status", status);
            m.put("action", action);
            m.put("outcome", outcome == null ? "" : outcome);
            return m;
        }
        public String status() { return (String) facts().get("status"); }
        public String action() { return (String) facts().get("action"); }
        public String outcome() { return (String) facts().get("outcome"); }
    }

    /** An outcome given with a step that is not closing: the field's fault (400). */
    public static final class OutcomeOutOfPlace extends DomainException {
        public OutcomeOutOfPlace(String action) { super("complaint.outcome_out_of_place", Map.of("action", action)); }
        public String action() { return (String) facts().get("action"); }
    }

    /** Others kept changing the complaint while this step was being recorded: read it again. */
    public static final class ChangedMeanwhile extends DomainException {
        public ChangedMeanwhile(String complaintId) { super("complaint.changed_meanwhile", Map.of("complaintId", complaintId)); }
        public String complaintId() { return (String) facts().get("complaintId"); }
    }

    /** A complaint's photo over the size taken (1 MiB): 413. */
    public static final class PhotoTooLarge extends DomainException {
        public PhotoTooLarge(long size, long max) { super("complaint.photo_too_large", Map.of("size", size, "max", max)); }
        public long size() { return ((Number) facts().get("size")).longValue(); }
        public long max() { return ((Number) facts().get("max")).longValue(); }
    }

    /**
     * A complaint's photo that is not a JPEG, PNG or WebP image by its bytes ({@code detected} empty), or not the type
     * the client declared: the field's fault (400).
     */
    public static final class PhotoNotAccepted extends DomainException {
        public PhotoNotAccepted(String declared, String detected) {
            super("complaint.photo_not_accepted", Map.of("declared", declared, "detected", detected));
        }
        public String declared() { return (String) facts().get("declared"); }
        public String detected() { return (String) facts().get("detected"); }
    }

    /** The complaint has no photo. */
    public static final class PhotoNotFound extends DomainException {
        public PhotoNotFound(String complaintId) { super("complaint.photo_not_found", Map.of("complaintId", complaintId)); }
        public String complaintId() { return (String) facts().get("complaintId"); }
    }
}
