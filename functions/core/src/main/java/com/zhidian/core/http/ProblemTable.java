package com.zhidian.core.http;

import com.zhidian.core.errors.ApiException;
import com.zhidian.core.errors.DomainException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A context's one mapping of its domain exceptions to problem+json: the status, and the words in English and
 * in Chinese (the reader's Accept-Language picks). The code is the exception's own, stable for clients.
 */
public final class ProblemTable {
    private record Rule<E extends DomainException>(int status, String title, Function<E, String> en, Function<E, String> zh) {}

    private final Map<Class<?>, Rule<?>> rules = new LinkedHashMap<>();

    public <E extends DomainException> ProblemTable on(Class<E> type, int status, String title,
                                                       Function<E, String> en, Function<E, String> zh) {
        if (rules.put(type, new Rule<>(status, title, en, zh)) != null) throw new IllegalArgumentException("mapped twice: " + type);
        return this;
    }

    /** The problem for {@code e}; an exception with no rule is a programming error (a 500 that a test finds). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public ApiException toProblem(DomainException e, Language language) {
        for (Class<?> c = e.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            Rule rule = rules.get(c);
            if (rule != null) {
                String detail = (String) (language == Language.ZH ? rule.zh() : rule.en()).apply(e);
                return new ApiException(rule.status(), rule.title(), detail, null).withCode(e.code());
            }
        }
        throw new IllegalStateException("no problem mapped for " + e.getClass().getName(), e);
    }

    public boolean isEmpty() { return rules.isEmpty(); }
}
