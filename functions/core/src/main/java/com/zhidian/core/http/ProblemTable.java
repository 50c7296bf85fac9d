package com.zhidian.core.http;

import com.zhidian.core.errors.ApiException;
import com.zhidian.core.errors.DomainException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A context's one mapping of its domain exceptions to problem+json: the status, and the words in English and
 * in Chinese (the reader's Accept-Language picks). The code is the exception's own, stable for clients.
 */
public final class ProblemTable {
    /** {@code field}: a 400 that names the request field at fault (problem+json {@code errors[]}), or null. */
    private record Rule<E extends DomainException>(int status, String title, Function<E, String> field, Function<E, String> en,
                                                   Function<E, String> zh, List<String> exposed) {
        Rule(int status, String title, Function<E, String> field, Function<E, String> en, Function<E, String> zh) {
            this(status, title, field, en, zh, List.of());
        }
    }

    private final Map<Class<?>, Rule<?>> rules = new LinkedHashMap<>();

    public <E extends DomainException> ProblemTable on(Class<E> type, int status, String title,
                                                       Function<E, String> en, Function<E, String> zh) {
        return add(type, new Rule<>(status, title, null, en, zh));
    }

    /**
     * Like {@link #on}, and the named facts also go into the problem as extension members the client acts on
     * (the {@code approvalId} of {@code approval.required}).
     */
    public <E extends DomainException> ProblemTable onExposing(Class<E> type, int status, String title, List<String> facts,
                                                               Function<E, String> en, Function<E, String> zh) {
        return add(type, new Rule<>(status, title, null, en, zh, List.copyOf(facts)));
    }

    /**
     * A refusal that is the fault of one request field, found only once the rule looked at stored data (the body
     * names stores the tenant does not have): a 400 whose {@code errors[]} names the field, like a malformed one.
     */
    public <E extends DomainException> ProblemTable onField(Class<E> type, String field, Function<E, String> en,
                                                            Function<E, String> zh) {
        return add(type, new Rule<E>(400, "Invalid request", e -> field, en, zh));
    }

    /**
     * Like {@link #on} for a 400 of bad input found in the domain (a report's dates): the problem keeps its own title,
     * and its {@code errors[]} names the request field {@code field} picks, as api.md asks of every invalid input.
     */
    public <E extends DomainException> ProblemTable onInput(Class<E> type, String title, Function<E, String> field,
                                                            Function<E, String> en, Function<E, String> zh) {
        return add(type, new Rule<>(400, title, field, en, zh));
    }

    /**
     * Also maps {@code other}'s exceptions, with its words: for a context that calls another one in process (onboarding
     * creates the owner's login through the stores context) and lets its refusals through.
     */
    public ProblemTable including(ProblemTable other) {
        other.rules.forEach(this::add);
        return this;
    }

    private ProblemTable add(Class<?> type, Rule<?> rule) {
        // the same row reached twice (two included tables that both include the approvals gate's) is one row
        Rule<?> before = rules.put(type, rule);
        if (before != null && before != rule) throw new IllegalArgumentException("mapped twice: " + type);
        return this;
    }

    /** The problem for {@code e}; an exception with no rule is a programming error (a 500 that a test finds). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public ApiException toProblem(DomainException e, Language language) {
        for (Class<?> c = e.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            Rule rule = rules.get(c);
            if (rule != null) {
                String detail = (String) (language == Language.ZH ? rule.zh() : rule.en()).apply(e);
                String field = rule.field() == null ? null : (String) rule.field().apply(e);
                List<ApiException.FieldError> errors = field == null ? null : List.of(new ApiException.FieldError(field, e.code(), detail));
                String text = field == null ? detail : field + ": " + detail;
                ApiException problem = new ApiException(rule.status(), rule.title(), text, errors).withCode(e.code());
                List<String> exposed = rule.exposed();
                if (!exposed.isEmpty()) {
                    Map<String, Object> members = new LinkedHashMap<>();
                    for (String f : exposed) if (e.facts().get(f) != null) members.put(f, e.facts().get(f));
                    problem.withExtensions(members);
                }
                return problem;
            }
        }
        throw new IllegalStateException("no problem mapped for " + e.getClass().getName(), e);
    }

    public boolean isEmpty() { return rules.isEmpty(); }
}
