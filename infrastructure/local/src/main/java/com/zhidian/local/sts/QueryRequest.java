package com.zhidian.local.sts;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An AWS Query protocol request: form-encoded parameters ({@code Action=AssumeRole&Version=2011-06-15&...}), lists
 * flattened as {@code Tags.member.1.Key=...&Tags.member.1.Value=...}.
 */
record QueryRequest(Map<String, String> params) {

    static QueryRequest parse(String form) {
        Map<String, String> params = new LinkedHashMap<>();
        if (form != null && !form.isEmpty()) {
            for (String pair : form.split("&")) {
                if (pair.isEmpty()) continue;
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                params.put(name, value);
            }
        }
        return new QueryRequest(params);
    }

    String get(String name) { return params.get(name); }

    /** {@code <list>.member.N.Key / .Value} pairs, in order N = 1, 2, ...; null values for a missing Value. */
    Map<String, String> keyValues(String list) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int n = 1; params.containsKey(list + ".member." + n + ".Key"); n++) {
            out.put(params.get(list + ".member." + n + ".Key"), params.get(list + ".member." + n + ".Value"));
        }
        return out;
    }
}
