package com.zhidian.core.tenancy;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A store's code, the first part of its order numbers ({@code NJD-20261203-0042}): the owner's choice (2–6 letters or
 * digits, kept upper case, unique in the tenant), or until one is chosen the last six letters and digits of the store id.
 */
public final class StoreCodes {
    private static final Pattern ASKED = Pattern.compile("[A-Za-z0-9]{2,6}");

    private StoreCodes() {}

    /** The code as kept (upper case), or null when {@code asked} is not 2–6 letters or digits. */
    public static String normalize(String asked) {
        if (asked == null) return null;
        String code = asked.trim();
        // checked before upper-casing: "ﬀ" (one ligature) upper-cases to "FF"
        return ASKED.matcher(code).matches() ? code.toUpperCase(Locale.ROOT) : null;
    }

    /** The code of a store whose owner chose none. */
    public static String defaultFor(String storeId) {
        String s = storeId.contains("_") ? storeId.substring(storeId.indexOf('_') + 1) : storeId;
        s = s.replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
        return s.length() > 6 ? s.substring(s.length() - 6) : s;
    }

    /** The store's code: {@code chosen}, or its default. */
    public static String of(String storeId, String chosen) {
        return chosen != null ? chosen : defaultFor(storeId);
    }
}
