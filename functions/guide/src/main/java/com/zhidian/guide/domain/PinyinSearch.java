package com.zhidian.guide.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finding a product by pinyin (拼音) on the kiosk: {@code kele} or its initials {@code kl} find 可乐. A name's
 * spellings are made once, when its placement is saved: every reading of the name (a polyphone such as 乐 le/yue gives
 * several, at most {@link #MAX_READINGS}) written whole ({@code kele}) and as initials ({@code kl}); a query matches a
 * product when one of its spellings contains the query. Letters and digits in the name stay as they are, lower-cased.
 */
public final class PinyinSearch {
    /** At most this many whole readings of one name (their initials come with them), so a name of many polyphones stays small. */
    public static final int MAX_READINGS = 8;
    /** At most this many readings of one character are tried (the first is its most common). */
    static final int MAX_PER_CHARACTER = 3;
    private static final Pattern QUERY = Pattern.compile("[a-z0-9]*[a-z][a-z0-9]*");

    private PinyinSearch() {}

    /** How a name is read, token by token: a Han character's readings (toneless, lower case), or a run of other letters as itself. */
    public interface Readings {
        List<List<String>> of(String text);
    }

    /** The spellings of a name read so (whole readings first, then their initials), without repeats. */
    public static List<String> spellings(List<List<String>> tokens) {
        List<List<String>> readings = new ArrayList<>();
        readings.add(List.of());
        for (List<String> token : tokens) {
            if (token.isEmpty()) continue;
            List<List<String>> next = new ArrayList<>();
            for (List<String> r : readings) {
                for (String alt : token.subList(0, Math.min(MAX_PER_CHARACTER, token.size()))) {
                    if (next.size() >= MAX_READINGS) break;
                    List<String> longer = new ArrayList<>(r);
                    longer.add(alt);
                    next.add(longer);
                }
            }
            readings = next;
        }
        Set<String> whole = new LinkedHashSet<>();
        Set<String> initials = new LinkedHashSet<>();
        for (List<String> r : readings) {
            if (r.isEmpty()) continue;
            whole.add(String.join("", r));
            StringBuilder i = new StringBuilder();
            for (String syllable : r) i.append(Character.isLetter(syllable.charAt(0)) && isSyllable(syllable) ? syllable.substring(0, 1) : syllable);
            initials.add(i.toString());
        }
        List<String> out = new ArrayList<>(whole);
        for (String i : initials) if (!whole.contains(i)) out.add(i);
        return out;
    }

    /** A pinyin syllable (only letters); a run such as "500ml" counts whole in the initials too. */
    private static boolean isSyllable(String s) {
        return s.chars().allMatch(c -> c >= 'a' && c <= 'z');
    }

    /**
     * The query as pinyin (lower case, without spaces or apostrophes, ü as v), or null when it is not one: it must hold
     * a Latin letter and nothing but Latin letters, digits, spaces and apostrophes.
     */
    public static String query(String q) {
        if (q == null) return null;
        String n = q.toLowerCase(Locale.ROOT).replace('ü', 'v').replaceAll("[\\s'’]", "");
        return QUERY.matcher(n).matches() ? n : null;
    }

    /** How well the spellings answer the query: 0 not at all, 3 one equals it, 2 one starts with it, 1 one contains it. */
    public static int rank(List<String> spellings, String query) {
        int best = 0;
        for (String s : spellings) {
            if (s.equals(query)) return 3;
            if (s.startsWith(query)) best = Math.max(best, 2);
            else if (s.contains(query)) best = Math.max(best, 1);
        }
        return best;
    }
}
