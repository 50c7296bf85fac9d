package com.zhidian.core.errors;

import java.util.Map;

/**
 * A business rule refused the request: a stable code ({@code "stock.insufficient"}) and the facts a message
 * needs. It knows no HTTP status and no language: each context's api layer maps its exceptions to
 * problem+json in one table ({@code com.zhidian.core.http.ProblemTable}).
 */
public abstract class DomainException extends RuntimeException {
    private final String code;
    private final Map<String, Object> facts;

    protected DomainException(String code, Map<String, Object> facts) {
        super(code + " " + facts, null, false, false);
        this.code = code;
        this.facts = Map.copyOf(facts);
    }

    protected DomainException(String code) {
        this(code, Map.of());
    }

    /** Final: a subclass's accessor named {@code code()} would replace the problem's stable code. */
    public final String code() { return code; }
    public final Map<String, Object> facts() { return facts; }
}
