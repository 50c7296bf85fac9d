package com.zhidian.local.s3;

import com.sun.net.httpserver.Headers;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4 as S3 checks it, in the {@code Authorization} header or in a presigned URL's query
 * (https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html): the canonical request (method,
 * the path as sent, the sorted query without {@code X-Amz-Signature}, the signed headers, the payload hash),
 * the string to sign over the credential scope, and the HMAC chain from the access key's secret. The payload
 * hash is taken as the request states it ({@code x-amz-content-sha256}, or {@code UNSIGNED-PAYLOAD} for a
 * presigned URL), not recomputed from the body.
 */
final class SigV4 {
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    enum Verdict {
        OK(null, null),
        MISSING("AccessDenied", "Request is not signed (AWS Signature Version 4)"),
        UNKNOWN_KEY("InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records."),
        EXPIRED("AccessDenied", "Request has expired"),
        MISMATCH("SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided.");

        final String code, message;

        Verdict(String code, String message) {
            this.code = code;
            this.message = message;
        }
    }

    private SigV4() {}

    static Verdict verify(String method, String rawPath, String rawQuery, Headers headers, Map<String, String> secrets, Instant now) {
        Map<String, String> query = new TreeMap<>();
        for (String pair : rawQuery.isEmpty() ? new String[0] : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String k = decode(eq < 0 ? pair : pair.substring(0, eq));
            String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
            query.put(k, v);
        }
        String credential, signedHeaders, signature, amzDate, payloadHash;
        boolean presigned = query.containsKey("X-Amz-Signature");
        if (presigned) {
            credential = query.get("X-Amz-Credential");
            signedHeaders = query.get("X-Amz-SignedHeaders");
            signature = query.get("X-Amz-Signature");
            amzDate = query.get("X-Amz-Date");
            payloadHash = "UNSIGNED-PAYLOAD";
            String expires = query.get("X-Amz-Expires");
            if (credential == null || signedHeaders == null || amzDate == null || expires == null) return Verdict.MISSING;
            try {
                Instant signed = LocalDateTime.parse(amzDate, AMZ_DATE).toInstant(ZoneOffset.UTC);
                if (now.isAfter(signed.plusSeconds(Long.parseLong(expires)))) return Verdict.EXPIRED;
            } catch (RuntimeException e) {
                return Verdict.MISSING;
            }
        } else {
            String auth = headers.getFirst("Authorization");
            if (auth == null || !auth.startsWith("AWS4-HMAC-SHA256 ")) return Verdict.MISSING;
            Map<String, String> parts = new TreeMap<>();
            for (String p : auth.substring(17).split(",")) {
                int eq = p.indexOf('=');
                if (eq > 0) parts.put(p.substring(0, eq).trim(), p.substring(eq + 1).trim());
            }
            credential = parts.get("Credential");
            signedHeaders = parts.get("SignedHeaders");
            signature = parts.get("Signature");
            amzDate = headers.getFirst("x-amz-date");
            payloadHash = headers.getFirst("x-amz-content-sha256");
            if (credential == null || signedHeaders == null || signature == null || amzDate == null || payloadHash == null) return Verdict.MISSING;
        }
        String[] scope = credential.split("/", 2);
        if (scope.length < 2) return Verdict.MISSING;
        String secret = secrets.get(scope[0]);
        if (secret == null) return Verdict.UNKNOWN_KEY;
        String[] s = scope[1].split("/");
        if (s.length != 4) return Verdict.MISSING;

        StringBuilder canonicalQuery = new StringBuilder();
        query.forEach((k, v) -> {
            if (k.equals("X-Amz-Signature")) return;
            if (canonicalQuery.length() > 0) canonicalQuery.append('&');
            canonicalQuery.append(encode(k)).append('=').append(encode(v));
        });
        StringBuilder canonicalHeaders = new StringBuilder();
        for (String h : signedHeaders.split(";")) {
            List<String> values = headers.get(h);
            String v = values == null ? "" : String.join(",", values.stream().map(x -> x.trim().replaceAll("\\s+", " ")).toList());
            canonicalHeaders.append(h).append(':').append(v).append('\n');
        }
        String canonical = method + "\n" + rawPath + "\n" + canonicalQuery + "\n" + canonicalHeaders + "\n" + signedHeaders + "\n" + payloadHash;
        String toSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope[1] + "\n" + hex(sha256(canonical.getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), s[0]);
        key = hmac(key, s[1]);
        key = hmac(key, s[2]);
        key = hmac(key, s[3]);
        String expected = hex(hmac(key, toSign));
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), String.valueOf(signature).getBytes(StandardCharsets.US_ASCII))
                ? Verdict.OK : Verdict.MISMATCH;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** RFC 3986 unreserved characters stay; everything else is %XX in upper case (SigV4's URI encoding). */
    static String encode(String s) {
        StringBuilder b = new StringBuilder();
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (x & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~') b.append(c);
            else b.append('%').append(String.format("%02X", x & 0xff));
        }
        return b.toString();
    }

    private static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

}
