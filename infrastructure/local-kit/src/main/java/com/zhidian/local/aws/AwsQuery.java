package com.zhidian.local.aws;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The AWS Query protocol (https://smithy.io/2.0/aws/protocols/aws-query-protocol.html), as STS, IAM and SQS's older
 * API speak it: form-encoded parameters ({@code Action=AssumeRole&Version=2011-06-15&...}) in a POST body or the
 * query string, lists flattened as {@code Tags.member.1.Key=...&Tags.member.1.Value=...}, XML answers and an
 * {@code <ErrorResponse>} for errors.
 */
public record AwsQuery(Map<String, String> params) {

    /** The request's parameters: the POST body, else the query string (either may be null). */
    public static AwsQuery of(String method, String rawQuery, byte[] body) {
        return parse("POST".equals(method) ? new String(body, StandardCharsets.UTF_8) : rawQuery);
    }

    public static AwsQuery parse(String form) {
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
        return new AwsQuery(params);
    }

    public String get(String name) { return params.get(name); }

    /** {@code <list>.member.N.Key / .Value} pairs, in order N = 1, 2, ...; null values for a missing Value. */
    public Map<String, String> keyValues(String list) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int n = 1; params.containsKey(list + ".member." + n + ".Key"); n++) {
            out.put(params.get(list + ".member." + n + ".Key"), params.get(list + ".member." + n + ".Value"));
        }
        return out;
    }

    /**
     * The Query protocol's error document. {@code type}: Sender (the caller's fault, 4xx) or Receiver (the
     * service's, 5xx); {@code namespace}: the service's XML namespace.
     */
    public static String errorXml(String namespace, String type, String code, String message, String requestId) {
        return "<ErrorResponse xmlns=\"" + namespace + "\">\n"
                + "  <Error>\n"
                + "    <Type>" + type + "</Type>\n"
                + "    <Code>" + escape(code) + "</Code>\n"
                + "    <Message>" + escape(message) + "</Message>\n"
                + "  </Error>\n"
                + "  <RequestId>" + requestId + "</RequestId>\n"
                + "</ErrorResponse>\n";
    }

    /** Text as XML character data. */
    public static String escape(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
