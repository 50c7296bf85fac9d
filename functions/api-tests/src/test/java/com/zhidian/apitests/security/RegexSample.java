package com.zhidian.apitests.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A string matching a simple regular expression of the spec: literals, escapes (\d, \w, \., and \ u plus four hex digits), character
 * classes with ranges, and the quantifiers ?, *, +, {n}, {n,m}. Enough for the patterns an API spec uses
 * (ids, phone numbers, months); anything fancier falls back to a plain word.
 */
final class RegexSample {
    private RegexSample() {}

    static String of(String pattern, Random rnd) {
        try {
            String p = pattern;
            if (p.startsWith("^")) p = p.substring(1);
            if (p.endsWith("$") && !p.endsWith("\\$")) p = p.substring(0, p.length() - 1);
            StringBuilder out = new StringBuilder();
            int i = 0;
            while (i < p.length()) {
                List<Character> choices = new ArrayList<>();
                char c = p.charAt(i);
                if (c == '[') {
                    int end = p.indexOf(']', i + 2);
                    String cls = p.substring(i + 1, end);
                    for (int k = 0; k < cls.length(); ) {
                        int[] a = unit(cls, k);
                        if (a[0] < 0) {
                            choices.addAll(escape(cls.charAt(k + 1)));
                            k = a[1];
                        } else if (a[1] + 1 < cls.length() && cls.charAt(a[1]) == '-') {
                            int[] b = unit(cls, a[1] + 1);
                            for (char x = (char) a[0]; x <= b[0]; x++) choices.add(x);
                            k = b[1];
                        } else {
                            choices.add((char) a[0]);
                            k = a[1];
                        }
                    }
                    i = end + 1;
                } else if (c == '\\') {
                    choices.addAll(escape(p.charAt(i + 1)));
                    i += 2;
                } else if (c == '(' || c == ')' || c == '|') {
                    throw new IllegalArgumentException("groups unsupported");
                } else {
                    choices.add(c == '.' ? 'x' : c);
                    i++;
                }
                int min = 1, max = 1;
                if (i < p.length()) {
                    char q = p.charAt(i);
                    if (q == '?') { min = 0; max = 1; i++; }
                    else if (q == '*') { min = 0; max = 3; i++; }
                    else if (q == '+') { min = 1; max = 3; i++; }
                    else if (q == '{') {
                        int end = p.indexOf('}', i);
                        String[] parts = p.substring(i + 1, end).split(",", -1);
                        min = Integer.parseInt(parts[0].trim());
                        max = parts.length == 1 ? min : parts[1].isBlank() ? min + 3 : Integer.parseInt(parts[1].trim());
                        i = end + 1;
                    }
                }
                int n = min == max ? min : Math.max(min, Math.min(max, min + 1 + rnd.nextInt(Math.min(8, max - min))));
                for (int k = 0; k < n; k++) out.append(choices.get(rnd.nextInt(choices.size())));
            }
            return out.toString();
        } catch (RuntimeException e) {
            return "sample";
        }
    }

    /** The character of a class at {@code k} and the index after it: a backslash-u escape read as its char; -1 for \\d, \\w, \\s. */
    private static int[] unit(String cls, int k) {
        if (cls.charAt(k) != '\\' || k + 1 >= cls.length()) return new int[] {cls.charAt(k), k + 1};
        char e = cls.charAt(k + 1);
        if (e == 'u' && k + 6 <= cls.length()) return new int[] {Integer.parseInt(cls.substring(k + 2, k + 6), 16), k + 6};
        return "dws".indexOf(e) >= 0 ? new int[] {-1, k + 2} : new int[] {e, k + 2};
    }

    private static List<Character> escape(char e) {
        List<Character> out = new ArrayList<>();
        switch (e) {
            case 'd' -> { for (char x = '0'; x <= '9'; x++) out.add(x); }
            case 'w' -> { for (char x = 'a'; x <= 'z'; x++) out.add(x); out.add('_'); }
            case 's' -> out.add(' ');
            default -> out.add(e);
        }
        return out;
    }
}
