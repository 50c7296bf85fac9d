package com.zhidian.members.domain;

import java.util.regex.Pattern;

/** Mainland China mobile numbers, the key a member is known by at the till. */
public final class Phones {
    /** 13x–19x and nine more digits (the same rule as {@code core.http.Formats.PHONE_CN}). */
    private static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");

    private Phones() {}

    /**
     * The 11-digit form (13x–19x), or null when the text is not a mainland mobile number. An optional +86 / 86
     * prefix, spaces and dashes are accepted and dropped. Every phone the members context takes goes through
     * here, so that each form of one number finds the same member (and the same login username).
     */
    public static String normalise(String text) {
        if (text == null) return null;
        String t = text.trim().replace(" ", "").replace("-", "");
        if (t.startsWith("+86")) t = t.substring(3);
        else if (t.length() == 13 && t.startsWith("86")) t = t.substring(2);
        return MOBILE.matcher(t).matches() ? t : null;
    }

    /** E.164, as Cognito's phone_number attribute and SMS want it. */
    public static String e164(String normal) {
        return "+86" + normal;
    }

    /** 138****8000: what a screen shows when the whole number is not needed. */
    public static String masked(String normal) {
        return normal == null ? null : normal.substring(0, 3) + "****" + normal.substring(7);
    }
}
