package com.zhidian.core.http;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Chinese of the English words that routes and rails put in problems (titles, details, field messages),
 * gettext-style: the English text is the key, so a route words its rule once, where it checks it, and a reader
 * who asked for zh-CN still reads Chinese. The entries are in {@code zhidian/problem-words.zh-CN.tsv}.
 */
public final class Chinese {
    private static final String WORDS = "/zhidian/problem-words.zh-CN.tsv";
    /** "storeId: must be a store id": a query parameter's refusal, worded as its field and its rule. */
    private static final Pattern FIELD_RULE = Pattern.compile("([A-Za-z][A-Za-z0-9_.\\[\\]-]*): (.+)", Pattern.DOTALL);
    private static final Pattern SLOT = Pattern.compile("\\{(\\d)}");

    private record Template(Pattern english, String chinese, int literal) {}

    private static final Map<String, String> EXACT = new HashMap<>();
    private static final List<Template> TEMPLATES = new ArrayList<>();

    static {
        for (String[] row : rows()) {
            if (!row[0].contains("{}")) {
                EXACT.put(row[0], row[1]);
                continue;
            }
            StringBuilder regex = new StringBuilder();
            String[] parts = row[0].split("\\{}", -1);
            for (int i = 0; i < parts.length; i++) {
                if (i > 0) regex.append("(.+?)");
                regex.append(Pattern.quote(parts[i]));
            }
            TEMPLATES.add(new Template(Pattern.compile(regex.toString(), Pattern.DOTALL), row[1], row[0].length()));
        }
        // the template with the most fixed words first: "between {} and {} (at least minPoints)" before "between {} and {}"
        TEMPLATES.sort(Comparator.comparingInt(Template::literal).reversed());
    }

    private Chinese() {}

    /** The Chinese of {@code english}, or null when the catalogue has no entry for it. */
    public static String of(String english) {
        if (english == null) return null;
        String exact = EXACT.get(english);
        if (exact != null) return exact;
        for (Template t : TEMPLATES) {
            Matcher m = t.english().matcher(english);
            if (m.matches()) return fill(t.chinese(), m);
        }
        Matcher fieldRule = FIELD_RULE.matcher(english);
        if (fieldRule.matches()) {
            String rule = of(fieldRule.group(2));
            if (rule != null) return fieldRule.group(1) + "：" + rule;
        }
        return null;
    }

    /** The Chinese of {@code english}; without an entry, {@code gist} (Chinese) followed by the English in brackets. */
    public static String orGist(String english, String gist) {
        if (english == null || english.isEmpty() || isChinese(english)) return english;
        String zh = of(english);
        return zh != null ? zh : gist + "（" + english + "）";
    }

    /** Whether {@code text} already holds Chinese (a route that worded it in the reader's language). */
    public static boolean isChinese(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    private static String fill(String chinese, Matcher m) {
        Matcher slot = SLOT.matcher(chinese);
        StringBuilder out = new StringBuilder();
        while (slot.find()) slot.appendReplacement(out, Matcher.quoteReplacement(m.group(Integer.parseInt(slot.group(1)))));
        return slot.appendTail(out).toString();
    }

    static List<String[]> rows() {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = Chinese.class.getResourceAsStream(WORDS)) {
            if (in == null) throw new IllegalStateException(WORDS + " is missing from the class path");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] row = line.split("\t", -1);
                if (row.length != 2 || row[0].isEmpty() || row[1].isEmpty()) throw new IllegalStateException(WORDS + ": not two columns: " + line);
                rows.add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
