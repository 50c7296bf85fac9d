package com.zhidian.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LanguageTest {
    @Test
    void theRangesAreWeighed_byTheirQValues() {
        assertEquals(Language.ZH, Language.of("zh-CN,zh;q=0.9,en;q=0.8"));
        assertEquals(Language.ZH, Language.of("en;q=0.1, zh-CN;q=0.9"));
        assertEquals(Language.EN, Language.of("zh-CN;q=0.2, en-GB;q=0.7"));
        assertEquals(Language.ZH, Language.of("zh-Hant-TW"));
    }

    @Test
    void aLanguageWeDoNotSpeak_isPassedOver_forTheNextWeDo() {
        assertEquals(Language.ZH, Language.of("fr-FR,zh-CN;q=0.9,en;q=0.8"));
        assertEquals(Language.EN, Language.of("de, en;q=0.5, zh;q=0.4"));
        assertEquals(Language.EN, Language.of("fr"));
        assertEquals(Language.EN, Language.of("*"));
    }

    @Test
    void noneOrMalformed_isEnglish() {
        assertEquals(Language.EN, Language.of(null));
        assertEquals(Language.EN, Language.of(""));
        assertEquals(Language.EN, Language.of("zh;q=abc"));
        assertEquals(Language.EN, Language.of("zh-CN;q=0"));
    }
}
