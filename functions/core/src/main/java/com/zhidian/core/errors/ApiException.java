package com.zhidian.core.errors;

import java.util.List;

/**
 * A failure the caller must tell apart, mapped to one HTTP status in one place ({@link Problem}).
 * Thrown before any write, or from a write that DynamoDB refused as a whole, so nothing is half done.
 */
public class ApiException extends RuntimeException {
    private final int status;
    private final String title;
    private final List<FieldError> errors;
    private String code;
    private String detailZh;
    private java.util.Map<String, Object> extensions = java.util.Map.of();

    public ApiException(int status, String title, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public int status() { return status; }
    public String title() { return title; }
    public String detail() { return getMessage(); }
    public List<FieldError> errors() { return errors; }

    /** A stable code clients may branch on ({@code "points.not_enough"}); null leaves the title's slug. */
    public String code() { return code; }

    public ApiException withCode(String code) {
        this.code = code;
        return this;
    }

    /** The detail for a reader who prefers Chinese (Accept-Language zh); null: the English one is shown. */
    public String detailZh() { return detailZh; }

    public ApiException inChinese(String detail) {
        this.detailZh = detail;
        return this;
    }

    /** RFC 9457 extension members the client acts on ({@code approvalId} of {@code approval.required}); empty for most. */
    public java.util.Map<String, Object> extensions() { return extensions; }

    public ApiException withExtensions(java.util.Map<String, Object> members) {
        this.extensions = java.util.Map.copyOf(members);
        return this;
    }

    /**
     * One field at fault: its path ({@code owner.email}, {@code stores[1].name}), a stable {@code code} clients may
     * branch on or translate ({@code required}, {@code too_long}, {@code not_in_list}, ... see {@code http.Fields}),
     * and an English message.
     */
    public record FieldError(String field, String code, String message) {
        /** A field error with the general code {@code invalid}. */
        public FieldError(String field, String message) {
            this(field, "invalid", message);
        }
    }

    public static ApiException badRequest(String detail, List<FieldError> errors) {
        return new ApiException(400, "Invalid request", detail, errors);
    }
    public static ApiException badRequest(String field, String message) {
        return badRequest(field + ": " + message, List.of(new FieldError(field, message)));
    }
    public static ApiException unauthorized(String detail) {
        return new ApiException(401, "Unauthorized", detail, null);
    }
    public static ApiException forbidden(String detail) {
        return new ApiException(403, "Forbidden", detail, null);
    }
    public static ApiException notFound(String what) {
        return new ApiException(404, "Not found", what + " was not found", null);      // Chinese: problem-words.zh-CN.tsv
    }
    public static ApiException conflict(String detail) {
        return new ApiException(409, "Conflict", detail, null);
    }
    public static ApiException tooLarge(long limit) {
        return new ApiException(413, "Payload too large", "the body is larger than " + limit + " bytes", null)
                .inChinese("请求体超过 " + limit + " 字节");
    }
    public static ApiException unprocessable(String detail) {
        return new ApiException(422, "Request refused", detail, null);
    }
    public static ApiException tooManyRequests(String detail) {
        return new ApiException(429, "Too many requests", detail, null);
    }
    public static ApiException unavailable(String detail) {
        return new ApiException(503, "Service unavailable", detail, null);
    }
}
