package com.zhidian.core.http;

/** The reader's language for problem details: Chinese when Accept-Language prefers it, English otherwise. */
public enum Language {
    EN, ZH;

    public static Language of(String acceptLanguage) {
        if (acceptLanguage == null) return EN;
        String first = acceptLanguage.split(",")[0].trim().toLowerCase();
        return first.startsWith("zh") ? ZH : EN;
    }
}
