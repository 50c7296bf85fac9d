package com.zhidian.guide.application;

import com.zhidian.guide.domain.PinyinSearch;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/** A name's readings by pinyin4j: each Han character's toneless readings (ü as v), other letters and digits in runs. */
public final class Pinyin4jReadings implements PinyinSearch.Readings {
    private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

    static {
        FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
        FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
    }

    @Override
    public List<List<String>> of(String text) {
        List<List<String>> out = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        for (char ch : text.toCharArray()) {
            String[] readings = han(ch);
            if (readings != null && readings.length > 0) {
                flush(run, out);
                Set<String> distinct = new LinkedHashSet<>(List.of(readings));
                out.add(List.copyOf(distinct));
            } else if (Character.isLetterOrDigit(ch) && ch < 128) {
                run.append(Character.toLowerCase(ch));
            } else {
                flush(run, out);
            }
        }
        flush(run, out);
        return out;
    }

    private static void flush(StringBuilder run, List<List<String>> out) {
        if (run.length() > 0) out.add(List.of(run.toString().toLowerCase(Locale.ROOT)));
        run.setLength(0);
    }

    private static String[] han(char ch) {
        try {
            return PinyinHelper.toHanyuPinyinStringArray(ch, FORMAT);
        } catch (BadHanyuPinyinOutputFormatCombination e) {
            throw new IllegalStateException("a fixed, valid pinyin format", e);
        }
    }
}
