package com.zhidian.purchasing.api;

import com.zhidian.catalog.domain.Gtin;
import com.zhidian.catalog.domain.InvalidGtin;
import com.zhidian.core.errors.ApiException;
import com.zhidian.core.http.Fields;
import com.zhidian.core.http.Request;
import com.zhidian.purchasing.domain.ServiceLevel;
import java.util.List;
import java.util.regex.Pattern;

/** Query parameters and repeated body parts of the purchasing routes, read strictly (a bad one is a 400 naming it). */
final class Inputs {
    private Inputs() {}

    static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    static final Pattern DECIMAL = Pattern.compile("0?\\.[0-9]{1,4}");

    static String requiredStoreId(Request r) {
        String s = r.query("storeId");
        if (s == null || s.isEmpty()) throw bad("storeId", Fields.REQUIRED, "is required");
        if (!ID.matcher(s).matches()) throw bad("storeId", Fields.INVALID_FORMAT, "is not a store id");
        r.caller().requireStore(s);
        return s;
    }

    static String optionalStoreId(Request r) {
        String s = r.query("storeId");
        if (s == null || s.isEmpty()) return null;
        if (!ID.matcher(s).matches()) throw bad("storeId", Fields.INVALID_FORMAT, "is not a store id");
        r.caller().requireStore(s);
        return s;
    }

    static String requiredGtin(Request r) {
        String g = r.query("gtin");
        if (g == null || g.isEmpty()) throw bad("gtin", Fields.REQUIRED, "is required");
        return gtin(g, "gtin");
    }

    static String gtin(String text, String field) {
        try {
            return Gtin.parse(text).value();
        } catch (InvalidGtin e) {
            throw bad(field, Fields.INVALID_FORMAT, "is not a valid GTIN (8, 12, 13 or 14 digits with a check digit)");
        }
    }

    /** A GTIN in a body: null (and the error recorded) when it is not one. */
    static String gtin(Fields f, String field) {
        String g = f.requiredMatching(field, Pattern.compile("[0-9]{8,14}"), "must be 8 to 14 digits");
        if (g == null) return null;
        try {
            return Gtin.parse(g).value();
        } catch (InvalidGtin e) {
            f.reject(field, Fields.INVALID_FORMAT, "is not a valid GTIN (its check digit is wrong)");
            return null;
        }
    }

    static double serviceLevel(Request r) {
        String s = r.query("serviceLevel");
        if (s == null || s.isEmpty()) return ServiceLevel.DEFAULT;
        String rule = "must be a decimal from " + ServiceLevel.MIN + " to " + ServiceLevel.MAX;
        if (!DECIMAL.matcher(s).matches()) throw bad("serviceLevel", Fields.INVALID_FORMAT, rule);
        double v = Double.parseDouble(s);
        if (v < ServiceLevel.MIN || v > ServiceLevel.MAX) throw bad("serviceLevel", Fields.OUT_OF_RANGE, rule);
        return v;
    }

    static ApiException bad(String field, String code, String message) {
        return ApiException.badRequest(field + ": " + message, List.of(new ApiException.FieldError(field, code, message)));
    }
}
