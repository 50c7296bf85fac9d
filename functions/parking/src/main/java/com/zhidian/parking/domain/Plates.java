package com.zhidian.parking.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Chinese licence plates (GA 36-2018): a province character, the issuing authority's letter, then five characters for
 * an ordinary plate (7 in all) or six for a new-energy plate (8 in all: D/F first for a small car, or last for a large
 * one). The letters I and O are never used. Plates are normalised to upper case without spaces, dots or dashes.
 */
public final class Plates {
    private Plates() {}

    public static final String PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";
    private static final String L = "[A-HJ-NP-Z]";
    private static final String LD = "[A-HJ-NP-Z0-9]";
    private static final Pattern ORDINARY = Pattern.compile("[" + PROVINCES + "]" + L + LD + "{4}[A-HJ-NP-Z0-9挂学警港澳]");
    private static final Pattern NEW_ENERGY_SMALL = Pattern.compile("[" + PROVINCES + "]" + L + "[DF]" + LD + "[0-9]{4}");
    private static final Pattern NEW_ENERGY_LARGE = Pattern.compile("[" + PROVINCES + "]" + L + "[0-9]{5}[DF]");
    /** What a request's plate field must look like before it is normalised (the fuzzer's pattern too). */
    public static final int MAX_INPUT = 16;

    /** The plate in its stored form, or null when it is not a Chinese plate. */
    public static String normalise(String raw) {
        if (raw == null || raw.length() > MAX_INPUT) return null;
        String p = raw.replaceAll("[\\s·.\\-]", "").toUpperCase(Locale.ROOT);
        return valid(p) ? p : null;
    }

    public static boolean valid(String p) {
        if (p == null) return false;
        if (p.length() == 7) return ORDINARY.matcher(p).matches();
        if (p.length() == 8) return NEW_ENERGY_SMALL.matcher(p).matches() || NEW_ENERGY_LARGE.matcher(p).matches();
        return false;
    }

    public static boolean newEnergy(String p) {
        return p != null && p.length() == 8;
    }

    /** A plate as shown to anyone but its member and the store: 粤B·***45. */
    public static String masked(String p) {
        return p.substring(0, 2) + "·" + "*".repeat(p.length() - 4) + p.substring(p.length() - 2);
    }
}
