package com.zhidian.core.http;

/** Text rules shared by bodies, paths and queries. */
public final class Text {
    private Text() {}

    /**
     * No unpaired surrogates (DynamoDB stores UTF-8 and would refuse them), no C0 controls but tab/newline, no
     * U+FFFD (what a body that was not UTF-8 decodes to), and no bidirectional overrides or isolates, which make
     * a name display as something else (U+202A..U+202E, U+2066..U+2069).
     */
    public static boolean isWellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) return false;
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            } else if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f || c == 0xfffd
                    || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) {
                return false;
            }
        }
        return true;
    }
}
