package com.zhidian.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.zhidian.core.Json;
import com.zhidian.core.errors.ApiException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FieldsTest {

    private static Fields of(String json, String... allowed) throws Exception {
        return Fields.of(Json.read(json), Set.of(allowed));
    }

    private static List<String> errorFields(Fields f) {
        ApiException e = assertThrows(ApiException.class, f::check);
        assertEquals(400, e.status());
        return e.errors().stream().map(ApiException.FieldError::field).toList();
    }

    @Test
    void unknownFields_areRefused_byName() throws Exception {
        Fields f = of("{\"name\":\"a\",\"tenantId\":\"t\",\"balance\":5}", "name");
        f.requiredString("name", 1, 10);
        assertEquals(List.of("balance", "tenantId"), errorFields(f).stream().sorted().toList());
    }

    @Test
    void everyProblem_isCollected_beforeOneAnswer() throws Exception {
        Fields f = of("{\"a\":1,\"b\":\"x\",\"c\":1.5}", "a", "b", "c", "d");
        assertNull(f.requiredString("a", 1, 5));
        assertNull(f.requiredLong("b", 0, 9));
        assertNull(f.requiredLong("c", 0, 9));
        assertNull(f.requiredBoolean("d"));
        assertEquals(List.of("a", "b", "c", "d"), errorFields(f));
    }

    @Test
    void numbers_outOfRangeOrOverflowing_areRefused() throws Exception {
        Fields f = of("{\"n\":99999999999999999999999,\"m\":-1}", "n", "m");
        f.requiredLong("n", 0, Long.MAX_VALUE);
        f.requiredLong("m", 0, 10);
        assertEquals(List.of("n", "m"), errorFields(f));
    }

    @Test
    void lengths_countCodePoints_andLoneSurrogatesAreRefused() throws Exception {
        Fields ok = of("{\"s\":\"\\ud83d\\ude00\\ud83d\\ude00\"}", "s");
        assertEquals("😀😀", ok.requiredString("s", 2, 2));
        ok.check();
        Fields bad = of("{\"s\":\"a\\ud800b\"}", "s");
        bad.requiredString("s", 1, 10);
        assertEquals(List.of("s"), errorFields(bad));
    }

    @Test
    void nestedObjectsAndArrays_namePathsOfErrors() throws Exception {
        Fields f = of("{\"owner\":{\"email\":3},\"stores\":[{\"name\":\"\"},7]}", "owner", "stores");
        f.requiredObject("owner", Set.of("email")).requiredString("email", 1, 9);
        f.requiredObjects("stores", 1, 5, Set.of("name")).forEach(s -> s.requiredString("name", 1, 9));
        assertEquals(List.of("owner.email", "stores[1]", "stores[0].name"), errorFields(f));
    }

    @Test
    void everyFieldError_carriesAStableCode() throws Exception {
        Fields f = of("{\"x\":1,\"a\":\"toolong\",\"b\":\"x\",\"c\":\"q\",\"d\":\"zz\",\"e\":11,\"g\":\"1\",\"h\":[],\"i\":\" \"}",
                "a", "b", "c", "d", "e", "g", "h", "i", "j");
        f.requiredString("a", 1, 3);
        f.requiredString("b", 2, 3);
        f.requiredMatching("c", java.util.regex.Pattern.compile("[0-9]+"), "must be digits");
        f.requiredEnum("d", Set.of("yes", "no"));
        f.requiredLong("e", 0, 10);
        f.requiredLong("g", 0, 10);
        f.requiredObjects("h", 1, 2, Set.of());
        f.requiredString("i", 1, 3);
        f.requiredString("j", 1, 3);
        f.reject("k", "is wrong for this route");
        ApiException e = assertThrows(ApiException.class, f::check);
        java.util.Map<String, String> codes = new java.util.TreeMap<>();
        e.errors().forEach(fe -> codes.put(fe.field(), fe.code()));
        assertEquals(java.util.Map.of("x", "unknown_field", "a", "too_long", "b", "too_short", "c", "invalid_format",
                "d", "not_in_list", "e", "out_of_range", "g", "invalid_type", "h", "too_few_items", "i", "blank",
                "j", "required"), java.util.Map.copyOf(codes.entrySet().stream().filter(x -> !x.getKey().equals("k"))
                .collect(java.util.stream.Collectors.toMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue))));
        assertEquals("invalid", codes.get("k"), "the two-argument form keeps working, with the general code");
    }

    @Test
    void aProblem_namesEachFieldsCode() {
        Response r = Problem.of(ApiException.badRequest("the request has invalid fields",
                List.of(new ApiException.FieldError("name", Fields.REQUIRED, "is required"))), "/x");
        com.fasterxml.jackson.databind.JsonNode body = Json.MAPPER.valueToTree(r.body());
        assertEquals("required", body.get("errors").get(0).get("code").asText());
        assertEquals("name", body.get("errors").get(0).get("field").asText());
    }

    @Test
    void aReaderWhoPrefersChinese_readsCoresWordsInChinese_andEnglishStaysTheDefault() throws Exception {
        Fields f = Fields.of(Json.read("{\"n\":99}"), Set.of("n", "s"), Language.ZH);
        f.requiredLong("n", 0, 10);
        f.requiredString("s", 1, 5);
        ApiException e = assertThrows(ApiException.class, f::check);
        assertEquals(List.of("必须在 0 到 10 之间", "必填"), e.errors().stream().map(ApiException.FieldError::message).toList());
        com.fasterxml.jackson.databind.JsonNode zh = Json.MAPPER.valueToTree(Problem.of(e, "/x", Language.of("zh-CN,zh;q=0.9,en;q=0.8")).body());
        assertEquals("请求无效", zh.get("title").asText());
        assertEquals("请求中有无效的字段", zh.get("detail").asText());
        assertEquals("invalid-request", zh.get("code").asText(), "codes stay the same in every language");
        com.fasterxml.jackson.databind.JsonNode en = Json.MAPPER.valueToTree(Problem.of(e, "/x", Language.of("en-US")).body());
        assertEquals("Invalid request", en.get("title").asText());
        assertEquals("the request has invalid fields", en.get("detail").asText());
        assertEquals(Language.EN, Language.of(null));
    }

    @Test
    void aBodyThatIsNotAnObject_isRefused() throws Exception {
        assertThrows(ApiException.class, () -> Fields.of(Json.read("[1]"), Set.of()));
    }
}
