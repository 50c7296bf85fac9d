package com.zhidian.core.http;

/** Text rules shared by bodies, paths and queries. */
public final class Text {
    private Text() {}

    /** No unpaired surrogates (DynamoDB stores UTF-8 and would refuse them) and no C0 controls but tab/newline. */
    public static boolean isWellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) return false;
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            } else if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f) {
                return false;
            }
        }
        return true;
    }
}
