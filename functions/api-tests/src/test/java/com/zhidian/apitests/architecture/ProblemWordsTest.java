package com.zhidian.apitests.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zhidian.core.http.Chinese;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every English refusal that a route or rail writes into a problem has its Chinese in the catalogue
 * ({@code zhidian/problem-words.zh-CN.tsv}), read off the main sources of every functions module: the prose arguments
 * of {@code reject}, {@code required/optionalMatching}, {@code optionalStrings}, the {@code ApiException} factories and {@code FieldError}
 * (text built with {@code +} is tried with a sample value in each gap), and the problem titles of the ProblemTables.
 * A throw that words its own Chinese ({@code .inChinese(...)}, or Chinese text) needs no entry.
 */
class ProblemWordsTest {
    private static final Pattern CALL = Pattern.compile(
            "(\\.reject|Matching|Strings|ApiException\\.(?:badRequest|unauthorized|forbidden|conflict|unprocessable|tooManyRequests|unavailable)"
                    + "|new FieldError|new ApiException)\\s*\\(");
    private static final Pattern TITLE = Pattern.compile(
            "\\.(?:on|onExposing)\\(\\s*[\\w.]+\\.class,\\s*\\d+,\\s*\"([^\"]+)\"|\\.onInput\\(\\s*[\\w.]+\\.class,\\s*\"([^\"]+)\"|new ApiException\\(\\d+,\\s*\"([^\"]+)\"");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    @Test
    void everyEnglishRefusal_hasItsChinese() throws IOException {
        Path root = ArchitectureTest.repositoryRoot();
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (Path module : ArchitectureTest.functionModules(root)) {
            try (Stream<Path> files = Files.walk(module.resolve("src/main/java"))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    String src = Files.readString(f);
                    for (String english : englishIn(src)) {
                        checked++;
                        if (Chinese.of(english) == null) missing.add(root.relativize(f) + ": " + english);
                    }
                }
            }
        }
        assertTrue(checked > 200, "the scan found only " + checked + " refusals: has the code's shape changed?");
        assertTrue(missing.isEmpty(), missing.size() + " refusals without Chinese in problem-words.zh-CN.tsv:\n  " + String.join("\n  ", missing));
    }

    /** The English words of the refusals in one source file, with "7" in each gap of text built with {@code +}. */
    static List<String> englishIn(String src) {
        List<String> out = new ArrayList<>();
        Matcher title = TITLE.matcher(src);
        while (title.find()) {
            for (int g = 1; g <= 3; g++) if (title.group(g) != null) out.add(title.group(g));
        }
        Matcher call = CALL.matcher(src);
        while (call.find()) {
            int end = closingParen(src, call.end());
            String after = src.substring(end, Math.min(src.length(), end + 80)).split(";", 2)[0];
            if (after.contains(".inChinese(")) continue;
            for (String arg : topLevelArguments(src.substring(call.end(), end - 1))) {
                String english = sample(arg);
                if (english != null) out.add(english);
            }
        }
        return out;
    }

    /** Prose (a literal with a space and letters, or such text built with {@code +}), else null. */
    private static String sample(String arg) {
        List<String> parts = List.of(arg.split("\\+(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)"));
        StringBuilder text = new StringBuilder();
        boolean prose = false;
        for (String part : parts) {
            Matcher lit = LITERAL.matcher(part.strip());
            if (lit.matches()) {
                String s = lit.group(1).replace("\\\"", "\"");
                if (Chinese.isChinese(s)) return null;
                prose |= s.matches("(?s).*[a-z]{2,} .*|.* [a-z]{2,}.*");
                text.append(s);
            } else {
                if (part.contains("\"")) return null;      // a call or a ternary with text inside: not a plain sentence
                text.append('7');
            }
        }
        return prose ? text.toString() : null;
    }

    private static int closingParen(String s, int from) {
        int depth = 1;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') i = endOfLiteral(s, i);
            else if (c == '\'') i = s.indexOf('\'', i + (s.charAt(i + 1) == '\\' ? 2 : 1) + 1);
            else if (c == '(') depth++;
            else if (c == ')' && --depth == 0) return i + 1;
        }
        throw new IllegalStateException("unbalanced call at " + from);
    }

    private static int endOfLiteral(String s, int open) {
        for (int i = open + 1; ; i++) {
            if (s.charAt(i) == '\\') i++;
            else if (s.charAt(i) == '"') return i;
        }
    }

    private static List<String> topLevelArguments(String args) {
        List<String> out = new ArrayList<>();
        int depth = 0, start = 0;
        for (int i = 0; i < args.length(); i++) {
            char c = args.charAt(i);
            if (c == '"') i = endOfLiteral(args, i);
            else if (c == '(' || c == '[' || c == '{') depth++;
            else if (c == ')' || c == ']' || c == '}') depth--;
            else if (c == ',' && depth == 0) {
                out.add(args.substring(start, i));
                start = i + 1;
            }
        }
        out.add(args.substring(start));
        return out;
    }
}
