package com.zhidian.catalog.api;

import com.zhidian.catalog.domain.Gtin;
import com.zhidian.catalog.domain.InvalidGtin;
import com.zhidian.core.errors.ApiException;
import com.zhidian.core.http.Fields;
import com.zhidian.core.http.Language;
import com.zhidian.core.http.Request;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** Reading the catalog's inputs: GTINs from bodies and paths, times with an offset, dates. */
final class Inputs {
    static final long MAX_FEN = 100_000_000L; // one million yuan
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    private Inputs() {}

    /** A body's GTIN in its GTIN-14 form; a bad one is a field error, and {@link #check} then carries its code. */
    static final class Body {
        final Fields f;
        String code;

        Body(Fields f) {
            this.f = f;
        }

        String gtin(String field, Language lang) {
            String text = f.requiredString(field, 1, 32);
            if (text == null) return null;
            try {
                return Gtin.parse(text).value();
            } catch (InvalidGtin e) {
                f.reject(field, lang == Language.ZH ? e.chinese() : e.english());
                if (code == null) code = e.code();
                return null;
            }
        }

        void check() {
            try {
                f.check();
            } catch (ApiException e) {
                throw code != null ? e.withCode(code) : e;
            }
        }
    }

    /** A path's GTIN; text that is no GTIN cannot name a product: 404. */
    static String pathGtin(Request r) {
        Gtin g = Gtin.orNull(r.pathParam("gtin"));
        if (g == null) throw ApiException.notFound("product " + r.pathParam("gtin"));
        return g.value();
    }

    /** An ISO-8601 time with an offset, from a body; null when absent. */
    static Instant instant(Fields f, String field) {
        String s = f.optionalString(field, 1, 40);
        if (s == null) return null;
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            f.reject(field, "must be an ISO-8601 time with an offset, such as 2026-12-01T08:00:00+08:00");
            return null;
        }
    }

    /** {@code ?at=}: a time with an offset, or null for now. */
    static Instant queryInstant(Request r, String name) {
        String s = r.query(name);
        if (s == null || s.isEmpty()) return null;
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name, "must be an ISO-8601 time with an offset, such as 2026-12-01T08:00:00+08:00");
        }
    }

    static String date(Fields f, String field) {
        String s = f.optionalString(field, 10, 10);
        if (s == null) return null;
        try {
            if (DATE.matcher(s).matches()) return LocalDate.parse(s).toString();
        } catch (DateTimeParseException ignored) {
            // answered below
        }
        f.reject(field, "must be a date yyyy-MM-dd");
        return null;
    }
}
