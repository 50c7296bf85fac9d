package com.zhidian.core.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.core.errors.ApiException.FieldError;
import com.zhidian.core.errors.ApiException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A strict reader of a JSON object body. Declares the fields it accepts, so an unknown or privileged
 * field (tenantId, price, balance, role...) is refused rather than ignored or applied (OWASP API3).
 * Collects every problem before {@link #check()} throws one 400 that lists them all.
 */
public final class Fields {
    /** The codes of {@code errors[].code}: stable, for clients to branch on or to word in the reader's language. */
    public static final String REQUIRED = "required";
    public static final String UNKNOWN_FIELD = "unknown_field";
    public static final String INVALID_TYPE = "invalid_type";
    public static final String INVALID_TEXT = "invalid_text";
    public static final String BLANK = "blank";
    public static final String TOO_SHORT = "too_short";
    public static final String TOO_LONG = "too_long";
    public static final String INVALID_FORMAT = "invalid_format";
    public static final String NOT_IN_LIST = "not_in_list";
    public static final String OUT_OF_RANGE = "out_of_range";
    public static final String TOO_FEW = "too_few_items";
    public static final String TOO_MANY = "too_many_items";

    private final JsonNode node;
    private final String prefix;
    private final List<FieldError> errors;
    private final Language language;

    private Fields(JsonNode node, String prefix, List<FieldError> errors, Set<String> allowed, Language language) {
        this.node = node;
        this.prefix = prefix;
        this.errors = errors;
        this.language = language;
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) errors.add(new FieldError(prefix + name, UNKNOWN_FIELD, t("unknown field", "未知字段")));
        }
    }

    public static Fields of(JsonNode body, Set<String> allowed) {
        return of(body, allowed, Language.EN);
    }

    /** Messages in the reader's language (the routes' own rules stay as the route words them). */
    public static Fields of(JsonNode body, Set<String> allowed, Language language) {
        List<FieldError> errors = new ArrayList<>();
        if (body == null || !body.isObject()) {
            boolean zh = language == Language.ZH;
            throw ApiException.badRequest("the body must be a JSON object",
                    List.of(new FieldError("body", INVALID_TYPE, zh ? "必须是 JSON 对象" : "must be a JSON object")))
                    .inChinese("请求体必须是 JSON 对象");
        }
        return new Fields(body, "", errors, allowed, language);
    }

    private String t(String en, String zh) {
        return language == Language.ZH ? zh : en;
    }

    /** Throws one 400 with every field error found so far. Call it before any write. */
    public void check() {
        if (!errors.isEmpty()) throw ApiException.badRequest("the request has invalid fields", errors).inChinese("请求中有无效的字段");
    }

    /** A field refused by the route's own rule: code {@code invalid}. */
    public void reject(String field, String message) {
        errors.add(new FieldError(prefix + field, message));
    }

    /** A field refused by the route's own rule, with one of the codes above (or the context's own). */
    public void reject(String field, String code, String message) {
        errors.add(new FieldError(prefix + field, code, message));
    }

    public boolean has(String field) {
        return node.has(field) && !node.get(field).isNull();
    }

    // ---- strings ----

    public String requiredString(String field, int minLen, int maxLen) {
        if (!has(field)) return missing(field, null);
        return string(field, minLen, maxLen);
    }

    public String optionalString(String field, int minLen, int maxLen) {
        return has(field) ? string(field, minLen, maxLen) : null;
    }

    public String requiredMatching(String field, Pattern pattern, String rule) {
        String v = requiredString(field, 1, 256);
        if (v != null && !pattern.matcher(v).matches()) return invalid(field, INVALID_FORMAT, rule, null);
        return v;
    }

    public String optionalMatching(String field, Pattern pattern, String rule) {
        String v = optionalString(field, 1, 256);
        if (v != null && !pattern.matcher(v).matches()) return invalid(field, INVALID_FORMAT, rule, null);
        return v;
    }

    public String requiredEnum(String field, Set<String> values) {
        if (!has(field)) return missing(field, null);
        return enumValue(field, values);
    }

    public String optionalEnum(String field, Set<String> values) {
        return has(field) ? enumValue(field, values) : null;
    }

    private String enumValue(String field, Set<String> values) {
        String v = string(field, 1, 64);
        if (v != null && !values.contains(v)) return invalid(field, NOT_IN_LIST, t("must be one of ", "必须是以下之一：") + String.join(", ", values.stream().sorted().toList()), null);
        return v;
    }

    private String string(String field, int minLen, int maxLen) {
        JsonNode v = node.get(field);
        if (!v.isTextual()) return invalid(field, INVALID_TYPE, t("must be a string", "必须是字符串"), null);
        String s = v.textValue();
        if (!Text.isWellFormed(s)) return invalid(field, INVALID_TEXT, t("must be valid Unicode text without control characters", "必须是有效的 Unicode 文本，不含控制字符"), null);
        int len = s.codePointCount(0, s.length());
        if (s.isBlank() && minLen > 0) return invalid(field, BLANK, t("must not be blank", "不能为空白"), null);
        if (len < minLen || len > maxLen) return invalid(field, len < minLen ? TOO_SHORT : TOO_LONG, t("must be " + minLen + " to " + maxLen + " characters", "长度须为 " + minLen + " 到 " + maxLen + " 个字符"), null);
        return s;
    }

    // ---- numbers and booleans ----

    public Long requiredLong(String field, long min, long max) {
        if (!has(field)) return missing(field, null);
        return longValue(field, min, max);
    }

    public Long optionalLong(String field, long min, long max) {
        return has(field) ? longValue(field, min, max) : null;
    }

    private Long longValue(String field, long min, long max) {
        JsonNode v = node.get(field);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) return invalid(field, INVALID_TYPE, t("must be a whole number", "必须是整数"), null);
        long n = v.longValue();
        if (n < min || n > max) return invalid(field, OUT_OF_RANGE, t("must be between " + min + " and " + max, "必须在 " + min + " 到 " + max + " 之间"), null);
        return n;
    }

    public Boolean requiredBoolean(String field) {
        if (!has(field)) return missing(field, null);
        return optionalBoolean(field);
    }

    public Boolean optionalBoolean(String field) {
        if (!has(field)) return null;
        JsonNode v = node.get(field);
        if (!v.isBoolean()) return invalid(field, INVALID_TYPE, t("must be true or false", "必须是 true 或 false"), null);
        return v.booleanValue();
    }

    // ---- nested ----

    public Fields requiredObject(String field, Set<String> allowed) {
        if (!has(field)) return missing(field, null);
        return optionalObject(field, allowed);
    }

    public Fields optionalObject(String field, Set<String> allowed) {
        if (!has(field)) return null;
        JsonNode v = node.get(field);
        if (!v.isObject()) return invalid(field, INVALID_TYPE, t("must be an object", "必须是对象"), null);
        return new Fields(v, prefix + field + ".", errors, allowed, language);
    }

    public List<Fields> requiredObjects(String field, int min, int max, Set<String> allowed) {
        if (!has(field)) return missing(field, List.of());
        JsonNode v = node.get(field);
        if (!v.isArray()) return invalid(field, INVALID_TYPE, t("must be an array", "必须是数组"), List.of());
        if (v.size() < min || v.size() > max) return invalid(field, v.size() < min ? TOO_FEW : TOO_MANY, t("must hold " + min + " to " + max + " items", "须包含 " + min + " 到 " + max + " 项"), List.of());
        List<Fields> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            String p = prefix + field + "[" + i + "]";
            if (!item.isObject()) errors.add(new FieldError(p, INVALID_TYPE, t("must be an object", "必须是对象")));
            else out.add(new Fields(item, p + ".", errors, allowed, language));
        }
        return out;
    }

    public List<String> optionalStrings(String field, int max, Pattern each, String rule) {
        if (!has(field)) return null;
        JsonNode v = node.get(field);
        if (!v.isArray()) return invalid(field, INVALID_TYPE, t("must be an array of strings", "必须是字符串数组"), null);
        if (v.size() > max) return invalid(field, TOO_MANY, t("must hold at most " + max + " items", "最多包含 " + max + " 项"), null);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            if (!item.isTextual() || !each.matcher(item.textValue()).matches()) {
                errors.add(new FieldError(prefix + field + "[" + i + "]", INVALID_FORMAT, rule));
            } else if (!out.contains(item.textValue())) {
                out.add(item.textValue());
            }
        }
        return out;
    }

    private <T> T missing(String field, T fallback) {
        errors.add(new FieldError(prefix + field, REQUIRED, t("is required", "必填")));
        return fallback;
    }

    private <T> T invalid(String field, String code, String message, T fallback) {
        errors.add(new FieldError(prefix + field, code, message));
        return fallback;
    }
}
