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
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Reading the catalog's inputs: GTINs from bodies and paths, times with an offset, dates. */
final class Inputs {
    static final long MAX_FEN = 100_000_000L; // one million yuan
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{8,14}");

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

        /**
         * A body's list of GTINs in their GTIN-14 form (1 to {@code max}, duplicates once), or null when absent; a bad
         * one is a field error {@code field[i]} with its code.
         */
        List<String> gtins(String field, int max, Language lang) {
            if (!f.has(field)) return null;
            List<String> text = f.optionalStrings(field, max, DIGITS,
                    lang == Language.ZH ? "须为 8 到 14 位数字的商品条码" : "must be a GTIN of 8 to 14 digits");
            if (text == null) return null;
            if (text.isEmpty()) {
                f.reject(field, Fields.TOO_FEW, lang == Language.ZH ? "至少包含 1 项" : "must hold at least 1 item");
                return null;
            }
            List<String> out = new ArrayList<>();
            for (int i = 0; i < text.size(); i++) {
                try {
                    String g = Gtin.parse(text.get(i)).value();
                    if (!out.contains(g)) out.add(g);
                } catch (InvalidGtin e) {
                    f.reject(field + "[" + i + "]", e.code(), lang == Language.ZH ? e.chinese() : e.english());
                    if (code == null) code = e.code();
                }
            }
            return out;
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
