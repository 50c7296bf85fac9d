package com.zhidian.apitests.security;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Whether a JSON value satisfies a schema of the spec (the keywords the spec uses: type, enum, const, not,
 * pattern, format email/date, min/maxLength in code points, minimum/maximum, min/maxItems, required,
 * additionalProperties false, minProperties). Null on an optional property is "absent" for Zhidian's readers,
 * so it is neither required to pass nor to fail: {@link Verdict#EITHER}.
 */
final class SchemaCheck {
    enum Verdict { VALID, INVALID, EITHER }

    private SchemaCheck() {}

    @SuppressWarnings("unchecked")
    static Verdict check(Object schemaObj, JsonNode v) {
        Map<String, Object> s = (Map<String, Object>) SpecOps.resolve(schemaObj == null ? Map.of() : schemaObj);
        if (v == null || v.isMissingNode()) return Verdict.VALID;
        List<String> types = types(s);
        if (v.isNull()) return types.contains("null") ? Verdict.VALID : Verdict.EITHER;
        if (s.get("enum") instanceof List<?> e && e.stream().noneMatch(x -> x != null && x.toString().equals(v.asText()) && !v.isContainerNode())) {
            return Verdict.INVALID;
        }
        if (s.containsKey("const") && !String.valueOf(s.get("const")).equals(v.asText())) return Verdict.INVALID;
        if (s.get("not") instanceof Map<?, ?> not && not.containsKey("const") && String.valueOf(not.get("const")).equals(v.asText())
                && v.isNumber()) {
            return Verdict.INVALID;
        }
        String t = types.isEmpty() ? null : types.get(0);
        if (t == null) return Verdict.VALID;
        switch (t) {
            case "string": {
                if (!v.isTextual()) return Verdict.INVALID;
                String text = v.textValue();
                if (!wellFormed(text)) return Verdict.INVALID;
                int len = text.codePointCount(0, text.length());
                if (s.get("minLength") instanceof Number n && len < n.intValue()) return Verdict.INVALID;
                if (s.get("maxLength") instanceof Number n && len > n.intValue()) return Verdict.INVALID;
                if (s.get("pattern") instanceof String p && !Pattern.compile(p).matcher(text).find()) return Verdict.INVALID;
                if ("email".equals(s.get("format")) && !text.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) return Verdict.INVALID;
                return Verdict.VALID;
            }
            case "integer":
                if (!v.isIntegralNumber() || !v.canConvertToLong()) return Verdict.INVALID;
                return range(s, v.longValue());
            case "number":
                if (!v.isNumber()) return Verdict.INVALID;
                return range(s, v.doubleValue());
            case "boolean":
                return v.isBoolean() ? Verdict.VALID : Verdict.INVALID;
            case "array": {
                if (!v.isArray()) return Verdict.INVALID;
                if (s.get("minItems") instanceof Number n && v.size() < n.intValue()) return Verdict.INVALID;
                if (s.get("maxItems") instanceof Number n && v.size() > n.intValue()) return Verdict.INVALID;
                Verdict all = Verdict.VALID;
                for (JsonNode item : v) all = worst(all, check(s.get("items"), item));
                return all;
            }
            case "object": {
                if (!v.isObject()) return Verdict.INVALID;
                Map<String, Object> props = (Map<String, Object>) s.getOrDefault("properties", Map.of());
                for (Object r : (List<Object>) s.getOrDefault("required", List.of())) {
                    JsonNode f = v.get(String.valueOf(r));
                    if (f == null || f.isNull()) return Verdict.INVALID;
                }
                if (s.get("minProperties") instanceof Number n) {
                    if (v.size() < n.intValue()) return Verdict.INVALID;
                }
                Verdict all = Verdict.VALID;
                for (var it = v.fields(); it.hasNext(); ) {
                    var f = it.next();
                    Object ps = props.get(f.getKey());
                    if (ps == null) {
                        if (Boolean.FALSE.equals(s.get("additionalProperties"))) return Verdict.INVALID;
                        continue;
                    }
                    all = worst(all, check(ps, f.getValue()));
                }
                return all;
            }
            default:
                return Verdict.VALID;
        }
    }

    private static Verdict range(Map<String, Object> s, double n) {
        if (s.get("minimum") instanceof Number m && n < m.doubleValue()) return Verdict.INVALID;
        if (s.get("maximum") instanceof Number m && n > m.doubleValue()) return Verdict.INVALID;
        return Verdict.VALID;
    }

    private static Verdict worst(Verdict a, Verdict b) {
        if (a == Verdict.INVALID || b == Verdict.INVALID) return Verdict.INVALID;
        if (a == Verdict.EITHER || b == Verdict.EITHER) return Verdict.EITHER;
        return Verdict.VALID;
    }

    @SuppressWarnings("unchecked")
    static List<String> types(Map<String, Object> s) {
        Object t = s.get("type");
        if (t instanceof String ts) return List.of(ts);
        if (t instanceof List<?> l) return l.stream().map(String::valueOf).sorted((a, b) -> a.equals("null") ? 1 : b.equals("null") ? -1 : 0).toList();
        if (s.containsKey("properties")) return List.of("object");
        if (s.containsKey("items")) return List.of("array");
        if (s.containsKey("enum")) return List.of("string");
        return List.of();
    }

    /** No lone surrogates and no C0 controls but tab and newline, no DEL: what DynamoDB and the rails accept. */
    static boolean wellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) return false;
                i++;
            } else if (Character.isLowSurrogate(c) || (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f) {
                return false;
            }
        }
        return true;
    }
}
