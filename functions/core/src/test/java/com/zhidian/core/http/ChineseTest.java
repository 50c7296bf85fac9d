package com.zhidian.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.core.errors.ApiException;
import com.zhidian.core.errors.ApiException.FieldError;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ChineseTest {
    @Test
    void exactWords_andTemplatesWithTheirValues() {
        assertEquals("必填", Chinese.of("is required"));
        assertEquals("必须是 0 到 365 之间的整数", Chinese.of("must be a whole number from 0 to 365"));
        assertEquals("必须是以下之一：draft, sent", Chinese.of("must be one of draft, sent"));
        assertEquals("points_balance 需要填写 min 或 max", Chinese.of("min or max is required for points_balance"));
    }

    @Test
    void theTemplateWithMoreFixedWordsWins() {
        assertEquals("必须在 1 到 5000 之间（且不少于 minPoints）", Chinese.of("must be between 1 and 5000 (at least minPoints)"));
        assertEquals("必须晚于 validFrom", Chinese.of("must be after validFrom"));
        assertEquals("必须晚于 startsAt", Chinese.of("must be after startsAt"));
    }

    @Test
    void notFound_namesWhatInChinese_whereTheCatalogueKnowsIt() {
        JsonNode store = (JsonNode) Problem.of(ApiException.notFound("store st_1"), "/p", Language.ZH).body();
        assertEquals("未找到门店 st_1", store.path("detail").asText());
        JsonNode other = (JsonNode) Problem.of(ApiException.notFound("lockerId"), "/p", Language.ZH).body();
        assertEquals("未找到 lockerId", other.path("detail").asText());
        assertEquals("store st_1 was not found", ((JsonNode) Problem.of(ApiException.notFound("store st_1"), "/p", Language.EN).body()).path("detail").asText());
    }

    @Test
    void aParametersRefusal_keepsTheName_andTranslatesTheRule() {
        assertEquals("days：必须是 1 到 30 之间的整数", Chinese.of("days: must be a whole number from 1 to 30"));
        assertNull(Chinese.of("days: a rule nobody wrote down"));
    }

    @Test
    void unknownWords_getTheGist_andKeepTheEnglish() {
        assertNull(Chinese.of("a rule nobody wrote down"));
        assertEquals("格式不正确（a rule nobody wrote down）", Chinese.orGist("a rule nobody wrote down", "格式不正确"));
        assertEquals("已是中文", Chinese.orGist("已是中文", "格式不正确"));
    }

    @Test
    void everyRow_usesOnlyTheGapsItHas() {
        Pattern slot = Pattern.compile("\\{(\\d)}");
        Set<String> english = new HashSet<>();
        for (String[] row : Chinese.rows()) {
            assertTrue(english.add(row[0]), "twice: " + row[0]);
            int gaps = row[0].split("\\{}", -1).length - 1;
            Matcher m = slot.matcher(row[1]);
            while (m.find()) assertTrue(Integer.parseInt(m.group(1)) >= 1 && Integer.parseInt(m.group(1)) <= gaps, row[0] + " → " + row[1]);
            assertTrue(Chinese.isChinese(row[1]), "not Chinese: " + row[1]);
        }
    }

    @Test
    void aProblemForAChineseReader_isChineseThroughout() {
        ApiException e = ApiException.badRequest("the request has invalid fields", List.of(
                new FieldError("plu", "invalid_format", "must be 4 to 6 digits"),
                new FieldError("x", "invalid_format", "a rule nobody wrote down")));
        JsonNode zh = (JsonNode) Problem.of(e, "/p", Language.ZH).body();
        assertEquals("请求无效", zh.path("title").asText());
        assertEquals("请求中有无效的字段", zh.path("detail").asText());
        assertEquals("必须是 4 到 6 位数字", zh.path("errors").get(0).path("message").asText());
        assertEquals("格式不正确（a rule nobody wrote down）", zh.path("errors").get(1).path("message").asText());
        JsonNode en = (JsonNode) Problem.of(e, "/p", Language.EN).body();
        assertEquals("must be 4 to 6 digits", en.path("errors").get(0).path("message").asText());
        assertEquals("invalid-request", zh.path("code").asText());
    }
}
