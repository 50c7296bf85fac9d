package com.zhidian.core.http;

import java.time.ZoneId;
import java.util.Set;
import java.util.regex.Pattern;

/** Formats shared by several contexts' bodies. */
public final class Formats {
    private Formats() {}

    public static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+\\-]{1,64}@[A-Za-z0-9.\\-]{1,180}\\.[A-Za-z]{2,24}");
    /** Mainland China mobile numbers (11 digits, 13x–19x). */
    public static final Pattern PHONE_CN = Pattern.compile("1[3-9][0-9]{9}");
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9_\\-]{1,64}");
    public static final Set<String> STORE_FORMATS = Set.of("convenience", "supermarket", "department");
    public static final Set<String> PLANS = Set.of("basic", "standard", "premium");

    /**
     * An IANA time-zone name ("Asia/Shanghai"): the region ids of the tz database only. ZoneId.of also takes
     * offsets ("+08:00", "Z", "UTC+8", "GMT+08:00"), which are not time zones (no daylight saving rules, no name).
     */
    public static boolean isZone(String zone) {
        return zone != null && ZoneId.getAvailableZoneIds().contains(zone);
    }
}
