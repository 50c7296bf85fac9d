package com.zhidian.apitests.security;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The fuzzer's valid samples match the spec's patterns, Unicode-escape ranges included (a car park's zone, a plate). */
class RegexSampleTest {
    @Test
    void samplesMatchTheirPattern() {
        Random rnd = new Random(7);
        for (String p : List.of("^[A-Za-z0-9\\u4e00-\\u9fff_-]{1,16}$", "^[\\u4e00-\\u9fa5][A-Za-z][A-Za-z0-9\\u4e00-\\u9fa5 ·.-]{5,14}$",
                "^1[3-9]\\d{9}$", "^[0-9]{4}-[0-9]{2}$")) {
            for (int i = 0; i < 200; i++) {
                String s = RegexSample.of(p, rnd);
                assertTrue(Pattern.matches(p, s), p + " ⊭ " + s);
            }
        }
    }
}
