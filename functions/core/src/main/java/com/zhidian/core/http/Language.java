package com.zhidian.core.http;

import java.util.List;
import java.util.Locale;

/**
 * The reader's language for problem details: of Accept-Language's ranges by their q-values (RFC 9110 §12.5.4),
 * the first that names Chinese or English; English when none does or the header is malformed.
 */
public enum Language {
    EN, ZH;

    public static Language of(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) return EN;
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(acceptLanguage);   // sorted by weight
        } catch (IllegalArgumentException malformed) {
            return EN;
        }
        for (Locale.LanguageRange r : ranges) {
            if (r.getWeight() <= 0) continue;                         // q=0: "not acceptable"
            String tag = r.getRange().toLowerCase(Locale.ROOT);
            if (tag.equals("zh") || tag.startsWith("zh-")) return ZH;
            if (tag.equals("en") || tag.startsWith("en-")) return EN;
        }
        return EN;
    }
}
