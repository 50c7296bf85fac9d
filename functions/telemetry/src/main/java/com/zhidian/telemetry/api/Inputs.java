package com.zhidian.telemetry.api;

import com.zhidian.core.errors.ApiException;
import com.zhidian.core.http.Request;
import com.zhidian.telemetry.domain.Alert;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Query parameters of the sensors routes, read strictly (a bad one is a 400 naming it). */
final class Inputs {
    private Inputs() {}

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_]{1,64}");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    static final Set<String> LIST_STATES = Set.of(Alert.OPEN, Alert.ACKNOWLEDGED, Alert.RESOLVED, "active");

    /** The {@code storeId} query parameter, or null when absent (every store the caller sees). */
    static String storeId(Request r) {
        String s = r.query("storeId");
        if (s == null || s.isEmpty()) return null;
        if (!ID.matcher(s).matches()) throw bad("storeId", "invalid_format", "is not a store id");
        return s;
    }

    static String state(Request r) {
        String s = r.query("state");
        if (s == null || s.isEmpty()) return "active";
        if (!LIST_STATES.contains(s)) throw bad("state", "not_in_list", "must be one of active, open, acknowledged, resolved");
        return s;
    }

    /** {@code day} (yyyy-MM-dd, the store's day), today in the store's zone when absent; not more than a year back. */
    static LocalDate day(Request r, java.time.Clock clock) {
        String s = r.query("day");
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
        if (s == null || s.isEmpty()) return today;
        try {
            if (!DAY.matcher(s).matches()) throw new DateTimeParseException("", s, 0);
            LocalDate d = LocalDate.parse(s);
            if (d.isAfter(today.plusDays(1)) || d.isBefore(today.minusDays(400))) throw bad("day", "out_of_range", "must be within the last 400 days");
            return d;
        } catch (DateTimeParseException e) {
            throw bad("day", "invalid_format", "must be a date such as 2026-12-04");
        }
    }

    private static ApiException bad(String field, String code, String message) {
        return ApiException.badRequest(field + ": " + message, List.of(new ApiException.FieldError(field, code, message)));
    }
}
