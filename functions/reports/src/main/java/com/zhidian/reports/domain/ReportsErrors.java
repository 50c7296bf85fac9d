package com.zhidian.reports.domain;

import com.zhidian.core.errors.DomainException;
import java.util.Map;

/** The reports context's refusals. */
public final class ReportsErrors {
    private ReportsErrors() {}

    public static final class BadRange extends DomainException {
        public BadRange(String from, String to) { super("report.bad_range", Map.of("from", from, "to", to)); }
        public String from() { return (String) facts().get("from"); }
        public String to() { return (String) facts().get("to"); }
    }

    public static final class RangeTooLong extends DomainException {
        public RangeTooLong(long days, long max, String groupBy) {
            super("report.range_too_long", Map.of("days", days, "max", max, "groupBy", groupBy));
        }
        public long days() { return ((Number) facts().get("days")).longValue(); }
        public long max() { return ((Number) facts().get("max")).longValue(); }
        public String groupBy() { return (String) facts().get("groupBy"); }
    }

    public static final class UnknownGroupBy extends DomainException {
        public UnknownGroupBy(String groupBy, String allowed) { super("report.unknown_group_by", Map.of("groupBy", groupBy, "allowed", allowed)); }
        public String groupBy() { return (String) facts().get("groupBy"); }
        public String allowed() { return (String) facts().get("allowed"); }
    }

    public static final class BadDate extends DomainException {
        public BadDate(String field, String value) { super("report.bad_date", Map.of("field", field, "value", value)); }
        public String field() { return (String) facts().get("field"); }
        public String value() { return (String) facts().get("value"); }
    }

    public static final class StoreNotFound extends DomainException {
        public StoreNotFound(String storeId) { super("report.store_not_found", Map.of("storeId", storeId)); }
        public String storeId() { return (String) facts().get("storeId"); }
    }
}
