package com.zhidian.stores.api;

import com.zhidian.core.audit.AuditLog;
import com.zhidian.core.errors.ApiException;
import com.zhidian.core.http.Request;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** The owner's audit filters from the query: {@code from}, {@code to} (ISO-8601 instants), {@code actor}, {@code action}. */
final class AuditFilters {
    private AuditFilters() {}

    static AuditLog.Filter read(Request r) {
        String from = instant(r, "from");
        String to = instant(r, "to");
        if (from != null && to != null && from.compareTo(to) >= 0) throw ApiException.badRequest("to", "must be after from");
        return new AuditLog.Filter(from, to, text(r, "actor", 100), text(r, "action", 100));
    }

    private static String instant(Request r, String name) {
        String v = r.query(name);
        if (v == null) return null;
        try {
            // the entries' sort keys start with Instant.toString() (a varying number of fraction digits, then Z):
            // to the second and without the Z, the bound sorts before every entry of that second and after all earlier
            String t = Instant.parse(v).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
            return t.substring(0, t.length() - 1);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name, "must be an ISO-8601 instant such as 2026-12-01T00:00:00Z");
        }
    }

    private static String text(Request r, String name, int max) {
        String v = r.query(name);
        if (v == null) return null;
        if (v.isBlank() || v.length() > max) throw ApiException.badRequest(name, "must be 1 to " + max + " characters");
        return v.trim();
    }
}
